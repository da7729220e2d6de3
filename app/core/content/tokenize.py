"""Search tokens for BM25 in any language: words for alphabetic scripts, bigrams for CJK.

Chinese and Japanese are written without spaces, so a "word" split would make a whole
sentence one token. Overlapping character bigrams (分数 → 分数; 分数入门 → 分数 数入 入门)
are the usual dictionary-free answer and match two-character words well; a run of a
single CJK character is kept as a unigram so one-character queries still match.
"""

from __future__ import annotations

import re
import unicodedata

_CJK = (r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
        r"\U00020000-\U0002fa1f")
_RUNS = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+")
_IS_CJK = re.compile(rf"[{_CJK}]")

# Function words that match everything and rank nothing (English only: the CJK bigrams
# containing a particle are rare enough not to matter).
STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from",
    "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "of", "on", "or", "so",
    "that", "the", "their", "then", "there", "these", "this", "to", "was", "we", "what", "when",
    "which", "who", "why", "will", "with", "you", "your"
})


def tokens(text: str) -> list[str]:
    """Lower-cased search tokens of ``text`` (NFKC-normalised, stopwords removed)."""
    found: list[str] = []
    for run in _RUNS.findall(unicodedata.normalize("NFKC", text).lower()):
        if _IS_CJK.match(run):
            found.extend([run] if len(run) == 1 else
                         [run[i:i + 2] for i in range(len(run) - 1)])
        elif run not in STOPWORDS:
            found.append(_stem(run))
    return found


def _stem(word: str) -> str:
    """A light plural stemmer: 'fractions' and 'fraction' should meet; 'glass' stays."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def size(text: str) -> int:
    """Roughly the number of words: a CJK character counts as half a word."""
    cjk = len(_IS_CJK.findall(text))
    return len(_RUNS.findall(_IS_CJK.sub(" ", text))) + (cjk + 1) // 2


def has_cjk(text: str) -> bool:
    """Whether ``text`` contains any Chinese, Japanese or Korean character."""
    return _IS_CJK.search(text) is not None
