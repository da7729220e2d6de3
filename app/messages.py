"""Translatable sentences below the UI: see :mod:`inference.messages` (one implementation,
in the lowest layer, so the model runtimes can use it too)."""

from inference.messages import QT_TRANSLATE_NOOP, Message, message

__all__ = ["QT_TRANSLATE_NOOP", "Message", "message"]
