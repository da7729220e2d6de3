"""Sampling settings for the chat engine (a light module: importing it loads no model code)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GenerationParams:
    """Sampling settings. ``temperature == 0`` means greedy, hence deterministic."""

    max_tokens: int = 320
    temperature: float = 0.3
    top_p: float = 0.9
    top_k: int = 40
    repeat_penalty: float = 1.15
    seed: int = 1234
    stop: tuple[str, ...] = ()

    @classmethod
    def deterministic(cls, max_tokens: int = 64) -> GenerationParams:
        return cls(max_tokens=max_tokens, temperature=0.0, seed=42)
