"""The passphrase strength hint and the rules for new passphrases and nicknames."""

from __future__ import annotations

import pytest

from app.store.errors import StoreError, WeakPassphrase
from app.store.passphrase import check_new_passphrase, check_nickname, estimate


@pytest.mark.parametrize(("passphrase", "score"), [
    ("", 0), ("cat", 0), ("password", 0), ("aaaaaaaaaaaa", 0),
    ("tiger123", 1), ("purple tiger", 2), ("purple tiger jumps high", 3),
    ("Purple tiger jumps over 3 tall hills!", 4),
])
def test_strength_grows_with_words_and_variety(passphrase: str, score: int) -> None:
    assert estimate(passphrase).score == score


def test_longer_never_scores_lower() -> None:
    words = ["purple", "tiger", "jumps", "over", "the", "hill"]
    scores = [estimate(" ".join(words[:n])).score for n in range(2, len(words) + 1)]
    assert scores == sorted(scores)


def test_weak_passphrase_is_refused_with_a_hint() -> None:
    with pytest.raises(WeakPassphrase, match="Too short: use at least 8 characters"):
        check_new_passphrase("abc")
    check_new_passphrase("purple tiger")


def test_nickname_is_trimmed_and_must_be_new() -> None:
    assert check_nickname("  Mia   Rose ", taken={"Leo"}) == "Mia Rose"
    with pytest.raises(StoreError, match="at most 30"):
        check_nickname("x" * 31, taken=set())
    with pytest.raises(StoreError, match="already uses"):
        check_nickname("LEO", taken={"Leo"})
