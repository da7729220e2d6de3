"""PyInstaller hook: ONNX Runtime's native libraries (runtime and provider plugins).

``onnxruntime/capi`` holds the runtime and, in the GPU wheel, the CUDA/TensorRT provider
libraries that ONNX Runtime opens by name at run time (no import reveals them).
"""

import sys
from pathlib import Path

from PyInstaller.utils.hooks import collect_submodules

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import bundle_files

binaries = bundle_files().onnxruntime_binaries()
hiddenimports = collect_submodules("onnxruntime.capi")
# Training and tools modules pull in large optional dependencies.
excludedimports = ["onnxruntime.training", "onnxruntime.tools", "onnxruntime.transformers",
                   "onnxruntime.quantization"]
