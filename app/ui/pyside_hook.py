"""PySide6's import hook, answered from each file's bytes instead of ``linecache``.

PySide6 (PYSIDE-2029) looks at every module imported after it for the word "PySide6", to
know which modules may switch its ``__feature__`` options. It asks
``inspect.getsource``, which tokenizes each file and keeps all of its lines in
``linecache`` for the life of the process: by the time the app had built its pages that
was 440 modules and 89,000 lines, 8.7 MB (docs/models.md, memory). Same question, same
answer ("PySide6" is ASCII in any source encoding Python accepts), read from the file's
bytes and not kept.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_lantern_reads_bytes"


def read_sources_without_caching() -> None:
    """Replace PySide6's source check; a no-op when this PySide6 has none (or it is done)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, _MARK, False):
        return
    uses_pyside = _from_bytes(original)
    setattr(uses_pyside, _MARK, True)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


def _from_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)  # a built-in, an extension or a bundled module
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    return uses_pyside
