"""Light stand-ins for the chat model, for UI tests where the real model would be slow.

They behave like the real engine where the UI can tell: text arrives token by token with
a delay, and a cancel is honoured between tokens.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

from inference.cancel import CancelToken
from inference.llm import ChatEngineInfo, GenerationParams


class FakeChatEngine:
    def __init__(self, tokens: list[str] | None = None, *, delay_s: float = 0.01) -> None:
        self.tokens = tokens or [f"word{i} " for i in range(200)]
        self.delay_s = delay_s
        self.produced = 0
        self.produced_at_cancel: int | None = None
        self.started = threading.Event()
        self.info = ChatEngineInfo(model_name="Fake", path=Path("fake.gguf"), n_ctx=2048,
                                   n_threads=1, gpu_layers_requested=0,
                                   gpu_layers_offloaded=None, template_origin="fallback:chatml")

    def stream_chat(self, messages: list[dict[str, str]], params: GenerationParams | None = None,
                    cancel: CancelToken | None = None) -> Iterator[str]:
        self.started.set()
        for token in self.tokens:
            if cancel is not None and cancel.cancelled:
                if self.produced_at_cancel is None:
                    self.produced_at_cancel = self.produced
                return
            time.sleep(self.delay_s)
            self.produced += 1
            yield token

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def close(self) -> None:
        pass


class ScriptedChatEngine(FakeChatEngine):
    """Replies with the next scripted text (then the last one again), word by word, and
    records every prompt it was given, so a test can check what the model was told."""

    def __init__(self, *replies: str, delay_s: float = 0.0) -> None:
        super().__init__(delay_s=delay_s)
        self.replies = list(replies) or ["Let's think."]
        self.prompts: list[list[dict[str, str]]] = []

    def stream_chat(self, messages: list[dict[str, str]], params: GenerationParams | None = None,
                    cancel: CancelToken | None = None) -> Iterator[str]:
        self.prompts.append([dict(m) for m in messages])
        text = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        self.tokens = [word + " " for word in text.split(" ")]
        yield from super().stream_chat(messages, params, cancel)

    def prompt_text(self) -> str:
        """Everything every prompt said, for ``in`` checks."""
        return "\n".join(m["content"] for prompt in self.prompts for m in prompt)
