"""Bayesian knowledge tracing with forgetting: one skill, one learner, O(1) per answer.

The hidden state is "knows the skill" (``L``) or not. Each answer is observed through
``guess`` (right without knowing) and ``slip`` (wrong while knowing); between answers the
learner may learn (``learn``: not-known -> known) or forget (``forget``: known -> not-known).
Standard BKT is the special case ``forget == 0``.

The conventions match pyBKT and Corbett & Anderson (1995): ``p_known`` is the probability
of knowing the skill *before* the next answer; :func:`update` consumes one answer and
returns that probability for the answer after it.
"""

from __future__ import annotations

from dataclasses import dataclass

MASTERED = 0.95  # the usual BKT mastery threshold (Corbett & Anderson)


@dataclass(frozen=True, slots=True)
class BKTParams:
    """The five parameters of one skill; all are probabilities in [0, 1].

    Attributes:
        prior: P(known) before the first answer.
        learn: P(not known -> known) after each answer.
        guess: P(correct | not known).
        slip: P(wrong | known).
        forget: P(known -> not known) after each answer; 0 for standard BKT.
    """

    prior: float = 0.3
    learn: float = 0.12
    guess: float = 0.2
    slip: float = 0.1
    forget: float = 0.0

    def __post_init__(self) -> None:
        for name in ("prior", "learn", "guess", "slip", "forget"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"BKT parameter {name}={value} is not a probability")
        if self.guess + self.slip >= 1.0:
            # Then a correct answer would be evidence of *not* knowing: the model is
            # degenerate and mastery would move the wrong way.
            raise ValueError(f"guess + slip must be below 1 (got {self.guess + self.slip})")


DEFAULT_PARAMS = BKTParams(prior=0.3, learn=0.12, guess=0.2, slip=0.1, forget=0.02)
"""Used for a skill with no response data yet (close to the class medians on ASSISTments)."""


def p_correct(p_known: float, params: BKTParams) -> float:
    """Probability that the next answer is right, given P(known) before it."""
    return p_known * (1.0 - params.slip) + (1.0 - p_known) * params.guess


def posterior(p_known: float, correct: bool, params: BKTParams) -> float:
    """P(known | this answer), before any learning or forgetting that follows it."""
    if correct:
        known = p_known * (1.0 - params.slip)
        unknown = (1.0 - p_known) * params.guess
    else:
        known = p_known * params.slip
        unknown = (1.0 - p_known) * (1.0 - params.guess)
    total = known + unknown
    return known / total if total > 0.0 else p_known


def transition(p_known: float, params: BKTParams) -> float:
    """Apply one step of learning and forgetting."""
    return p_known * (1.0 - params.forget) + (1.0 - p_known) * params.learn


def update(p_known: float, correct: bool, params: BKTParams) -> float:
    """Consume one answer: the new P(known) before the learner's next answer. O(1)."""
    return transition(posterior(p_known, correct, params), params)


def trace(answers: list[bool], params: BKTParams) -> list[float]:
    """P(known) before each answer and after the last one (``len(answers) + 1`` values)."""
    values = [params.prior]
    for correct in answers:
        values.append(update(values[-1], correct, params))
    return values
