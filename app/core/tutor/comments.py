"""Short progress comments for the teacher, written from the learner's own numbers.

Deterministic text, not model output: a teacher must be able to trust every word, and
the comment never leaves the laptop. It names strengths, what needs practice, recent
effort and one suggestion, in English or Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    weak = sorted((s for s in skills if s.mastery < NEEDS_PRACTICE), key=lambda s: s.mastery)
    attempts = sum(s.attempts_week for s in skills)
    correct = sum(s.correct_week for s in skills)
    if language.startswith("zh"):
        return _chinese(nickname, skills, strong, weak, attempts, correct)
    return _english(nickname, skills, strong, weak, attempts, correct)


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
        parts.append("No skill is below 50% mastery: ready for stretch challenges.")
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
        parts.append("所有技能掌握度都在50%以上，可以尝试挑战题。")
    return "".join(parts)
