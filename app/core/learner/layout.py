"""Lay a response log out as time-major, packed per-(learner, skill) sequences.

BKT treats each learner's answers on one skill as one hidden Markov chain. EM and
forward filtering step through time; doing that one chain at a time in Python would be
hundreds of thousands of loop turns. Instead the chains are numbered longest first, so
at time ``t`` the chains still running are exactly the first ``active[t]`` of them: each
time step is one vectorised NumPy operation over a prefix, and the Python loop runs only
``max chain length`` times.

The cells are *packed*: time step ``t`` occupies ``offset[t] : offset[t] + active[t]`` of
flat arrays as long as the log. A dense ``[time, chain]`` matrix would need one cell per
chain for every step of the longest chain: one learner with 10,000 answers among 100,000
chains is a billion cells, while the packed arrays stay as long as the log itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.core.learner.responses import IntArray, Responses


@dataclass(frozen=True)
class ChainLayout:
    """Attributes:
    obs: answers (0/1) in packed order (time-major, longest chain first).
    skill: skill index of each chain.
    active: number of chains still running at each time step.
    offset: where each time step starts in the packed arrays (``len(active) + 1`` values).
    pos: for each response in the source order, its packed position.
    """

    obs: npt.NDArray[np.int8]
    skill: IntArray
    active: IntArray
    offset: IntArray
    pos: IntArray

    @property
    def n_chains(self) -> int:
        return int(self.skill.size)

    @property
    def steps(self) -> int:
        """The length of the longest chain."""
        return int(self.active.size)

    def cells(self, t: int) -> slice:
        """The packed cells of time step ``t``: chain ``c`` is cell ``c`` of the slice."""
        return slice(int(self.offset[t]), int(self.offset[t] + self.active[t]))

    def to_responses_order(self, packed: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """Read packed values back into one value per response, in source order."""
        return packed[self.pos]


def chain_layout(data: Responses) -> ChainLayout:
    """Build the layout; O(n log n) in the number of responses, O(n) memory."""
    n_skills = max(len(data.skill_names), 1)
    key = data.learner * n_skills + data.skill
    _, chain, lengths = np.unique(key, return_inverse=True, return_counts=True)
    chain = chain.reshape(-1)
    order = np.argsort(chain, kind="stable")  # stable: keeps answer order within a chain
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    step = np.empty(len(data), dtype=np.int64)
    step[order] = np.arange(len(data)) - starts[chain[order]]
    by_length = np.argsort(-lengths, kind="stable")
    column_of = np.empty_like(by_length)
    column_of[by_length] = np.arange(by_length.size)
    col = column_of[chain]
    sorted_lengths = lengths[by_length]
    t_max = int(sorted_lengths[0]) if sorted_lengths.size else 0
    # active[t] = chains longer than t; counted from the lengths, not a [T, C] comparison.
    longer = np.bincount(sorted_lengths, minlength=t_max + 1)[::-1].cumsum()[::-1]
    active = longer[1:t_max + 1].astype(np.int64)
    offset = np.concatenate(([0], np.cumsum(active))).astype(np.int64)
    pos = offset[step] + col if len(data) else np.zeros(0, dtype=np.int64)
    obs = np.zeros(len(data), dtype=np.int8)
    obs[pos] = data.correct
    chain_skill = np.zeros(lengths.size, dtype=np.int64)
    chain_skill[col] = data.skill
    return ChainLayout(obs, chain_skill, active, offset, pos)
