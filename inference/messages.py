"""Sentences for people, written below the UI, that the UI can still translate (no Qt).

Code in ``app/core``, ``app/ops``, ``app/store`` and ``inference`` has no Qt, yet its words
reach the learner: "Why this?" reasons, error messages, passphrase hints. They are marked with
``QT_TRANSLATE_NOOP("Context", "English {name}")``, the call pyside6-lupdate extracts
into ``assets/i18n/*.ts`` (only with exactly two string literals: a keyword argument
inside that call hides it from lupdate), and filled in with :func:`message`::

    reason = message(QT_TRANSLATE_NOOP("Recommender", "Start {lesson}"), lesson=title)

The result *is* the English sentence (a ``str`` subclass, so logs, tests and comparisons
see plain English) and remembers its context, template and values, so
``app.ui.i18n.translated()`` can say it in the UI's language at display time; values
that are messages themselves are translated too. Anything built from a message with
``+``, an f-string or ``join`` is plain English again: mark whole sentences.

It lives in ``inference`` (the lowest layer) so that the model runtimes can mark their
sentences too (adding a model file: "This model is already added, …"); the app imports
it as :mod:`app.messages`. ``make translations-update`` reads both folders.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Message(str):
    """English text plus what a translator needs: ``context``, ``template``, ``params``."""

    context: str
    template: str
    params: Mapping[str, object]

    def __new__(cls, context: str, template: str,
                params: Mapping[str, object] | None = None) -> Message:
        english = template.format_map(params) if params else template
        self = super().__new__(cls, english)
        self.context, self.template, self.params = context, template, dict(params or {})
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle keep the template
        return Message, (self.context, self.template, dict(self.params))


def QT_TRANSLATE_NOOP(context: str, source: str) -> Message:
    """Mark ``source`` for translation in ``context``; returns it untranslated (English)."""
    return Message(context, source)


def message(template: Message, /, **params: object) -> Message:
    """``template`` (from :func:`QT_TRANSLATE_NOOP`) with its ``{placeholders}`` filled in."""
    return Message(template.context, template.template, params)
