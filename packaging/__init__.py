"""Lantern's build tooling (bundle, model builds), run from a source checkout.

Pitfall: this folder shares its name with PyPI's ``packaging`` library, which pip,
setuptools, transformers and many others import (``packaging.version``). When the repo
root is on ``sys.path`` (``python -m packaging.models``, pytest), this package shadows the
library. So that both keep working, the library's folder is appended to ``__path__``:
``packaging.version`` and friends then resolve to the real library's modules, while
``packaging.models`` stays ours. The library's own ``__init__`` only holds metadata.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _library_dirs() -> list[str]:
    found = []
    for entry in sys.path:
        candidate = Path(entry or ".").resolve() / "packaging"
        if candidate != _HERE and (candidate / "version.py").is_file():
            found.append(str(candidate))
    return found


__path__ = [*__path__, *_library_dirs()]
