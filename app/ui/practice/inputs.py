"""Answer inputs, one per question type: what a 10-year-old expects to click or type.

Every input has ``value()`` (the :data:`~app.core.learner.answers.Answer` the grader
takes), ``focus_target()`` (where the keyboard goes first) and a ``submitted`` signal for
Enter in a text box. Choices keep the pack's order: the pack author chose it. Ordering
items are the exception: shown in the pack's order they would be the answer.
"""

from __future__ import annotations

import random
import zlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.content.model import Question, QuestionType
from app.core.learner.answers import Answer
from app.ui.prompt_fit import PromptFit


class AnswerInput(QWidget):
    """Base class. Signals: submitted: Enter was pressed in a text box."""

    submitted = Signal()

    def value(self) -> Answer:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        return self


class ChoiceInput(AnswerInput):
    """Radio buttons (one answer) or check boxes (several answers)."""

    def __init__(self, question: Question, *, several: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.several = several
        self.group = QButtonGroup(self)
        self.group.setExclusive(not several)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QAbstractButton] = []
        for index, choice in enumerate(question.choices):
            button: QAbstractButton = (QCheckBox(choice.text) if several
                                       else QRadioButton(choice.text))
            button.setAccessibleName(choice.text)
            self.group.addButton(button, index)
            column.addWidget(button)
            self.buttons.append(button)

    def value(self) -> Answer:
        if self.several:
            return frozenset(i for i, b in enumerate(self.buttons) if b.isChecked())
        checked = self.group.checkedId()
        return None if checked < 0 else checked

    def focus_target(self) -> QWidget:
        return self.buttons[0] if self.buttons else self


class TrueFalseInput(AnswerInput):
    """Two big, toggling buttons: True and False."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.true_button = QPushButton(self.tr("True"))
        self.false_button = QPushButton(self.tr("False"))
        self.group = QButtonGroup(self)
        for button in (self.true_button, self.false_button):
            button.setCheckable(True)
            button.setMinimumHeight(40)
            self.group.addButton(button)
        self.true_button.setAccessibleName(self.tr("True"))
        self.false_button.setAccessibleName(self.tr("False"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.true_button)
        row.addWidget(self.false_button)
        row.addStretch(1)

    def value(self) -> Answer:
        if self.true_button.isChecked():
            return True
        return False if self.false_button.isChecked() else None

    def focus_target(self) -> QWidget:
        return self.true_button


class TextInput(AnswerInput):
    """One line for a number (with its unit beside it) or a short written answer."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        numeric = question.type is QuestionType.NUMERIC
        self.edit = QLineEdit()
        self.edit.setMaxLength(400)
        self.edit.setAccessibleName(self.tr("Your answer"))
        self.edit.returnPressed.connect(self.submitted)
        self.prompt_label = QLabel()
        self.prompt = PromptFit(self.edit, self.prompt_label)
        self.prompt.set_text(self.tr("Type a number, like 3/4 or 0.75") if numeric
                             else self.tr("Write your answer in a few words"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.prompt_label)
        row = QHBoxLayout()
        column.addLayout(row)
        row.addWidget(self.edit, 1)
        if numeric and question.unit:
            unit = QLabel(question.unit)
            unit.setBuddy(self.edit)
            row.addWidget(unit)

    def value(self) -> Answer:
        return self.edit.text()

    def focus_target(self) -> QWidget:
        return self.edit


def shuffled_order(question: Question) -> list[int]:
    """The items' starting order: shuffled, never already right, the same on every visit
    (seeded by the question id, so coming back does not reshuffle)."""
    count = len(question.items)
    order = list(range(count))
    if count < 2:
        return order
    rng = random.Random(zlib.crc32(f"{question.skill}/{question.id}".encode()))
    while order == sorted(order):
        rng.shuffle(order)
    return order


class OrderInput(AnswerInput):
    """The items in a list the learner reorders: drag them, or select one and use Move up
    / Move down (or Alt+Up / Alt+Down) so that the keyboard is enough."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Items to put in order"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        for index in shuffled_order(question):
            item = QListWidgetItem(question.items[index])
            item.setData(Qt.ItemDataRole.UserRole, index)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.up = QPushButton(self.tr("Move up"))
        self.down = QPushButton(self.tr("Move down"))
        self.up.setShortcut("Alt+Up")
        self.down.setShortcut("Alt+Down")
        self.up.clicked.connect(lambda: self.move_item(-1))
        self.down.clicked.connect(lambda: self.move_item(1))
        hint = QLabel(self.tr("Put these in order: first at the top."))
        hint.setWordWrap(True)
        buttons = QVBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(hint)
        column.addLayout(row)

    def move_item(self, step: int) -> None:
        """Move the selected item one place up (-1) or down (+1); it stays selected."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def value(self) -> Answer:
        return tuple(int(self.list.item(row).data(Qt.ItemDataRole.UserRole))
                     for row in range(self.list.count()))

    def focus_target(self) -> QWidget:
        return self.list


def make_input(question: Question, parent: QWidget | None = None) -> AnswerInput:
    """The input suited to ``question``'s type."""
    kind = question.type
    if kind is QuestionType.MULTIPLE_CHOICE:
        return ChoiceInput(question, several=False, parent=parent)
    if kind is QuestionType.MULTIPLE_ANSWER:
        return ChoiceInput(question, several=True, parent=parent)
    if kind is QuestionType.TRUE_FALSE:
        return TrueFalseInput(parent)
    if kind is QuestionType.ORDERING:
        return OrderInput(question, parent)
    return TextInput(question, parent)
