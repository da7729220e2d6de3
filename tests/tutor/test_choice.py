"""Closed questions on Ask the tutor: the model's choice, read from its scores, comes first
and is never contradicted. Parsing with no model; the tutor with a scripted model that
has scores, the real embedding model and the real photosynthesis pack."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from app.core.content.index import RetrievalIndex
from app.core.tutor.choice import ChoiceScorer, choose, closed_question
from app.core.tutor.safe_stream import Streamed
from inference.embed import EmbedEngine
from tests.tutor.test_service import ScriptedChat, ask

GAS = ("Which gas does cellular respiration **release**?\n"
       "A) carbon dioxide\nB) oxygen\nC) nitrogen")


class ScoringChat(ScriptedChat):
    """A scripted model that also scores its next word: by what a letter labels in the
    question it reads ("B) oxygen" scores ``liking["oxygen"]``), else by the word."""

    def __init__(self, liking: dict[str, float], *replies: str) -> None:
        super().__init__(*replies)
        self.liking = liking
        self.scored: list[tuple[Sequence[dict[str, str]], str]] = []

    def score_next(self, messages: Sequence[dict[str, str]], prefix: str,
                   continuations: Sequence[str]) -> list[float]:
        self.scored.append((messages, prefix))
        asked = messages[-1]["content"].rsplit("Question:", 1)[-1]
        labelled = dict(line.split(") ", 1) for line in asked.splitlines() if ") " in line)
        return [self.liking.get(labelled.get(c.strip(), c), -10.0) for c in continuations]


def test_listed_options_become_choices_read_in_every_order() -> None:
    closed = closed_question(GAS, "en")
    assert closed is not None and closed.opening == "The correct option is"
    assert [r.sentence for r in closed.results] == [
        "The answer is A: carbon dioxide.", "The answer is B: oxygen.",
        "The answer is C: nitrogen."]
    assert [r.option for r in closed.results] == ["a", "b", "c"]
    assert [r.order for r in closed.readings] == [(2, 0, 1), (1, 2, 0), (0, 1, 2)]
    assert closed.readings[0].text.endswith("A) nitrogen\nB) carbon dioxide\nC) oxygen")
    assert closed.readings[-1].text.endswith("A) carbon dioxide\nB) oxygen\nC) nitrogen")
    assert closed.readings[0].cues == ((" A",), (" B",), (" C",))


@pytest.mark.parametrize(("question", "language", "true_said"), [
    ("True or false: humans are autotrophs.", "en", "The statement is true."),
    ("判断：把一根绳子**随便**剪成3段，每段都是这根绳子的 1/3。", "zh-Hans", "这句话是对的。"),
])
def test_true_or_false_has_two_choices(question: str, language: str, true_said: str) -> None:
    closed = closed_question(question, language)
    assert closed is not None
    assert [r.verdict for r in closed.results] == [True, False]
    assert closed.results[0].sentence == true_said
    assert [r.text for r in closed.readings] == [question.replace("*", "")]


def test_a_scene_may_come_before_true_or_false() -> None:
    question = ("A chocolate bar is snapped into 3 pieces of different sizes. True or false: "
                "each piece is one third of the bar.")
    closed = closed_question(question, "en")
    assert closed is not None and closed.opening == "The statement is"
    assert [r.verdict for r in closed.results] == [True, False]


@pytest.mark.parametrize("question", [
    "What is photosynthesis?", "Is it true or false that I can ask anything?",
    "How many turns of the Calvin cycle make one glucose?", "Is plan A better than plan B?"])
def test_an_open_question_has_no_choices(question: str) -> None:
    assert closed_question(question, "en") is None


class OrderedScorer:
    """Scores by what each letter labels in the question read, plus a leaning to "A"."""

    def __init__(self, liking: dict[str, float], leaning: float) -> None:
        self.liking, self.leaning = liking, leaning

    def score_next(self, messages: Sequence[dict[str, str]], prefix: str,
                   continuations: Sequence[str]) -> list[float]:
        asked = messages[-1]["content"]
        labelled = dict(line.split(") ", 1) for line in asked.splitlines()[1:])
        return [self.liking[labelled[c.strip()]] + (self.leaning if c == " A" else 0.0)
                for c in continuations]


def test_every_order_outvotes_a_leaning_to_one_letter() -> None:
    closed = closed_question(GAS, "en")
    assert closed is not None
    scorer = OrderedScorer({"carbon dioxide": 1.0, "oxygen": 0.8, "nitrogen": 0.0}, 0.5)
    # In the order asked, "A) carbon dioxide" wins; with oxygen first, oxygen would.
    assert choose(scorer, lambda text: [{"role": "user", "content": text}],
                  closed).sentence == "The answer is A: carbon dioxide."
    swapped = closed_question("Which gas?\nA) oxygen\nB) carbon dioxide\nC) nitrogen", "en")
    assert swapped is not None
    assert choose(scorer, lambda text: [{"role": "user", "content": text}],
                  swapped).sentence == "The answer is B: carbon dioxide."


def test_spellings_of_one_answer_count_together() -> None:
    closed = closed_question("True or false: oxygen is a gas.", "en")
    assert closed is not None
    ask = lambda text: [{"role": "user", "content": text}]  # noqa: E731
    # " false" alone scores best, but " true" and " correct" together are likelier.
    chat = ScoringChat({" true": 1.0, " correct": 1.0, " false": 1.5})
    assert isinstance(chat, ChoiceScorer)
    assert choose(chat, ask, closed).verdict is True
    chat.liking = {" true": 0.2, " correct": 0.2, " false": 1.5}
    assert choose(chat, ask, closed).sentence == "The statement is false."


@pytest.mark.slow
def test_the_chosen_option_comes_first_and_is_never_contradicted(
        photosynthesis_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScoringChat({"carbon dioxide": 3.0, "oxygen": 2.0},
                       "The answer is B. Cellular respiration breaks down sugar and "
                       "releases carbon dioxide and water [1].")
    updates: list[Streamed] = []
    reply = ask(chat, GAS, photosynthesis_index, embed_engine, updates.append)
    assert updates[0] == Streamed(sentence="The answer is A: carbon dioxide. ")  # at once
    assert reply.text.startswith("The answer is A: carbon dioxide")
    assert "The answer is B" not in reply.text and "releases carbon dioxide" in reply.text
    assert reply.chosen and not reply.stated and reply.contradicted == 1
    # Scored on the prompt the reply is then written from (the passages, read once).
    assert len(chat.scored) == 3 and {p for _m, p in chat.scored} == {"The correct option is"}
    # Every order is read after the same passages; only the question differs.
    passages = chat.prompts[0][-1]["content"].split("Question:")[0]
    assert all(m[-1]["content"].startswith(passages) for m, _p in chat.scored)
    assert '"The answer is A: carbon dioxide."' in chat.prompts[0][-1]["content"]


@pytest.mark.slow
def test_a_bare_verdict_after_the_chosen_one_is_not_shown_again(
        photosynthesis_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScoringChat({" false": 2.0, " true": 1.0},
                       "False\nAll animals, including humans, are heterotrophs [1].")
    reply = ask(chat, "True or false: humans are autotrophs.", photosynthesis_index,
                embed_engine)
    assert reply.text.startswith("The statement is false. All animals, including humans")
    assert "False\n" not in reply.text


@pytest.mark.slow
def test_without_scores_a_closed_question_is_answered_freely(
        photosynthesis_index: RetrievalIndex, embed_engine: EmbedEngine) -> None:
    chat = ScriptedChat("Cellular respiration releases carbon dioxide [1].")
    reply = ask(chat, GAS, photosynthesis_index, embed_engine)
    assert not reply.chosen and reply.text.startswith("Cellular respiration releases")
