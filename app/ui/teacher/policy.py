"""The teacher's AI policy form: what the tutor may do on this laptop."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ops.context import AppContext
from app.settings import AIPolicySettings
from app.ui.errors import describe_error
from app.ui.i18n import translated
from app.ui.style import narrow_combo
from app.ui.wrap_button import WrapCheckBox, wrap_label

NEVER = 0  # the spin box's special value: answers are never revealed


class PolicyPage(QWidget):
    """Changes apply at once and are saved on the io lane.

    Signals:
        saved(str): the status line after a save ("Saved." or what went wrong).
    """

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        policy = ctx.settings.ai_policy
        self.free_chat = WrapCheckBox(self.tr("Learners may ask the tutor free questions"))
        self.free_chat.setChecked(policy.free_chat)
        self.limit = WrapCheckBox(self.tr("Answer only from the learner's lessons "
                                       "(otherwise: \"ask your teacher\")"))
        self.limit.setChecked(policy.limit_to_pack)
        self.reveal = QSpinBox()
        self.reveal.setRange(NEVER, 20)
        self.reveal.setSpecialValueText(self.tr("never"))
        self.reveal.setSuffix(self.tr(" wrong attempts"))
        self.reveal.setValue(policy.reveal_after_attempts or NEVER)
        self.length = QSpinBox()
        self.length.setRange(40, 800)
        self.length.setSingleStep(20)
        self.length.setSuffix(self.tr(" tokens"))
        self.length.setValue(policy.max_answer_tokens)
        self.language = narrow_combo(QComboBox())
        for label, value in ((self.tr("The subject's language"), "auto"),
                             ("English", "en"), ("简体中文", "zh-Hans")):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(max(0, self.language.findData(policy.answer_language)))
        self.status = QLabel()
        self.refused_note = QLabel()  # the teacher is told when settings.json was refused
        self.refused_note.setObjectName("refusedNote")
        self.refused_note.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("Keep these settings"))
        self.keep_button.clicked.connect(self._apply)  # saving signs them
        self._layout()
        self.show_refusal()
        for box in (self.free_chat, self.limit):
            box.toggled.connect(self._apply)
        for spin in (self.reveal, self.length):
            spin.valueChanged.connect(self._apply)
        self.language.currentIndexChanged.connect(self._apply)

    def _layout(self) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # field below label
        form.addRow(self.free_chat)
        form.addRow(self.limit)
        form.addRow(wrap_label(self.tr("Show the answer in practice after")), self.reveal)
        form.addRow(wrap_label(self.tr("Longest tutor answer")), self.length)
        form.addRow(wrap_label(self.tr("Tutor answers in")), self.language)
        intro = QLabel(self.tr("The tutor never gives the answer away during practice "
                               "until the number of wrong attempts below allows it."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.refused_note)
        layout.addWidget(self.keep_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def policy(self) -> AIPolicySettings:
        return AIPolicySettings(
            free_chat=self.free_chat.isChecked(), limit_to_pack=self.limit.isChecked(),
            reveal_after_attempts=self.reveal.value() or None,
            max_answer_tokens=self.length.value(), answer_language=self.language.currentData())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.show_refusal()

    def show_refusal(self) -> None:
        """Say why Lantern runs on the most careful settings, if it does."""
        reason = self.ctx.settings.refused
        self.refused_note.setVisible(reason is not None)
        self.keep_button.setVisible(reason is not None)
        if reason is not None:
            self.refused_note.setText(self.tr(
                "Lantern is using the most careful teacher settings: {reason} Check the "
                "settings below; what you change here is signed and saved.").format(
                    reason=translated(reason.value)))

    def _apply(self, *_args: object) -> None:
        self.ctx.settings.ai_policy = self.policy()  # the next question already follows it
        self.ctx.runner.submit("io", self.ctx.save_settings, parent=self,
                               on_success=lambda _none: self._on_saved(),
                               on_error=lambda exc: self._show(describe_error(exc)))

    def _on_saved(self) -> None:
        self.show_refusal()
        self._show(self.tr("Saved."))

    def _show(self, text: str) -> None:
        self.status.setText(text)
        self.saved.emit(text)
