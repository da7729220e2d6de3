"""The tutor conversation and the model host, with a fake engine (no Qt)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from app.core.models import LoadState, ModelHost
from app.core.tutor import MAX_HISTORY_TURNS, Conversation
from inference.cancel import CancelToken
from inference.errors import ContextFull, ModelCorrupt
from tests.fakes import FakeChatEngine


def test_messages_start_with_the_versioned_system_prompt() -> None:
    messages = Conversation().messages_for("  What is a fraction? ")
    assert messages[0]["role"] == "system" and "tutor" in messages[0]["content"]
    assert messages[-1] == {"role": "user", "content": "What is a fraction?"}


def test_a_reply_is_recorded_and_history_is_bounded() -> None:
    conversation = Conversation()
    engine = FakeChatEngine(["Half ", "of ", "it."], delay_s=0)
    assert "".join(conversation.stream_reply(engine, "q0")) == "Half of it."
    assert conversation.turns[-1].text == "Half of it."
    for i in range(1, 3 * MAX_HISTORY_TURNS):
        list(conversation.stream_reply(engine, f"q{i}"))
        assert len(conversation.messages_for("next")) <= 1 + 2 * MAX_HISTORY_TURNS + 1


def test_history_is_trimmed_by_halves_so_the_cached_prefix_lasts() -> None:
    """Each trim changes the prompt's start (a full re-read by llama.cpp): it may happen
    only every MAX_HISTORY_TURNS / 2 questions, never at every question."""
    conversation = Conversation()
    engine = FakeChatEngine(["ok."], delay_s=0)
    firsts = []
    for i in range(4 * MAX_HISTORY_TURNS):
        list(conversation.stream_reply(engine, f"q{i}"))
        firsts.append(conversation.messages_for("next")[1]["content"])
    runs = [sum(1 for _ in group) for _key, group in itertools.groupby(firsts)]
    assert len(runs) > 1 and all(run >= MAX_HISTORY_TURNS // 2 for run in runs[:-1])


def test_a_passage_keeps_its_label_for_the_whole_conversation() -> None:
    conversation = Conversation()
    engine = FakeChatEngine(["ok."], delay_s=0)
    first = conversation.label_for(("fractions", "equivalent", 3))
    list(conversation.stream_reply(engine, "[1] passage text\n\nQuestion: q", labels=(first,)))
    assert conversation.label_for(("fractions", "comparing", 9)) == first + 1
    assert conversation.label_for(("fractions", "equivalent", 3)) == first
    assert conversation.labels_in_context() == {first}


def test_a_stopped_reply_keeps_what_arrived() -> None:
    conversation, cancel = Conversation(), CancelToken()
    engine = FakeChatEngine(delay_s=0)
    for i, _piece in enumerate(conversation.stream_reply(engine, "q", cancel=cancel)):
        if i == 2:
            cancel.cancel()
    assert conversation.turns[-1].text == "word0 word1 word2"


def test_host_records_a_failed_model_and_still_loads_the_other(tmp_path: Path) -> None:
    def broken(spec, choice):  # type: ignore[no-untyped-def]
        raise ModelCorrupt(f"The model file {spec.id} is damaged.")

    fake = FakeChatEngine()
    host = ModelHost(chat_loader=lambda spec, choice: fake, embed_loader=broken)
    steps: list[str] = []
    host.load_all(lambda message, _f: steps.append(message), CancelToken())
    assert host.status("chat").state is LoadState.READY
    assert host.status("chat").summary.endswith(f"· CPU · {host.report.chat.threads} threads")
    embed = host.status("embed")
    assert embed.state is LoadState.FAILED and "damaged" in str(embed.error)
    assert host.chat() is fake
    assert steps[0].startswith("Checking") and steps[-1] == "Ready"


class _FullContext(FakeChatEngine):
    def stream_chat(self, messages, params=None, cancel=None):  # type: ignore[no-untyped-def]
        raise ContextFull("The conversation is too long for the model.")


def test_a_prompt_the_context_cannot_hold_raises_at_once_and_records_nothing() -> None:
    conversation = Conversation()
    list(conversation.stream_reply(FakeChatEngine(["ok."], delay_s=0), "q0"))
    with pytest.raises(ContextFull):
        conversation.stream_reply(_FullContext(), "q1")
    assert [t.text for t in conversation.turns] == ["q0", "ok."]


def test_dropping_the_older_half_keeps_whole_exchanges() -> None:
    conversation = Conversation()
    engine = FakeChatEngine(["ok."], delay_s=0)
    for i in range(3):
        list(conversation.stream_reply(engine, f"q{i}"))
    assert conversation.drop_older_half()
    assert [t.text for t in conversation.recent] == ["q2", "ok."]
    assert conversation.drop_older_half() and conversation.recent == []
    assert not conversation.drop_older_half()
