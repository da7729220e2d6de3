"""The passphrase strength hint and the rules for new passphrases and nicknames."""

from __future__ import annotations

import pytest

from app.store.errors import StoreError, WeakPassphrase
from app.store.passphrase import (
    check_new_passphrase,
    check_nickname,
    check_teacher_passphrase,
    estimate,
    suggest,
)


@pytest.mark.parametrize(("passphrase", "score"), [
    ("", 0), ("cat", 0), ("password", 0), ("aaaaaaaaaaaa", 0), ("qwerty123", 0),
    ("tiger123", 1), ("12312312", 1), ("password2", 1), ("wrong one", 2),
    ("purple tiger", 3), ("purple tiger jumps high", 4),
])
def test_strength_is_zxcvbns_guess_count(passphrase: str, score: int) -> None:
    assert estimate(passphrase).score == score


@pytest.mark.parametrize("common", ["12312312", "password2", "qwerty123", "letmein1",
                                    "iloveyou", "abcdefgh12"])
def test_common_passphrases_from_the_issue_are_refused_with_a_suggestion(common: str) -> None:
    with pytest.raises(WeakPassphrase) as refused:
        check_new_passphrase(common)
    assert "For example: " in refused.value.user_message()


def test_the_teacher_passphrase_has_a_higher_bar() -> None:
    check_new_passphrase("wrong one")  # score 2: enough for a learner
    with pytest.raises(WeakPassphrase):
        check_teacher_passphrase("wrong one")
    check_teacher_passphrase("teacher owl passphrase")


def test_suggestions_are_four_random_words_that_pass_both_bars() -> None:
    suggestions = {suggest() for _ in range(20)}
    assert len(suggestions) == 20  # random, not a fixed example
    for phrase in suggestions:
        assert len(phrase.split()) == 4
        check_teacher_passphrase(phrase)


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
