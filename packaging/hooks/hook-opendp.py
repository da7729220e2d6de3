"""PyInstaller hook: OpenDP's native library.

``opendp._lib`` loads ``opendp/lib/opendp.abi3.so`` (``.dll``/``.dylib`` elsewhere) by path
at import time; no import statement reveals it, so it must be collected explicitly.
"""

from PyInstaller.utils.hooks import collect_dynamic_libs

binaries = collect_dynamic_libs("opendp")
