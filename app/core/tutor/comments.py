"""Short progress comments for the teacher, written from the learner's own numbers.

:func:`checked_comment` asks the chat model for two or three sentences written from the
report's figures, and keeps them only if a teacher can trust every word: the safety
filter passes them and every number they mention is one of the figures (the model may
not invent a score). Otherwise, or when the model is not there, :func:`progress_comment`
writes the comment itself: deterministic sentences naming strengths, what needs practice,
recent effort and one suggestion, in English or Chinese. The comment leaves the laptop
only in a file the learner saves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from app.core.prompts import render_prompt
from app.core.tutor.conversation import ChatModel
from app.core.tutor.numbers import numbers_in
from app.core.tutor.policy import LANGUAGE_INSTRUCTION
from app.core.tutor.safety import SafetyFilter
from inference.cancel import CancelToken
from inference.errors import Cancelled
from inference.params import GenerationParams

log = logging.getLogger(__name__)

MASTERED = 0.95
NEEDS_PRACTICE = 0.5


@dataclass(frozen=True)
class SkillReport:
    name: str
    mastery: float  # P(known), 0..1
    attempts_week: int
    correct_week: int


def progress_comment(nickname: str, skills: list[SkillReport], *, language: str = "en") -> str:
    if not any(s.attempts_week for s in skills) and not any(s.mastery for s in skills):
        return (f"{nickname} 还没有开始练习。" if language.startswith("zh")
                else f"{nickname} has not practised yet.")
    strong = [s for s in skills if s.mastery >= MASTERED]
    # A skill never practised (no mastery, no answers) is not started, not weak.
    started = [s for s in skills if s.mastery > 0 or s.attempts_week]
    weak = sorted((s for s in started if s.mastery < NEEDS_PRACTICE), key=lambda s: s.mastery)
    not_started = len(skills) - len(started)
    attempts = sum(s.attempts_week for s in skills)
    correct = sum(s.correct_week for s in skills)
    if language.startswith("zh"):
        return _chinese(nickname, skills, strong, weak, attempts, correct) + (
            f"还有{not_started}项技能没有开始。" if not_started else "")
    return _english(nickname, skills, strong, weak, attempts, correct) + (
        f" Not started yet: {not_started} skill{'' if not_started == 1 else 's'}."
        if not_started else "")


def _english(nickname: str, skills: list[SkillReport], strong: list[SkillReport],
             weak: list[SkillReport], attempts: int, correct: int) -> str:
    parts = [f"{nickname} has mastered {len(strong)} of {len(skills)} skills"
             + (f" ({', '.join(s.name for s in strong[:3])})." if strong else ".")]
    if attempts:
        parts.append(f"This week: {attempts} answers, {round(100 * correct / attempts)}% right.")
    else:
        parts.append("No practice this week.")
    if weak:
        focus = weak[0]
        parts.append(f"Needs practice: {', '.join(s.name for s in weak[:3])}. "
                     f"Suggest starting with {focus.name} (mastery {round(100 * focus.mastery)}%).")
    else:
        parts.append("No skill practised so far is below 50% mastery.")
    return " ".join(parts)


def _chinese(nickname: str, skills: list[SkillReport], strong: list[SkillReport],
             weak: list[SkillReport], attempts: int, correct: int) -> str:
    parts = [f"{nickname}已掌握{len(skills)}项技能中的{len(strong)}项"
             + (f"（{'、'.join(s.name for s in strong[:3])}）。" if strong else "。")]
    parts.append(f"本周作答{attempts}次，正确率{round(100 * correct / attempts)}%。"
                 if attempts else "本周没有练习。")
    if weak:
        parts.append(f"需要加强：{'、'.join(s.name for s in weak[:3])}。"
                     f"建议先练习{weak[0].name}（掌握度{round(100 * weak[0].mastery)}%）。")
    else:
        parts.append("已练习的技能掌握度都在50%以上。")
    return "".join(parts)


@dataclass(frozen=True)
class Comment:
    text: str
    by_model: bool  # False: progress_comment's own sentences


def checked_comment(nickname: str, skills: list[SkillReport], figures: str, *,
                    language: str, chat: Callable[[], ChatModel] | None,
                    safety: Callable[[], SafetyFilter] | None,
                    cancel: CancelToken | None = None) -> Comment:
    """The model's comment on ``figures`` if it passes the checks, else Lantern's own.

    ``chat`` and ``safety`` give the loaded models (they raise if loading failed, and
    then the comment is Lantern's). Raises :class:`Cancelled` when ``cancel`` is set.
    """
    fallback = Comment(progress_comment(nickname, skills, language=language), False)
    if chat is None or safety is None:
        return fallback
    try:
        text = _generate(chat(), figures, language, cancel)
        checker = safety()
    except Cancelled:
        raise
    except Exception:  # no model: the comment is still written, from the figures
        log.warning("the model could not write the teacher comment", exc_info=True)
        return fallback
    if cancel is not None:
        cancel.raise_if_cancelled()
    invented = numbers_in(text) - numbers_in(figures) - {Fraction(1)}  # "a", "one"
    if not text or invented or not checker.check(text).safe:
        log.info("model's teacher comment rejected (%s)",
                 "invented numbers" if invented else "empty or unsafe")
        return fallback
    return Comment(text, True)


def _generate(chat: ChatModel, figures: str, language: str,
              cancel: CancelToken | None) -> str:
    code = "zh-Hans" if language.startswith("zh") else "en"
    prompt = render_prompt("teacher_comment", language=LANGUAGE_INSTRUCTION[code],
                           figures=figures)
    params = GenerationParams(max_tokens=120, temperature=0.0, seed=11)
    text = "".join(chat.stream_chat([{"role": "user", "content": prompt}], params, cancel))
    return " ".join(text.split())
