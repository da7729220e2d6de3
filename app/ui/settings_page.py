"""The Settings screen: text size, theme and the idle lock, applied at once and saved.

Saving writes ``settings.json`` atomically on the ``io`` lane; the look changes on the
GUI thread straight away. A failed save keeps the new look for this session and says
so (nothing the learner did is lost).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ops.context import AppContext
from app.settings import Settings
from app.ui.errors import describe_error
from app.ui.style import apply_style

FONT_SCALES = (100, 125, 150, 175, 200)


class SettingsPage(QWidget):
    """Signals:
    settings_changed(Settings): a value changed and was applied (the save may follow).
    saved: the settings file was written.
    """

    settings_changed = Signal(object)
    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        self.font_scale = QComboBox()
        for scale in FONT_SCALES:
            self.font_scale.addItem(f"{scale} %", scale)
        self.font_scale.setAccessibleName(self.tr("Text size"))
        self.theme = QComboBox()
        for value, text in (("light", self.tr("Light")), ("dark", self.tr("Dark")),
                            ("high-contrast", self.tr("High contrast"))):
            self.theme.addItem(text, value)
        self.theme.setAccessibleName(self.tr("Colours"))
        self.idle = QSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" minutes"))
        self.idle.setAccessibleName(self.tr("Sign out after this long without use"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Settings message"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Text size:"), self.font_scale)
        form.addRow(self.tr("Colours:"), self.theme)
        form.addRow(self.tr("Sign out when idle for:"), self.idle)
        column = QVBoxLayout(self)
        column.addWidget(title)
        column.addLayout(form)
        column.addWidget(self.status)
        column.addStretch(1)
        self._show(ctx.settings)
        for combo in (self.font_scale, self.theme):
            combo.currentIndexChanged.connect(self._on_changed)
        self.idle.valueChanged.connect(self._on_changed)

    def _show(self, settings: Settings) -> None:
        self.font_scale.setCurrentIndex(max(0, self.font_scale.findData(settings.font_scale)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.idle.setValue(settings.idle_lock_minutes)

    def _on_changed(self) -> None:
        settings = self.ctx.settings.model_copy(update={
            "font_scale": self.font_scale.currentData(), "theme": self.theme.currentData(),
            "idle_lock_minutes": self.idle.value()})
        self.ctx.settings = settings
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app, settings)
        self.settings_changed.emit(settings)
        self.ctx.runner.submit("io", self.ctx.save_settings, parent=self,
                               on_success=lambda _none: self._on_saved(),
                               on_error=self._on_save_failed)

    def _on_saved(self) -> None:
        self.status.setText(self.tr("Saved."))
        self.saved.emit()

    def _on_save_failed(self, error: Exception) -> None:
        self.status.setText(self.tr("Your change works now but could not be saved for next "
                                    "time. {reason}").format(reason=describe_error(error)))
