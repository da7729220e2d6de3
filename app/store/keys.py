"""Key handling: the random data key, Argon2id key derivation, and key wrapping.

The database is encrypted with a random 256-bit *data key* that is never stored in the
clear. It is stored *wrapped* (AES-256-GCM) by a key-encryption key (KEK) derived from
the learner's passphrase with Argon2id. The Argon2id parameters and salt travel with the
wrap, so they can be raised later without breaking old profiles. The profile id is the
AES-GCM associated data: a wrap copied onto another profile fails to open.

Pitfall: :func:`derive_kek` takes about half a second by design; never call it on the
GUI thread.

Argon2 and cryptography are imported by the functions that use them: the sign-in screen
reads the wraps from the profile index (:mod:`app.store.index`) before its first paint
and needs neither.
"""

from __future__ import annotations

import base64
import functools
import logging
import os
import time
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
TARGET_SECONDS = 0.5
MEMORY_KIB = 64 * 1024  # 64 MiB: costly for a GPU guesser, fine for a school laptop


def new_data_key() -> bytes:
    """A fresh random 256-bit key from the OS's CSPRNG."""
    return os.urandom(KEY_BYTES)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored beside each passphrase wrap."""

    time_cost: int
    memory_kib: int
    parallelism: int
    salt: bytes

    def with_new_salt(self) -> KdfParams:
        return KdfParams(self.time_cost, self.memory_kib, self.parallelism,
                         os.urandom(SALT_BYTES))

    def to_dict(self) -> dict[str, Any]:
        return {"algorithm": "argon2id", "time_cost": self.time_cost,
                "memory_kib": self.memory_kib, "parallelism": self.parallelism,
                "salt": b64(self.salt)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KdfParams:
        if data.get("algorithm") != "argon2id":
            raise ValueError(f"unknown key derivation {data.get('algorithm')!r}")
        return cls(int(data["time_cost"]), int(data["memory_kib"]),
                   int(data["parallelism"]), unb64(data["salt"]))


def derive_kek(passphrase: str, params: KdfParams) -> bytes:
    """Argon2id(passphrase) -> 32-byte key-encryption key. Slow on purpose."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), params.salt,
                           time_cost=params.time_cost, memory_cost=params.memory_kib,
                           parallelism=params.parallelism, hash_len=KEY_BYTES, type=Type.ID)


@functools.lru_cache(maxsize=1)
def _calibrated_time_cost(target_s: float, memory_kib: int, parallelism: int) -> int:
    # Three passes, not one: the first pass also pays for allocating the memory, and
    # timing it alone over-estimates the cost per pass.
    probe = KdfParams(3, memory_kib, parallelism, os.urandom(SALT_BYTES))
    start = time.perf_counter()
    derive_kek("calibration", probe)
    one_pass = max((time.perf_counter() - start) / 3, 1e-3)
    cost = max(2, round(target_s / one_pass))  # RFC 9106 asks for at least 2 passes
    log.info("argon2id calibrated: %d passes of %d KiB (%.0f ms each)",
             cost, memory_kib, one_pass * 1000)
    return cost


def calibrate(target_s: float = TARGET_SECONDS, *, memory_kib: int = MEMORY_KIB
              ) -> KdfParams:
    """Parameters that take about ``target_s`` on this machine, with a fresh salt.

    Measured once per process (the machine does not change); each call gets a new salt.
    """
    parallelism = min(4, os.cpu_count() or 1)
    cost = _calibrated_time_cost(target_s, memory_kib, parallelism)
    return KdfParams(cost, memory_kib, parallelism, os.urandom(SALT_BYTES))


@dataclass(frozen=True)
class Sealed:
    """AES-256-GCM output: the nonce and the ciphertext with its tag."""

    nonce: bytes
    ciphertext: bytes

    def to_dict(self) -> dict[str, str]:
        return {"nonce": b64(self.nonce), "ciphertext": b64(self.ciphertext)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sealed:
        return cls(unb64(data["nonce"]), unb64(data["ciphertext"]))


def seal(key: bytes, plaintext: bytes, aad: bytes) -> Sealed:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return Sealed(nonce, AESGCM(key).encrypt(nonce, plaintext, aad))


def open_sealed(key: bytes, sealed: Sealed, aad: bytes) -> bytes | None:
    """The plaintext, or None when the key is wrong or the data was changed."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, aad)
    except InvalidTag:
        return None


@dataclass(frozen=True)
class PassphraseWrap:
    """The data key sealed under Argon2id(passphrase)."""

    params: KdfParams
    sealed: Sealed

    @classmethod
    def create(cls, passphrase: str, data_key: bytes, *, aad: bytes,
               params: KdfParams) -> PassphraseWrap:
        params = params.with_new_salt()
        return cls(params, seal(derive_kek(passphrase, params), data_key, aad))

    def unwrap(self, passphrase: str, *, aad: bytes) -> bytes | None:
        """The data key, or None for a wrong passphrase."""
        return open_sealed(derive_kek(passphrase, self.params), self.sealed, aad)

    def to_dict(self) -> dict[str, Any]:
        return {"kdf": self.params.to_dict(), **self.sealed.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PassphraseWrap:
        return cls(KdfParams.from_dict(data["kdf"]), Sealed.from_dict(data))
