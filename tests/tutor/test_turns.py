"""The learner's turn: passages once per conversation, labels mapped back to sources."""

from __future__ import annotations

from app.core.content.model import Pack
from app.core.content.passages import Passage, pack_passages
from app.core.tutor.conversation import MAX_HISTORY_TURNS, Conversation, Turn
from app.core.tutor.grounding import Grounding, Source
from app.core.tutor.turns import EXCERPT_CHARS, excerpt, learner_turn
from tests.fakes import FakeChatEngine


def _passage(line: int) -> Passage:
    return Passage("fractions", "equivalent", "Equivalent fractions", f"Heading {line}",
                   f"Text of passage {line}.", "lessons/03.md", line)


def _grounding(*lines: int) -> Grounding:
    return Grounding(tuple(Source(n, _passage(line), 0.5) for n, line in enumerate(lines, 1)),
                     0.5)


def test_a_follow_up_sends_only_passages_the_model_has_not_read() -> None:
    conversation = Conversation()
    first = learner_turn("Is 2/4 the same as 1/2?", _grounding(3, 9), conversation)
    assert "Text of passage 3." in first.text and "Text of passage 9." in first.text
    list(conversation.stream_reply(FakeChatEngine(["ok."], delay_s=0), first.text,
                                   labels=first.new_labels))
    again = learner_turn("Another example?", _grounding(9, 3), conversation)
    assert again.text == "Another example?" and again.new_labels == ()
    more = learner_turn("And 3/6?", _grounding(9, 12), conversation)
    assert "Text of passage 12." in more.text and "Text of passage 9." not in more.text


def test_the_models_labels_become_this_answers_source_numbers() -> None:
    conversation = Conversation()
    learner_turn("q", _grounding(3, 9), conversation)  # labels 1 and 2
    turn = learner_turn("q2", _grounding(12, 9), conversation)  # 12 -> label 3
    assert turn.numbers == {3: 1, 2: 2}
    assert turn.renumber("Half [3]. Quarter [2]. Other [1].") == (
        "Half [1]. Quarter [2]. Other [0].")


def test_a_restored_chat_carries_no_passages_so_the_next_question_sends_them_again() -> None:
    conversation = Conversation()
    first = learner_turn("Is 2/4 the same as 1/2?", _grounding(3), conversation)
    list(conversation.stream_reply(FakeChatEngine(["ok."], delay_s=0), first.text,
                                   labels=first.new_labels))
    kept = [Turn("user", f"q{n}") if n % 2 == 0 else Turn("assistant", f"a{n}")
            for n in range(2 * MAX_HISTORY_TURNS)]
    conversation.restore(kept)  # a kept chat: what the learner saw, no labels
    assert conversation.labels_in_context() == set()
    assert len(conversation.recent) == MAX_HISTORY_TURNS  # trimmed like a live chat
    again = learner_turn("Is 2/4 the same as 1/2?", _grounding(3), conversation)
    assert "Text of passage 3." in again.text and again.new_labels == (1,)


def test_long_passages_are_sent_up_to_a_sentence_end() -> None:
    long = "A fraction names equal parts. " * 40
    cut = excerpt(long)
    assert len(cut) <= EXCERPT_CHARS["latin"] + 2 and cut.endswith("parts. …")
    assert excerpt("Short.") == "Short."
    chinese = "分数表示把一个整体平均分成几份。" * 30
    assert excerpt(chinese).endswith("。 …") and len(excerpt(chinese)) <= 202


def test_a_long_passage_is_sent_from_the_sentence_that_answers_the_question(
        photosynthesis: Pack) -> None:
    passage = next(p.text for p in pack_passages(photosynthesis)
                   if p.heading == "Stage 2: reduction, and stage 3: regeneration")
    question = ("How many turns of the Calvin cycle does it take to make one molecule of "
                "glucose?")
    # The old cut, its first 480 characters, stops before the answer ("3 turns", said Qwen).
    assert "six turns" not in excerpt(passage)
    sent = excerpt(passage, question)
    assert sent.startswith("Glucose has six carbon atoms, so it takes six turns")
    assert "Each turn of the cycle fixes one carbon atom" in sent  # with its context
    assert len(sent) <= EXCERPT_CHARS["latin"] + 2 and sent.endswith(" …")
    assert excerpt("Short.", question) == "Short."
