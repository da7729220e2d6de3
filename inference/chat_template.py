"""Turn chat messages into the prompt text a GGUF model was trained on.

Order, as in llama-cpp-python: the template stored in the GGUF metadata
(``tokenizer.chat_template``), else ChatML, which most small instruct models use.
Templates run in Jinja2's sandbox: a model file is data and must not run code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from inference.errors import ModelLoadError

Message = Mapping[str, str]

CHATML = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)
CHATML_STOPS = ("<|im_end|>", "<|im_start|>")


@dataclass(frozen=True)
class ChatTemplate:
    source: str
    origin: str  # "gguf" or "fallback:chatml"
    bos_token: str = ""
    eos_token: str = ""

    def render(self, messages: Sequence[Message], *, add_generation_prompt: bool = True) -> str:
        # Jinja2 is imported on first use: the app's start-up path imports `Message` only.
        from jinja2 import TemplateError
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
        env.globals["raise_exception"] = _raise
        try:
            template = env.from_string(self.source)
            return template.render(
                messages=[dict(m) for m in messages],
                add_generation_prompt=add_generation_prompt,
                bos_token=self.bos_token,
                eos_token=self.eos_token,
            )
        except TemplateError as exc:
            raise ModelLoadError(f"The model's chat template could not be used: {exc}") from exc

    @property
    def stops(self) -> tuple[str, ...]:
        stops = list(CHATML_STOPS) if "<|im_start|>" in self.source else []
        if self.eos_token and self.eos_token not in stops:
            stops.append(self.eos_token)
        return tuple(stops)


def _raise(message: str) -> Any:
    from jinja2 import TemplateError  # loaded already: only a rendering template calls this

    raise TemplateError(message)


def from_metadata(metadata: Mapping[str, str], *, bos: str = "", eos: str = "") -> ChatTemplate:
    """The GGUF's own template, or ChatML when the file has none."""
    source = metadata.get("tokenizer.chat_template")
    if source:
        return ChatTemplate(source=source, origin="gguf", bos_token=bos, eos_token=eos)
    return ChatTemplate(source=CHATML, origin="fallback:chatml", bos_token=bos, eos_token=eos)
