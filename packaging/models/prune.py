"""Structured pruning of FFN neurons, then a short distillation against the fp32 teacher.

Why FFN neurons: in MiniLM-L6 the feed-forward blocks hold two thirds of the encoder's
weights and FLOPs, and dropping whole neurons keeps a standard BERT (a smaller
``intermediate_size``) that every exporter, the ORT optimizer's attention fusion and the
quantizer handle unchanged. Pruning heads unevenly would break that fusion.

Importance of neuron *j* in a layer = mean |GELU activation| over the real tokens of our
own passages and questions times the L2 norm of the output weights it feeds. The least
important neurons are cut in every layer (the same count, so the config stays uniform),
then the student is trained to reproduce the teacher's sentence vectors (1 - cosine).
Everything runs with a fixed seed and thread count, so a build is reproducible.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import torch
from tokenizers import Tokenizer
from transformers import BertModel

from inference.cancel import CancelToken
from packaging.models.teacher import encode, mean_pool

log = logging.getLogger(__name__)

Report = Callable[[str], None]


@dataclass(frozen=True)
class DistillConfig:
    keep_ffn: int = 1280  # of 1536 neurons per layer
    epochs: int = 4
    batch_size: int = 16
    learning_rate: float = 4e-5
    seed: int = 1234


def ffn_importance(model: BertModel, tokenizer: Tokenizer, texts: Sequence[str],
                   batch_size: int = 32) -> list[torch.Tensor]:
    """Per layer, a ``(intermediate_size,)`` importance score for every FFN neuron."""
    layers: Any = model.encoder.layer  # transformers types submodules as Tensor | Module
    sums = [torch.zeros(layer.intermediate.dense.out_features) for layer in layers]
    state: dict[str, torch.Tensor] = {}

    def hook(index: int) -> Callable[..., None]:
        def record(_module: torch.nn.Module, _inputs: object, output: torch.Tensor) -> None:
            weights = state["mask"].unsqueeze(-1).to(output.dtype)
            sums[index] += (output.abs() * weights).sum(dim=(0, 1))
        return record

    handles = [layer.intermediate.register_forward_hook(hook(i)) for i, layer in enumerate(layers)]
    model.eval()
    try:
        with torch.inference_mode():
            for i in range(0, len(texts), batch_size):
                feed = encode(tokenizer, texts[i:i + batch_size])
                state["mask"] = feed["attention_mask"]
                model(**feed)
    finally:
        for handle in handles:
            handle.remove()
    return [s * layer.output.dense.weight.norm(dim=0) for s, layer in zip(sums, layers,
                                                                        strict=True)]


def prune_ffn(model: BertModel, importance: Sequence[torch.Tensor], keep: int) -> BertModel:
    """A copy of ``model`` whose every layer keeps its ``keep`` most important neurons."""
    student = copy.deepcopy(model)
    layers: Any = student.encoder.layer
    for layer, scores in zip(layers, importance, strict=True):
        kept = torch.topk(scores, keep).indices.sort().values
        layer.intermediate.dense = _slice_linear(layer.intermediate.dense, kept, dim=0)
        layer.output.dense = _slice_linear(layer.output.dense, kept, dim=1)
    student.config.intermediate_size = keep
    return student


def _slice_linear(linear: torch.nn.Linear, index: torch.Tensor, dim: int) -> torch.nn.Linear:
    weight = linear.weight.detach().index_select(dim, index).clone()
    out_features, in_features = weight.shape
    sliced = torch.nn.Linear(in_features, out_features, bias=linear.bias is not None)
    sliced.weight.data.copy_(weight)
    if linear.bias is not None:
        bias = linear.bias.detach()
        sliced.bias.data.copy_(bias.index_select(0, index) if dim == 0 else bias)
    return sliced


def distill(student: BertModel, tokenizer: Tokenizer, texts: Sequence[str],
            targets: npt.NDArray[np.float32], config: DistillConfig, *,
            report: Report = log.info, cancel: CancelToken | None = None) -> list[float]:
    """Train ``student`` in place towards the teacher's unit vectors; mean loss per epoch."""
    torch.manual_seed(config.seed)
    order = torch.Generator().manual_seed(config.seed)
    optimiser = torch.optim.AdamW(student.parameters(), lr=config.learning_rate)
    goal = torch.from_numpy(targets)
    # Batches of similar length (shuffled as whole batches each epoch): a sentence is not
    # padded to a passage's length, which makes an epoch several times cheaper.
    by_length = torch.tensor(sorted(range(len(texts)), key=lambda i: len(texts[i])))
    batches = list(by_length.split(config.batch_size))
    history = []
    # Dropout stays off: on a few hundred texts it only slows the student's convergence.
    student.eval()
    for epoch in range(config.epochs):
        losses = []
        for pick in torch.randperm(len(batches), generator=order):
            batch = batches[int(pick)]
            if cancel is not None:
                cancel.raise_if_cancelled()
            feed = encode(tokenizer, [texts[int(i)] for i in batch])
            vectors = mean_pool(student(**feed).last_hidden_state, feed["attention_mask"])
            loss = (1.0 - (vectors * goal[batch]).sum(dim=-1)).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            losses.append(loss.item())
        history.append(float(np.mean(losses)))
        report(f"distil epoch {epoch + 1}/{config.epochs}: mean 1-cos {history[-1]:.5f}")
    return history
