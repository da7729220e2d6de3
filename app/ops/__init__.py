"""Operations the widgets call: they run work off the GUI thread and report back on it."""
