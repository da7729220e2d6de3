"""The teacher's AI policy: what the tutor may do, enforced on this laptop.

It is set in teacher mode and saved with the app settings (it is not personal data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Language = Literal["en", "zh-Hans"]
AnswerLanguage = Literal["auto", "en", "zh-Hans"]


@dataclass(frozen=True)
class AIPolicy:
    """Args:
    free_chat: learners may ask the tutor anything about their subjects, outside practice.
    reveal_after_attempts: during practice the answer may be shown after this many wrong
        attempts on a question; None means never.
    limit_to_pack: questions with no relevant passage in the learner's pack get "ask your
        teacher" instead of an answer from the model's general knowledge.
    max_answer_tokens: the longest reply the tutor writes.
    answer_language: "auto" answers in the language the question is written in, or the
        pack's language when the question has no words to tell (e.g. "3/4 + 1/8?").
    """

    free_chat: bool = True
    reveal_after_attempts: int | None = 3
    limit_to_pack: bool = True
    max_answer_tokens: int = 200
    answer_language: AnswerLanguage = "auto"

    def may_reveal(self, wrong_attempts: int) -> bool:
        limit = self.reveal_after_attempts
        return limit is not None and wrong_attempts >= limit

    def language_for(self, pack_language: str, question: str = "") -> Language:
        if self.answer_language != "auto":
            return self.answer_language
        return written_in(question) or (
            "zh-Hans" if pack_language.lower().startswith("zh") else "en")


_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def written_in(text: str) -> Language | None:
    """"zh-Hans" for text with Chinese characters, "en" for Latin words, else None."""
    if _HAN.search(text):
        return "zh-Hans"
    return "en" if _LATIN_WORD.search(text) else None


LANGUAGE_INSTRUCTION = {
    "en": "Answer in English.",
    "zh-Hans": "请用简体中文回答。",
}
