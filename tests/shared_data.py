"""Where the shared real-world test data lives: ``../shared/data`` beside the checkout.

A git worktree sits one folder deeper (``<root>/wt/<branch>``) than the main checkout
(``<root>/main``), so both places are tried.
"""

from __future__ import annotations

from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = next((folder for folder in (_ROOT.parent / "shared" / "data",
                                          _ROOT.parent.parent / "shared" / "data")
                    if folder.is_dir()), _ROOT.parent / "shared" / "data")
