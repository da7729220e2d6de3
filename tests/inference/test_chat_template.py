"""Chat-template rendering: the GGUF's own template, the ChatML fallback, the sandbox."""

from __future__ import annotations

import pytest

from inference.chat_template import from_metadata
from inference.errors import ModelLoadError
from inference.llm import ChatEngine

MESSAGES = [{"role": "system", "content": "Be kind."},
            {"role": "user", "content": "What is a fraction?"}]


def test_fallback_is_chatml_when_the_gguf_has_no_template() -> None:
    template = from_metadata({}, eos="<|im_end|>")
    assert template.origin == "fallback:chatml"
    assert template.render(MESSAGES) == (
        "<|im_start|>system\nBe kind.<|im_end|>\n"
        "<|im_start|>user\nWhat is a fraction?<|im_end|>\n"
        "<|im_start|>assistant\n")
    assert "<|im_end|>" in template.stops


def test_without_generation_prompt_the_assistant_turn_is_not_opened() -> None:
    text = from_metadata({}).render(MESSAGES, add_generation_prompt=False)
    assert not text.endswith("<|im_start|>assistant\n")


def test_template_from_metadata_is_used_with_its_tokens() -> None:
    source = "{{ bos_token }}{% for m in messages %}[{{ m['role'] }}] {{ m['content'] }}\n" \
             "{% endfor %}{% if add_generation_prompt %}[assistant] {% endif %}"
    template = from_metadata({"tokenizer.chat_template": source}, bos="<s>", eos="</s>")
    assert template.origin == "gguf"
    assert template.render(MESSAGES) == "<s>[system] Be kind.\n[user] What is a fraction?\n" \
                                        "[assistant] "
    assert template.stops == ("</s>",)


def test_templates_run_sandboxed() -> None:
    evil = "{{ ''.__class__.__mro__[1].__subclasses__() }}"
    with pytest.raises(ModelLoadError, match="chat template"):
        from_metadata({"tokenizer.chat_template": evil}).render(MESSAGES)


def test_raise_exception_in_a_template_becomes_a_clear_error() -> None:
    strict = "{{ raise_exception('Conversation roles must alternate') }}"
    with pytest.raises(ModelLoadError, match="roles must alternate"):
        from_metadata({"tokenizer.chat_template": strict}).render(MESSAGES)


@pytest.mark.slow
def test_the_real_gguf_carries_its_own_chatml_template(chat_engine: ChatEngine) -> None:
    assert chat_engine.template.origin == "gguf"
    prompt = chat_engine.render(MESSAGES)
    assert prompt.startswith("<|im_start|>system\nBe kind.<|im_end|>")
    assert prompt.endswith("<|im_start|>assistant\n")
    assert from_metadata({}).render(MESSAGES) == prompt
