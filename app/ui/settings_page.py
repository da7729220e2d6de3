"""The Settings screen: language, text size, theme and the idle lock; saved at once.

Below them, "About me" (``app/ui/settings/about_me.py``): the signed-in learner's own
settings, kept in their encrypted profile.

Saving writes ``settings.json`` atomically on the ``io`` lane; the look changes on the
GUI thread straight away. A failed save keeps the new look for this session and says
so (nothing the learner did is lost).

A new language applies when Lantern starts again, and the page says so in that language.
Switching live would mean every page rebuilding its texts on ``LanguageChange``; doing
it by rebuilding the window would drop the learner's open question and chat.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.messages import QT_TRANSLATE_NOOP
from app.ops.context import AppContext
from app.settings import Settings
from app.ui.errors import describe_error
from app.ui.i18n import LANGUAGES, load_translator
from app.ui.settings.about_me import AboutMeSection
from app.ui.style import apply_style, narrow_combo

FONT_SCALES = (100, 125, 150, 175, 200)
# Shown in the newly chosen language, looked up in that language's translator.
RESTART_NOTE = QT_TRANSLATE_NOOP("SettingsPage",
                                 "Lantern will use this language the next time it starts.")


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
        self._started_in = ctx.settings.language  # the language this window was built in
        self.language = narrow_combo(QComboBox())
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setAccessibleName(self.tr("Language"))
        self.language_note = QLabel()
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        self.language_note.hide()
        self.font_scale = narrow_combo(QComboBox())
        for scale in FONT_SCALES:
            self.font_scale.addItem(f"{scale} %", scale)
        self.font_scale.setAccessibleName(self.tr("Text size"))
        self.theme = narrow_combo(QComboBox())
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
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # field below label
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Text size:"), self.font_scale)
        form.addRow(self.tr("Colours:"), self.theme)
        form.addRow(self.tr("Sign out when idle for:"), self.idle)
        # The learner's own settings live in their profile, not in settings.json.
        self.about_me = AboutMeSection(ctx)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(title)
        column.addLayout(form)
        column.addWidget(self.status)
        column.addWidget(self.about_me)
        column.addStretch(1)
        # Scrolls at 200 % text in a small window instead of squeezing About me.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._show(ctx.settings)
        for combo in (self.language, self.font_scale, self.theme):
            combo.currentIndexChanged.connect(self._on_changed)
        self.idle.valueChanged.connect(self._on_changed)

    def _show(self, settings: Settings) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.font_scale.setCurrentIndex(max(0, self.font_scale.findData(settings.font_scale)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.idle.setValue(settings.idle_lock_minutes)

    def _on_changed(self) -> None:
        settings = self.ctx.settings.model_copy(update={
            "language": self.language.currentData(),
            "font_scale": self.font_scale.currentData(), "theme": self.theme.currentData(),
            "idle_lock_minutes": self.idle.value()})
        self._show_language_note(settings.language)
        self.ctx.settings = settings
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app, settings)
        self.settings_changed.emit(settings)
        self.ctx.runner.submit("io", self.ctx.save_settings, parent=self,
                               on_success=lambda _none: self._on_saved(),
                               on_error=self._on_save_failed)

    def _show_language_note(self, language: str) -> None:
        """Say, in the chosen language, that it applies at the next start."""
        if language == self._started_in:
            self.language_note.hide()
            return
        translator = load_translator(language, self)
        said = (translator.translate("SettingsPage", RESTART_NOTE)
                if translator is not None else "")
        self.language_note.setText(said or RESTART_NOTE)
        self.language_note.show()

    def _on_saved(self) -> None:
        self.status.setText(self.tr("Saved."))
        self.saved.emit()

    def _on_save_failed(self, error: Exception) -> None:
        self.status.setText(self.tr("Your change works now but could not be saved for next "
                                    "time. {reason}").format(reason=describe_error(error)))
