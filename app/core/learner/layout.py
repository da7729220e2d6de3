"""Lay a response log out as a time-major matrix of per-(learner, skill) sequences.

BKT treats each learner's answers on one skill as one hidden Markov chain. EM and
forward filtering step through time; doing that one chain at a time in Python would be
hundreds of thousands of loop turns. Instead every chain becomes a column of a
``[time, chain]`` matrix, columns sorted longest first, so at time ``t`` the chains still
running are exactly the first ``active[t]`` columns: each time step is one vectorised
NumPy operation over a prefix, and the Python loop runs only ``max chain length`` times.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.core.learner.responses import IntArray, Responses


@dataclass(frozen=True)
class ChainLayout:
    """Attributes:
    obs: ``[T, C]`` answers (0/1); padding past a chain's end is 0 and never read.
    skill: ``[C]`` skill index of each chain.
    active: ``[T]`` number of chains still running at each time step.
    row, col: for each response in the source order, its cell in ``obs``.
    """

    obs: npt.NDArray[np.int8]
    skill: IntArray
    active: IntArray
    row: IntArray
    col: IntArray

    @property
    def n_chains(self) -> int:
        return int(self.skill.size)

    def to_responses_order(self, matrix: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """Read a ``[T, C]`` matrix back into one value per response, in source order."""
        return matrix[self.row, self.col]


def chain_layout(data: Responses) -> ChainLayout:
    """Build the layout; O(n log n) in the number of responses."""
    n_skills = max(len(data.skill_names), 1)
    key = data.learner * n_skills + data.skill
    _, chain, lengths = np.unique(key, return_inverse=True, return_counts=True)
    chain = chain.reshape(-1)
    order = np.argsort(chain, kind="stable")  # stable: keeps answer order within a chain
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    step = np.empty(len(data), dtype=np.int64)
    step[order] = np.arange(len(data)) - starts[chain[order]]
    by_length = np.argsort(-lengths, kind="stable")
    column_of = np.empty_like(by_length)
    column_of[by_length] = np.arange(by_length.size)
    col = column_of[chain]
    t_max = int(lengths.max()) if lengths.size else 0
    obs = np.zeros((t_max, lengths.size), dtype=np.int8)
    obs[step, col] = data.correct
    chain_skill = np.zeros(lengths.size, dtype=np.int64)
    chain_skill[col] = data.skill
    sorted_lengths = lengths[by_length]
    active = (sorted_lengths[None, :] > np.arange(t_max)[:, None]).sum(axis=1)
    return ChainLayout(obs, chain_skill, active.astype(np.int64), step, col)
