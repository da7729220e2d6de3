"""Cryptographic pieces of secure aggregation: X25519 key agreement, HKDF, a ChaCha20
PRG for masks, AES-GCM for the Shamir shares laptops send each other through the hub.

All arithmetic on the vectors is modulo 2^32 (NumPy ``uint32`` wraps around). A mask is
the ChaCha20 key stream of a 32-byte seed read as little-endian 32-bit words: uniform on
Z_{2^32} for anyone without the seed.
"""

from __future__ import annotations

import os

import numpy as np
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

MODULUS = 2**32
LABEL = b"lantern-secagg/1"


def new_private_key() -> bytes:
    """32 raw bytes of a fresh X25519 private key."""
    return X25519PrivateKey.generate().private_bytes_raw()


def public_key(private: bytes) -> bytes:
    key = X25519PrivateKey.from_private_bytes(private).public_key()
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def agree(private: bytes, peer_public: bytes, *, info: bytes) -> bytes:
    """A 32-byte key both ends derive alike: HKDF-SHA256 over the X25519 secret."""
    shared = X25519PrivateKey.from_private_bytes(private).exchange(
        X25519PublicKey.from_public_bytes(peer_public))
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=LABEL + b" " + info).derive(shared)


def pair_info(round_id: str, a: int, b: int, purpose: str) -> bytes:
    """Binds a derived key to the round, the (unordered) pair of slots and its purpose."""
    low, high = sorted((a, b))
    return f"{purpose} {round_id} {low} {high}".encode()


def prg(seed: bytes, size: int) -> np.ndarray:
    """``size`` pseudo-random uint32 words from a 32-byte seed (ChaCha20 key stream)."""
    encryptor = Cipher(algorithms.ChaCha20(seed, b"\0" * 16), mode=None).encryptor()
    stream = encryptor.update(b"\0" * (4 * size))
    return np.frombuffer(stream, dtype="<u4").astype(np.uint32)


def pair_mask(seed: bytes, size: int, me: int, other: int) -> np.ndarray:
    """The mask ``me`` adds for the pair: +PRG for the lower slot, -PRG for the higher,
    so the two cancel in the sum."""
    words = prg(seed, size)
    return words if me < other else (np.uint32(0) - words).astype(np.uint32)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    """Raises ``cryptography.exceptions.InvalidTag`` when it was not sealed with ``key``."""
    return AESGCM(key).decrypt(sealed[:12], sealed[12:], aad)


def centred(values: np.ndarray) -> np.ndarray:
    """uint32 sums read as signed: the noisy sum of small counts may be below zero."""
    return values.astype(np.int64) - np.where(values >= MODULUS // 2, MODULUS, 0)
