"""Problems found in a pack, each with where it is and how to fix it, for a teacher."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem: ``path:line: message`` followed by a plain-language fix.

    ``line`` is 1-based; 0 means "the whole file" (e.g. a missing file).
    """

    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message} Fix: {self.fix}"


class ContentError(Exception):
    """A pack or quiz file could not be used; ``str()`` and ``hint`` are for people.

    ``diagnostics`` lists the problems when the cause is an invalid pack.
    """

    def __init__(self, message: str, *, hint: str = "",
                 diagnostics: tuple[Diagnostic, ...] = ()) -> None:
        super().__init__(message)
        self.hint = hint
        self.diagnostics = diagnostics

    def user_message(self) -> str:
        return f"{self} {self.hint}".strip()
