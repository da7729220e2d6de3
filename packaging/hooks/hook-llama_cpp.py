"""PyInstaller hook: llama-cpp-python's native libraries, where it looks for them.

llama-cpp-python opens ``<llama_cpp package>/lib/libllama.*`` (and, in a
``GGML_BACKEND_DL`` build, every ``libggml-*`` backend next to it; on macOS the Metal
shader ``ggml-metal.metal``/``default.metallib``). PyInstaller's generic binary scan would
flatten them into the bundle root, where llama_cpp cannot find them.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import bundle_files

binaries = bundle_files().llama_cpp_binaries()
# The OpenAI-compatible server needs fastapi/uvicorn and is not part of the app.
excludedimports = ["llama_cpp.server"]
