"""The optimum steps: ONNX export, ORT graph optimisation, int8 quantization.

Each step reads a folder holding ``model.onnx`` (plus config and tokenizer files) and
writes a new folder, so every intermediate candidate stays on disk to be measured.
The exported graph outputs ``last_hidden_state``; pooling and normalisation happen in
:class:`inference.embed.EmbedEngine` exactly as for the model we ship today.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import onnx
from onnxruntime.tools.symbolic_shape_infer import SymbolicShapeInference
from optimum.exporters.onnx import main_export
from optimum.onnxruntime import ORTOptimizer, ORTQuantizer
from optimum.onnxruntime.configuration import AutoQuantizationConfig, OptimizationConfig

log = logging.getLogger(__name__)

OPSET = 17  # supported by every ONNX Runtime >= 1.18 that the app accepts
MODEL_FILE = "model.onnx"
_TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                    "vocab.txt")


def export(model_dir: Path, out: Path) -> Path:
    """PyTorch BERT folder (``save_pretrained`` layout) -> ``out/model.onnx``."""
    _fresh(out)
    main_export(str(model_dir), output=str(out), task="feature-extraction",
                library_name="transformers", opset=OPSET, device="cpu",
                do_validation=False, no_post_process=True)
    copy_tokenizer(model_dir, out)
    return out


def optimise(model_dir: Path, out: Path) -> Path:
    """ORT transformer optimiser, level 2: fused attention, LayerNorm, GELU, bias adds.

    Level 2 only uses contrib ops that every CPU build of ONNX Runtime has; level 99 would
    bake in a layout specific to this machine.
    """
    _fresh(out)
    optimiser = ORTOptimizer.from_pretrained(str(model_dir), file_names=[MODEL_FILE])
    config = OptimizationConfig(optimization_level=2, optimize_for_gpu=False)
    optimiser.optimize(optimization_config=config, save_dir=str(out), file_suffix=None)
    # The fused Attention/SkipLayerNorm ops are contrib ops that ONNX's own shape inference
    # cannot type, and the quantizer then refuses their outputs; ORT's symbolic inference
    # knows them, so the types are recorded in the graph here.
    path = out / MODEL_FILE
    onnx.save(SymbolicShapeInference.infer_shapes(onnx.load(str(path)), auto_merge=True),
              str(path))
    copy_tokenizer(model_dir, out)
    return out


def quantize_dynamic(model_dir: Path, out: Path, *, per_channel: bool = True) -> Path:
    """Dynamic int8: weights int8 (symmetric, per output channel), activations at run time.

    Dynamic suits a text encoder whose activation ranges vary with every sentence: no
    calibration set can under-cover a learner's unusual question.
    """
    _fresh(out)
    quantizer = ORTQuantizer.from_pretrained(str(model_dir), file_name=MODEL_FILE)
    config = AutoQuantizationConfig.avx2(is_static=False, per_channel=per_channel)
    quantizer.quantize(save_dir=str(out), quantization_config=config, file_suffix=None)
    copy_tokenizer(model_dir, out)
    return out


def _fresh(out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)


def copy_tokenizer(src: Path, out: Path) -> None:
    for name in _TOKENIZER_FILES:
        if (src / name).is_file() and not (out / name).exists():
            shutil.copy2(src / name, out / name)
