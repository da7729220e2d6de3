"""Streaming you can see: the sentence being written shows as it comes, each finished
sentence is checked, and the reply ends at a sentence boundary near the token cap."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core.tutor.safe_stream import Flagged, Streamed, checked_stream
from app.core.tutor.safety import Verdict


class Clock:
    """Each reading is ``step`` seconds after the last: as if tokens came that slowly."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def stream(pieces: list[str], *checks, max_tokens: int | None = None,  # type: ignore[no-untyped-def]
           step: float = 0.2) -> list[Streamed]:
    return list(checked_stream(iter(pieces), checks, max_tokens=max_tokens, clock=Clock(step)))


def sentences(updates: list[Streamed]) -> list[str]:
    return [u.sentence for u in updates if u.sentence]


def test_the_sentence_being_written_shows_as_it_comes() -> None:
    updates = stream(["A", " fraction", " is", " part", " of", " a", " whole.", " It"])
    drafts = [u.draft for u in updates if not u.sentence]
    assert drafts[:3] == ["A", "A fraction", "A fraction is"]  # nothing waits for the "."
    assert sentences(updates) == ["A fraction is part of a whole. ", "It"]


def test_drafts_are_batched_when_tokens_come_fast() -> None:
    updates = stream([f"w{i} " for i in range(50)], step=0.01)
    assert 3 <= len(updates) <= 10 and sentences(updates) == ["".join(f"w{i} " for i in
                                                                       range(50))]


def test_a_decimal_split_over_tokens_is_not_a_sentence_end() -> None:
    updates = stream(["It is 3", ".", "5 cm", ".", " Then", " 4", "."])
    assert sentences(updates) == ["It is 3.5 cm. ", "Then 4."]


def test_chinese_sentences_end_without_a_space() -> None:
    assert sentences(stream(["分数", "表示", "部分。", "分母", "在下面。"])) == [
        "分数表示部分。", "分母在下面。"]


def test_each_finished_sentence_goes_through_every_check_in_order() -> None:
    seen: list[str] = []

    def first(sentence: str) -> str:
        seen.append(sentence)
        return sentence.replace("2 + 2 = 5", "2 + 2 = 4")

    def second(sentence: str) -> str:
        if "wrong" in sentence:
            raise Flagged(Verdict(False, "test: wrong"))
        return sentence

    assert sentences(stream(["So 2 + 2 = 5. ", "Good."], first, second)) == [
        "So 2 + 2 = 4. ", "Good."]
    assert seen == ["So 2 + 2 = 5. ", "Good."]
    with pytest.raises(Flagged):
        stream(["Fine. ", "This is wrong. ", "More."], second)


def test_a_listed_word_stops_the_stream_before_its_draft_shows() -> None:
    shown: list[Streamed] = []
    with pytest.raises(Flagged):
        for update in checked_stream(iter(["You ", "are ", "a ", "bastard ", "and"]), (),
                                     clock=Clock(0.2)):
            shown.append(update)
    assert all("bastard" not in u.draft for u in shown)


def test_an_unfinished_word_is_not_judged_before_it_ends() -> None:
    updates = stream(["Your ", "ass", "ignment ", "is ", "done."])
    assert sentences(updates) == ["Your assignment is done."]


def _sentences_of(words: int, count: int) -> Iterator[str]:
    for n in range(count):
        for w in range(words - 1):
            yield f"s{n}w{w} "
        yield "end. "


def test_near_the_token_cap_the_reply_ends_at_a_sentence_boundary() -> None:
    pieces = list(_sentences_of(6, 10))[:40]  # the cap cuts the 7th sentence
    updates = stream(pieces, max_tokens=40)
    said = "".join(sentences(updates))
    assert said.endswith("end. ") and said.count("end.") == 5  # 30 tokens: past 3/4 of 40
    assert updates[-1].draft == ""  # nothing unfinished stays on screen


def test_a_sentence_the_cap_cut_short_is_taken_away() -> None:
    pieces = ["One two three. ", *[f"w{i} " for i in range(9)]]  # 10 tokens, cap 10
    updates = stream(pieces, max_tokens=10)
    assert sentences(updates) == ["One two three. "]
    assert updates[-1] == Streamed()  # the cut sentence's draft is cleared
    only = stream([f"w{i} " for i in range(10)], max_tokens=10)
    assert sentences(only) == ["".join(f"w{i} " for i in range(10))]  # all there is: kept
