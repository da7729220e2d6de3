"""Shamir secret sharing over the prime field GF(2^521 - 1), for 32-byte seeds.

A secret is the constant term of a random polynomial of degree ``t - 1``; share ``i``
is the polynomial at ``x = i`` (1-based). Any ``t`` shares give the secret back by
Lagrange interpolation at 0; any ``t - 1`` shares are uniformly distributed whatever the
secret, so they say nothing about it. The prime is the Mersenne prime 2^521 - 1, far
above 2^256, so every 32-byte seed is a field element as it is.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping

PRIME = 2**521 - 1
SECRET_BYTES = 32


class ShamirError(ValueError):
    """Too few shares, or malformed ones."""


def split(secret: bytes, *, n: int, t: int) -> dict[int, int]:
    """``n`` shares of ``secret`` (32 bytes) with threshold ``t``: ``{x: y}``, x = 1..n."""
    if len(secret) != SECRET_BYTES:
        raise ShamirError(f"a secret is {SECRET_BYTES} bytes")
    if not 1 <= t <= n:
        raise ShamirError(f"the threshold must be between 1 and n (t={t}, n={n})")
    coefficients = [int.from_bytes(secret, "big")] + [secrets.randbelow(PRIME)
                                                      for _ in range(t - 1)]
    return {x: _evaluate(coefficients, x) for x in range(1, n + 1)}


def _evaluate(coefficients: list[int], x: int) -> int:
    value = 0
    for c in reversed(coefficients):  # Horner
        value = (value * x + c) % PRIME
    return value


def combine(shares: Mapping[int, int], *, t: int) -> bytes:
    """The secret from at least ``t`` shares (any ``t`` of them are used)."""
    if len(shares) < t:
        raise ShamirError(f"{len(shares)} shares are fewer than the threshold {t}")
    points = sorted(shares.items())[:t]
    secret = 0
    for i, (xi, yi) in enumerate(points):
        num, den = 1, 1
        for j, (xj, _) in enumerate(points):
            if i != j:
                num = num * (-xj) % PRIME
                den = den * (xi - xj) % PRIME
        secret = (secret + yi * num * pow(den, -1, PRIME)) % PRIME
    if secret >= 2 ** (8 * SECRET_BYTES):
        raise ShamirError("the shares do not belong to one 32-byte secret")
    return secret.to_bytes(SECRET_BYTES, "big")
