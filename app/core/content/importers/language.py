"""Guess a pack's language from its questions' text by script (quiz files do not say).

Counting letters per Unicode script tells the languages that matter most here apart
from English: a Chinese deck (Han characters, perhaps with pinyin and glosses in
another language) must not be tagged "en". Han characters carry a word or a syllable
each, so they count three times a Latin letter. Languages written in the Latin script
cannot be told apart this way; they stay with the caller's default.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

MIN_LETTERS = 20  # fewer letters than this say too little to go against the default
HAN_WEIGHT = 3
SHARE = 0.3  # a script needs this share of the weighted letters to name the language
# Chinese, Japanese and Korean decks are usually glossed in another language; the CJK
# text is what the deck teaches, so a smaller share names it.
CJK_SHARE = 0.15
SAMPLE = 200_000  # characters read at most: enough for any deck, bounded for huge ones

# Characters that differ between the two Chinese scripts (common words: 们/們, 这/這 …).
_SIMPLIFIED = set("们个这来时为说国会学对还么后车长门问见点书话听读写东马语")
_TRADITIONAL = set("們個這來時為說國會學對還麼後車長門問見點書話聽讀寫東馬語")

# (first, last code point, script); scripts not listed count as Latin/other letters.
_RANGES = (
    (0x3040, 0x30FF, "kana"), (0x31F0, 0x31FF, "kana"),
    (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"), (0xF900, 0xFAFF, "han"),
    (0xAC00, 0xD7AF, "hangul"), (0x1100, 0x11FF, "hangul"),
    (0x0400, 0x04FF, "cyrillic"), (0x0370, 0x03FF, "greek"), (0x0600, 0x06FF, "arabic"),
    (0x0590, 0x05FF, "hebrew"), (0x0900, 0x097F, "devanagari"), (0x0E00, 0x0E7F, "thai"),
)
_SCRIPT_LANGUAGE = {"hangul": "ko", "cyrillic": "ru", "greek": "el", "arabic": "ar",
                    "hebrew": "he", "devanagari": "hi", "thai": "th"}


def _script(char: str) -> str:
    code = ord(char)
    for first, last, script in _RANGES:
        if first <= code <= last:
            return script
    return "latin"


def script_counts(texts: Iterable[str]) -> Counter[str]:
    """Weighted letters per script over ``texts`` (at most :data:`SAMPLE` characters)."""
    counts: Counter[str] = Counter()
    read = 0
    for text in texts:
        sample = text[:SAMPLE - read]
        read += len(sample)
        for char in sample:
            if char.isalpha():
                script = _script(char)
                counts[script] += HAN_WEIGHT if script == "han" else 1
        if read >= SAMPLE:
            break
    return counts


def detect_language(texts: Iterable[str]) -> str | None:
    """A BCP 47 code ("zh-Hans", "ja", "ru", …) or None when the text does not tell.

    Kana make a text Japanese even among many Han characters; Chinese is simplified or
    traditional by which forms of the common characters occur more.
    """
    texts = list(texts)
    counts = script_counts(texts)
    total = sum(counts.values())
    if total < MIN_LETTERS:
        return None
    if counts["kana"] >= 0.05 * total:
        return "ja"
    if counts["hangul"] >= CJK_SHARE * total:
        return "ko"
    if counts["han"] >= CJK_SHARE * total:
        return _chinese_script(texts)
    script, weight = max(((s, n) for s, n in counts.items() if s != "latin"),
                         key=lambda item: item[1], default=("latin", 0))
    if weight < SHARE * total:
        return None
    return _SCRIPT_LANGUAGE.get(script)


def _chinese_script(texts: list[str]) -> str:
    simplified = traditional = read = 0
    for text in texts:
        sample = text[:SAMPLE - read]
        read += len(sample)
        simplified += sum(char in _SIMPLIFIED for char in sample)
        traditional += sum(char in _TRADITIONAL for char in sample)
        if read >= SAMPLE:
            break
    return "zh-Hant" if traditional > simplified else "zh-Hans"
