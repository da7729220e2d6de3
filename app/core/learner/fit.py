"""Fit BKT parameters per skill by expectation-maximisation (Baum-Welch), in NumPy.

All skills are fitted at once: the forward-backward pass runs over the chain layout of
:mod:`app.core.learner.layout`, one vectorised step per time index, and the expected
counts are summed per skill with ``np.bincount``. On ASSISTments 2015 (545k answers,
99k chains) one EM iteration takes well under a second on one core.

Skills with few answers are pulled towards :data:`~app.core.learner.bkt.DEFAULT_PARAMS`
by pseudo-counts (a MAP estimate), so a skill seen ten times gets sensible values
instead of 0s and 1s; a skill never seen keeps the defaults exactly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, fields

import numpy as np
import numpy.typing as npt

from app.core.learner.bkt import DEFAULT_PARAMS, BKTParams
from app.core.learner.layout import ChainLayout, chain_layout
from app.core.learner.responses import Responses
from inference.cancel import CancelToken

log = logging.getLogger(__name__)

Floats = npt.NDArray[np.float64]
Progress = Callable[[str, float], None]
PARAM_NAMES = ("prior", "learn", "guess", "slip", "forget")
MAX_GUESS_SLIP = 0.45  # keeps guess + slip < 1 so a right answer is always good news
PSEUDO_COUNT = 4.0  # answers' worth of belief in the defaults
MIN_EMIT = 1e-6  # the least P(answer | state): no answer is ever quite impossible
MIN_BACKWARD = 1e-300  # backward variables never underflow to exactly 0
FILTER_EDGE = 1e-12  # how close to 0 or 1 the backward pass lets P(known) come


@dataclass
class ParamArrays:
    """One array per BKT parameter, indexed by skill."""

    prior: Floats
    learn: Floats
    guess: Floats
    slip: Floats
    forget: Floats

    @classmethod
    def filled(cls, n_skills: int, params: BKTParams) -> ParamArrays:
        return cls(*(np.full(n_skills, getattr(params, n), dtype=np.float64)
                     for n in PARAM_NAMES))

    def for_skill(self, index: int) -> BKTParams:
        return BKTParams(*(float(getattr(self, n)[index]) for n in PARAM_NAMES))

    def to_dict(self, names: tuple[str, ...]) -> dict[str, BKTParams]:
        return {name: self.for_skill(i) for i, name in enumerate(names)}

    @classmethod
    def from_dict(cls, params: dict[str, BKTParams], names: tuple[str, ...],
                  default: BKTParams = DEFAULT_PARAMS) -> ParamArrays:
        chosen = [params.get(name, default) for name in names]
        return cls(*(np.array([getattr(p, f.name) for p in chosen], dtype=np.float64)
                     for f in fields(BKTParams)))


@dataclass(frozen=True)
class FitResult:
    """Fitted parameters per skill name, plus how the fit went."""

    params: dict[str, BKTParams]
    log_likelihood: float
    iterations: int
    converged: bool


def _emit(obs: npt.NDArray[np.int8], p: ParamArrays, sk: npt.NDArray[np.int64]) -> tuple[
        Floats, Floats]:
    """P(obs | not known), P(obs | known) for a prefix of chains.

    Floored at :data:`MIN_EMIT` so that an answer the parameters call impossible (a
    teacher's guess of 0) lowers the likelihood instead of dividing by zero.
    """
    right = obs.astype(bool)
    e0 = np.where(right, p.guess[sk], 1.0 - p.guess[sk])
    e1 = np.where(right, 1.0 - p.slip[sk], p.slip[sk])
    return np.maximum(e0, MIN_EMIT), np.maximum(e1, MIN_EMIT)


def forward(lay: ChainLayout, p: ParamArrays) -> tuple[Floats, Floats, Floats]:
    """Filtered P(known) before each answer, after each answer, and the scale factors.

    Returns packed arrays (see :class:`ChainLayout`) ``before``, ``after`` and ``scale``
    (P(answer | past)), one value per response.
    """
    before, after, scale = (np.zeros(lay.obs.size) for _ in range(3))
    previous = slice(0, 0)
    for t in range(lay.steps):
        cells, n = lay.cells(t), int(lay.active[t])
        sk = lay.skill[:n]
        if t == 0:
            known = p.prior[sk]
        else:
            prev = after[previous][:n]
            known = prev * (1.0 - p.forget[sk]) + (1.0 - prev) * p.learn[sk]
        e0, e1 = _emit(lay.obs[cells], p, sk)
        joint1, joint0 = known * e1, (1.0 - known) * e0
        total = joint0 + joint1
        before[cells], after[cells], scale[cells] = known, joint1 / total, total
        previous = cells
    return before, after, scale


class _Counts:
    """Expected counts per skill, summed with ``np.bincount``."""

    NAMES = ("g0", "g1", "g0_right", "g1_wrong", "x01", "x10", "from0", "from1", "first1",
             "chains")

    def __init__(self, n_skills: int) -> None:
        self.n_skills = n_skills
        self.sums = {name: np.zeros(n_skills) for name in self.NAMES}

    def add(self, sk: npt.NDArray[np.int64], **values: Floats) -> None:
        for name, value in values.items():
            self.sums[name] += np.bincount(sk, weights=value, minlength=self.n_skills)


def _transitions(lay: ChainLayout, p: ParamArrays, t: int, a1: Floats,
                 b0: Floats, b1: Floats, counts: _Counts) -> None:
    """Count expected transitions t -> t+1 and step the backward variables to ``t``.

    The backward variables are kept only up to a factor per chain (the largest is 1):
    dividing by the forward scale factors instead, as textbooks do, overflows on long
    chains where the filter is nearly certain (1 / P(known) grows without bound). The
    transition posteriors are normalised per chain, so that factor cancels.
    """
    m = int(lay.active[t + 1])
    sk = lay.skill[:m]
    e0, e1 = _emit(lay.obs[lay.cells(t + 1)], p, sk)
    w0, w1 = e0 * b0[:m], e1 * b1[:m]
    a = a1[:m]
    x01 = (1.0 - a) * p.learn[sk] * w1
    x10 = a * p.forget[sk] * w0
    x00 = (1.0 - a) * (1.0 - p.learn[sk]) * w0
    x11 = a * (1.0 - p.forget[sk]) * w1
    total = x00 + x01 + x10 + x11
    x00, x01, x10, x11 = x00 / total, x01 / total, x10 / total, x11 / total
    counts.add(sk, x01=x01, x10=x10, from0=x00 + x01, from1=x11 + x10)
    new0 = (1.0 - p.learn[sk]) * w0 + p.learn[sk] * w1
    new1 = p.forget[sk] * w0 + (1.0 - p.forget[sk]) * w1
    top = np.maximum(new0, new1)
    b0[:m] = np.maximum(new0 / top, MIN_BACKWARD)
    b1[:m] = np.maximum(new1 / top, MIN_BACKWARD)


def _accumulate(lay: ChainLayout, p: ParamArrays, after: Floats) -> dict[str, Floats]:
    """Backward pass; expected counts per skill for the M-step.

    ``b0``/``b1`` are the backward variables up to a factor per chain; a chain that ends
    at ``t`` keeps its initial 1s because the running prefix never reaches it again. The
    filtered P(known) is kept a hair inside (0, 1): after thousands of right answers it
    rounds to exactly 1, and a later run of wrong answers would then make both states
    impossible (0 / 0).
    """
    counts = _Counts(p.prior.size)
    b0, b1 = np.ones(lay.n_chains), np.ones(lay.n_chains)
    for t in range(lay.steps - 1, -1, -1):
        n = int(lay.active[t])
        cells = lay.cells(t)
        a1 = np.clip(after[cells], FILTER_EDGE, 1.0 - FILTER_EDGE)
        if t + 1 < lay.steps:
            _transitions(lay, p, t, a1, b0, b1, counts)
        sk = lay.skill[:n]
        g1 = a1 * b1[:n]
        g1 = g1 / (g1 + (1.0 - a1) * b0[:n])
        right = lay.obs[cells].astype(np.float64)
        counts.add(sk, g1=g1, g0=1.0 - g1, g0_right=(1.0 - g1) * right,
                   g1_wrong=g1 * (1.0 - right))
        if t == 0:
            counts.add(sk, first1=g1, chains=np.ones(n))
    return counts.sums


def _m_step(c: dict[str, Floats], forgetting: bool) -> ParamArrays:
    d, pc = DEFAULT_PARAMS, PSEUDO_COUNT

    def ratio(num: Floats, den: Floats, default: float) -> Floats:
        return np.asarray((num + pc * default) / (den + pc), dtype=np.float64)

    forget = (ratio(c["x10"], c["from1"], d.forget) if forgetting
              else np.zeros_like(c["g1"]))
    return ParamArrays(
        prior=np.clip(ratio(c["first1"], c["chains"], d.prior), 1e-4, 1 - 1e-4),
        learn=np.clip(ratio(c["x01"], c["from0"], d.learn), 1e-4, 1 - 1e-4),
        guess=np.clip(ratio(c["g0_right"], c["g0"], d.guess), 1e-4, MAX_GUESS_SLIP),
        slip=np.clip(ratio(c["g1_wrong"], c["g1"], d.slip), 1e-4, MAX_GUESS_SLIP),
        forget=np.clip(forget, 0.0, 0.5))


def fit_bkt(data: Responses, *, forgetting: bool = True, max_iterations: int = 60,
            tolerance: float = 1e-5, cancel: CancelToken | None = None,
            progress: Progress | None = None) -> FitResult:
    """Fit every skill of ``data`` by EM.

    Args:
        data: the response log (any number of learners and skills).
        forgetting: fit ``forget`` too; ``False`` gives standard BKT (``forget = 0``).
        max_iterations: EM stops here even if not converged (``converged`` says so).
        tolerance: stop when the log-likelihood improves by less than this fraction.
        cancel: checked between iterations; raises ``Cancelled``.
        progress: called with a message and a fraction in [0, 1] after each iteration.
    """
    lay = chain_layout(data)
    start = DEFAULT_PARAMS if forgetting else BKTParams(**{
        **{n: getattr(DEFAULT_PARAMS, n) for n in PARAM_NAMES}, "forget": 0.0})
    params = ParamArrays.filled(max(len(data.skill_names), 1), start)
    previous, log_lik = -np.inf, -np.inf
    for iteration in range(1, max_iterations + 1):
        if cancel is not None:
            cancel.raise_if_cancelled()
        _, after, scale = forward(lay, params)
        log_lik = float(np.log(scale).sum()) if len(data) else 0.0
        params = _m_step(_accumulate(lay, params, after), forgetting)
        if progress is not None:
            progress("Fitting skill parameters", iteration / max_iterations)
        if abs(log_lik - previous) <= tolerance * abs(log_lik) or not len(data):
            log.info("EM converged after %d iterations (log-lik %.1f)", iteration, log_lik)
            return FitResult(params.to_dict(data.skill_names), log_lik, iteration, True)
        previous = log_lik
    return FitResult(params.to_dict(data.skill_names), log_lik, max_iterations, False)


def predict(data: Responses, params: dict[str, BKTParams]) -> Floats:
    """P(correct) for every response given only the answers before it (filtering)."""
    arrays = ParamArrays.from_dict(params, data.skill_names)
    lay = chain_layout(data)
    before, _, _ = forward(lay, arrays)
    known = lay.to_responses_order(before)
    sk = data.skill
    return np.asarray(known * (1.0 - arrays.slip[sk]) + (1.0 - known) * arrays.guess[sk],
                      dtype=np.float64)
