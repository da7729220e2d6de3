"""PyInstaller hook: OpenDP's native library.

``opendp._lib`` loads ``opendp/lib/opendp.abi3.so`` (``.dll``/``.dylib`` elsewhere) by path
at import time; no import statement reveals it, and ``collect_dynamic_libs`` only matches
``lib*.so`` names on Linux, so the folder's files are listed here by hand.
"""

from pathlib import Path

from PyInstaller.utils.hooks import get_package_paths

_, package_dir = get_package_paths("opendp")
binaries = [(str(path), "opendp/lib") for path in sorted(Path(package_dir, "lib").iterdir())
            if "opendp" in path.name]
