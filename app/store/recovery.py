"""The teacher's class recovery key: X25519 + HKDF-SHA256 + AES-256-GCM.

A teacher creates one key pair per class. The private key is kept only sealed by the
teacher's passphrase (Argon2id, like a learner's), in a small JSON file the teacher can
export to a USB stick. Each profile created while the class key is present gets a second
wrap of its data key, sealed to the class *public* key (an ECIES-style construction: an
ephemeral X25519 key agreement, HKDF, then AES-GCM). So:

- a learner's device never holds the teacher's private key or passphrase;
- a teacher with the file and passphrase can recover the data key and re-wrap it under a
  new learner passphrase without opening the database (they never see the learner's data).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.atomic import write_text_atomic
from app.messages import QT_TRANSLATE_NOOP
from app.store.errors import DiskFull, RecoveryError, is_disk_full
from app.store.keys import KdfParams, Sealed, b64, derive_kek, open_sealed, seal, unb64

FILE_FORMAT = "lantern-class-recovery-key"
HKDF_INFO = b"lantern recovery wrap v1"
_RAW = serialization.Encoding.Raw


def _public_bytes(key: X25519PublicKey) -> bytes:
    return key.public_bytes(_RAW, serialization.PublicFormat.Raw)


def _wrapping_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    # Binding both public keys into the derivation (as in HPKE) stops a wrap being
    # replayed under another recipient.
    return HKDF(hashes.SHA256(), 32, salt=ephemeral + recipient, info=HKDF_INFO).derive(shared)


@dataclass(frozen=True)
class RecoveryWrap:
    """A data key sealed to the class public key."""

    recipient: bytes  # the class public key (identifies which class key opens it)
    ephemeral: bytes
    sealed: Sealed

    @classmethod
    def create(cls, recipient: bytes, data_key: bytes, *, aad: bytes) -> RecoveryWrap:
        eph = X25519PrivateKey.generate()
        eph_pub = _public_bytes(eph.public_key())
        shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient))
        key = _wrapping_key(shared, eph_pub, recipient)
        return cls(recipient, eph_pub, seal(key, data_key, aad))

    def unwrap(self, private: X25519PrivateKey, *, aad: bytes) -> bytes | None:
        shared = private.exchange(X25519PublicKey.from_public_bytes(self.ephemeral))
        key = _wrapping_key(shared, self.ephemeral, self.recipient)
        return open_sealed(key, self.sealed, aad)

    def to_dict(self) -> dict[str, Any]:
        return {"recipient": b64(self.recipient), "ephemeral": b64(self.ephemeral),
                **self.sealed.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RecoveryWrap:
        return cls(unb64(data["recipient"]), unb64(data["ephemeral"]), Sealed.from_dict(data))


@dataclass(frozen=True)
class ClassRecoveryKey:
    """The class key pair as stored: public key in the clear, private key sealed."""

    public: bytes
    params: KdfParams
    sealed_private: Sealed

    @classmethod
    def create(cls, teacher_passphrase: str, *, params: KdfParams) -> ClassRecoveryKey:
        private = X25519PrivateKey.generate()
        raw = private.private_bytes(_RAW, serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
        params = params.with_new_salt()
        public = _public_bytes(private.public_key())
        sealed = seal(derive_kek(teacher_passphrase, params), raw, public)
        return cls(public, params, sealed)

    def resealed(self, private: X25519PrivateKey, new_passphrase: str, *,
                 params: KdfParams) -> ClassRecoveryKey:
        """The same key pair sealed under a new passphrase: recovery wraps keep working."""
        raw = private.private_bytes(_RAW, serialization.PrivateFormat.Raw,
                                    serialization.NoEncryption())
        params = params.with_new_salt()
        return ClassRecoveryKey(self.public, params,
                                seal(derive_kek(new_passphrase, params), raw, self.public))

    def unlock(self, teacher_passphrase: str) -> X25519PrivateKey:
        """The private key; :class:`RecoveryError` for a wrong teacher passphrase."""
        raw = open_sealed(derive_kek(teacher_passphrase, self.params), self.sealed_private,
                          self.public)
        if raw is None:
            raise RecoveryError(QT_TRANSLATE_NOOP("StoreError",
                                    "That teacher passphrase doesn't match this recovery key."))
        return X25519PrivateKey.from_private_bytes(raw)

    def to_json(self) -> str:
        return json.dumps({"format": FILE_FORMAT, "version": 1, "public": b64(self.public),
                           "kdf": self.params.to_dict(), **self.sealed_private.to_dict()},
                          indent=2)

    def save(self, path: Path) -> None:
        """Write (e.g. export to a USB stick) atomically; DiskFull on a full disk."""
        try:
            write_text_atomic(path, self.to_json())
        except OSError as exc:
            if is_disk_full(exc):
                raise DiskFull() from exc
            raise

    @classmethod
    def load(cls, path: Path) -> ClassRecoveryKey:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FILE_FORMAT:
                raise ValueError("not a recovery key file")
            return cls(unb64(data["public"]), KdfParams.from_dict(data["kdf"]),
                       Sealed.from_dict(data))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise RecoveryError("That file is not a Lantern class recovery key.") from exc
