"""Settings sections (the full Settings screen arrives with issue 7)."""
