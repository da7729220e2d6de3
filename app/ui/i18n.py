"""The UI's language: Qt translators for Lantern's strings and Qt's own, and messages.

``assets/i18n/lantern_<lang>.ts`` are the sources (``make translations-update`` extracts
them with pyside6-lupdate); ``make`` compiles them to ``lantern_<lang>.qm`` next to them
(not committed). Qt's own words (standard dialog buttons) come from the ``qtbase_*.qm``
that PySide6 ships in ``QLibraryInfo``'s translations folder.

The language is chosen at start-up from ``settings.language``. A missing or unreadable
``.qm`` is logged and the UI stays in English: never a crash.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)

from app.messages import Message
from inference.resources import assets_dir

log = logging.getLogger(__name__)

# Each language named in its own script, as the Settings list shows it.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
SOURCE_LANGUAGE = "en"


def qm_dir() -> Path:
    return assets_dir() / "i18n"


def load_translator(language: str, parent: QObject | None = None) -> QTranslator | None:
    """Lantern's own translator for ``language`` (not installed), or None for English."""
    if language == SOURCE_LANGUAGE:
        return None
    translator = QTranslator(parent)
    path = qm_dir() / f"lantern_{language}.qm"
    if not translator.load(str(path)):
        log.warning("no UI translation at %s (run `make translations`); using English", path)
        return None
    return translator


def _qt_translation_dirs() -> list[str]:
    """Where ``qtbase_*.qm`` may be: Qt's own answer, then PySide6's folder (which is
    where PyInstaller puts them in the bundle, ``PySide6/Qt/translations``)."""
    import PySide6

    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(Path(PySide6.__file__).parent / "Qt" / "translations")]


def _qt_translator(language: str, parent: QObject) -> QTranslator | None:
    translator = QTranslator(parent)
    folders = _qt_translation_dirs()
    if any(translator.load(f"qtbase_{language}", folder) for folder in folders):
        return translator
    log.warning("Qt's own translation qtbase_%s is not in %s; its buttons stay in English",
                language, folders)
    return None


class UiLanguage:
    """Installs and removes the translators for one language on the application.

    Keep the object: Qt only borrows installed translators. :meth:`install` again with
    another language replaces them (widgets already built keep their text; see
    ``SettingsPage``: a new language applies when Lantern starts again).
    """

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = SOURCE_LANGUAGE
        self._installed: list[QTranslator] = []
        self._locale = QLocale()  # the default to go back to

    def install(self, language: str) -> bool:
        """Use ``language``; False (and English) when its translation is missing."""
        self.remove()
        if language not in LANGUAGES:
            log.warning("unknown UI language %r; using English", language)
            return language == SOURCE_LANGUAGE
        own = load_translator(language, self.app)
        if language != SOURCE_LANGUAGE and own is None:
            return False
        qt = _qt_translator(language, self.app) if own is not None else None
        for translator in (qt, own):
            if translator is not None and self.app.installTranslator(translator):
                self._installed.append(translator)
        self.language = language
        QLocale.setDefault(QLocale(language))
        return True

    def remove(self) -> None:
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        self.language = SOURCE_LANGUAGE
        QLocale.setDefault(self._locale)


def translated(text: str) -> str:
    """``text`` in the UI's language when it is a :class:`~app.messages.Message`.

    Plain strings (lesson content, names, answers) are returned as they are. A
    translation whose placeholders do not fit falls back to the English sentence.
    """
    if not isinstance(text, Message):
        return text
    template = QCoreApplication.translate(text.context, text.template)
    if not text.params:
        return template
    values = {key: translated(value) if isinstance(value, str) else value
              for key, value in text.params.items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError) as exc:
        log.warning("translation of %r does not fit its values (%s)", text.template, exc)
        return str(text)
