"""Exact discrete Laplace noise, drawn with integer arithmetic from the OS's secure
random source.

Why not floating-point Laplace: a sampler that computes ``-b·log(U)`` in floating point
leaves gaps and patterns in its outputs that can reveal the input (Mironov, "On
Significance of the Least Significant Bits for Differential Privacy", CCS 2012). Values
are put on a grid of 1/16 instead and the noise is an integer number of grid steps, drawn
exactly with Canonne, Kamath, Steinke, "The Discrete Gaussian for Differential Privacy"
(NeurIPS 2020), Algorithms 1 and 2: only uniform integers and comparisons of fractions,
no rounding anywhere. Adding discrete Laplace noise of scale ``b`` steps to an integer
query of L1 sensitivity ``Δ`` steps is ε-DP with ε = Δ/b (the geometric mechanism; Ghosh,
Roughgarden, Sundararajan 2009).

This replaced OpenDP (a 263 MB library, most of the app bundle) for the one mechanism we
used from it; OpenDP's float Laplace is built on the same grid-and-integer idea.
"""

from __future__ import annotations

import math
import secrets
from fractions import Fraction

GRID = 16  # steps per unit: values are sent as multiples of 1/16
_SCALE_DENOMINATOR = 1000  # the noise scale is rounded *up* to 1/1000 of a step


def _bernoulli(p: Fraction) -> bool:
    return secrets.randbelow(p.denominator) < p.numerator


def _bernoulli_exp(gamma: Fraction) -> bool:
    """True with probability exp(-gamma), gamma ≥ 0 (CKS 2020, Algorithm 1)."""
    while gamma > 1:
        if not _bernoulli_exp(Fraction(1)):
            return False
        gamma -= 1
    k = 1
    while _bernoulli(gamma / k):
        k += 1
    return k % 2 == 1


def discrete_laplace(scale: Fraction) -> int:
    """An integer Z with P(Z = z) ∝ exp(-|z|/scale) (CKS 2020, Algorithm 2)."""
    t, s = scale.numerator, scale.denominator  # scale = t/s
    while True:
        u = secrets.randbelow(t)
        if not _bernoulli_exp(Fraction(u, t)):
            continue
        v = 0
        while _bernoulli_exp(Fraction(1)):
            v += 1
        y = (u + t * v) // s
        negative = secrets.randbelow(2) == 1
        if negative and y == 0:
            continue
        return -y if negative else y


def scale_for(sensitivity: float, epsilon: float) -> Fraction:
    """The noise scale in grid steps that spends at most ``epsilon`` on a query of this
    ``sensitivity`` (in value units): rounded up, so never a hair more than ε."""
    exact = Fraction(sensitivity) * GRID / Fraction(epsilon)
    return Fraction(math.ceil(exact * _SCALE_DENOMINATOR), _SCALE_DENOMINATOR)


def spent(sensitivity: float, scale: Fraction) -> Fraction:
    """ε that noise of ``scale`` steps spends on a query of this ``sensitivity``."""
    return Fraction(sensitivity) * GRID / scale


def noised(value: float, scale: Fraction) -> float:
    """``value`` on the grid plus discrete Laplace noise: exact in binary floating point."""
    steps = round(value * GRID)
    return (steps + discrete_laplace(scale)) / GRID
