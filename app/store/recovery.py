"""The teacher's class recovery key: X25519 + HKDF-SHA256 + AES-256-GCM.

A teacher creates one key pair per class. The private key is kept only sealed by the
teacher's passphrase (Argon2id, like a learner's), in a small JSON file the teacher can
export to a USB stick. Each profile created while the class key is present gets a second
wrap of its data key, sealed to the class *public* key (an ECIES-style construction: an
ephemeral X25519 key agreement, HKDF, then AES-GCM). So:

- a learner's device never holds the teacher's private key or passphrase;
- a teacher with the file and passphrase can recover the data key and re-wrap it under a
  new learner passphrase without opening the database (they never see the learner's data).

Since version 2 the class key also has an Ed25519 *signing* key, sealed together with the
X25519 private key. Its public half is part of the key's :attr:`fingerprint`, which each
learner's encrypted profile pins at its first wrap (:mod:`app.store.pin`). The signing key
is what makes a class key change trustworthy: a new class key carries *endorsements*,
statements signed by the key it replaces, and a learner's profile follows a new key only
along such a chain from the key it pinned. The signing key also signs the teacher's
settings (:mod:`app.teacher_settings`). A version 1 file (X25519 only) is upgraded the
next time its passphrase opens it.

cryptography is imported by the functions that use it: the profile index holds
:class:`RecoveryWrap` values, and the sign-in screen lists the profiles from that index
before its first paint.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.atomic import write_text_atomic
from app.messages import QT_TRANSLATE_NOOP
from app.store.errors import DiskFull, RecoveryError, is_disk_full
from app.store.keys import KdfParams, Sealed, b64, derive_kek, open_sealed, seal, unb64

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

FILE_FORMAT = "lantern-class-recovery-key"
FILE_NAME = "class-recovery.json"  # in the profiles folder
HKDF_INFO = b"lantern recovery wrap v1"
FINGERPRINT_CONTEXT = b"lantern class key fingerprint v2"
ENDORSEMENT_CONTEXT = b"lantern class key endorsement v1"
MAX_ENDORSEMENTS = 64  # a chain longer than this is not a real class's history


def fingerprint(public: bytes, signing_public: bytes | None) -> str:
    """The identity a learner's profile pins: both public keys, hashed (hex)."""
    from cryptography.hazmat.primitives import hashes

    digest = hashes.Hash(hashes.SHA256())
    digest.update(FINGERPRINT_CONTEXT + public + (signing_public or b""))
    return digest.finalize().hex()


def _public_bytes(key: X25519PublicKey | Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _private_bytes(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def _wrapping_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    # Binding both public keys into the derivation (as in HPKE) stops a wrap being
    # replayed under another recipient.
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, salt=ephemeral + recipient, info=HKDF_INFO).derive(shared)


@dataclass(frozen=True)
class RecoveryWrap:
    """A data key sealed to the class public key."""

    recipient: bytes  # the class public key (identifies which class key opens it)
    ephemeral: bytes
    sealed: Sealed

    @classmethod
    def create(cls, recipient: bytes, data_key: bytes, *, aad: bytes) -> RecoveryWrap:
        from cryptography.hazmat.primitives.asymmetric.x25519 import (
            X25519PrivateKey,
            X25519PublicKey,
        )

        eph = X25519PrivateKey.generate()
        eph_pub = _public_bytes(eph.public_key())
        shared = eph.exchange(X25519PublicKey.from_public_bytes(recipient))
        key = _wrapping_key(shared, eph_pub, recipient)
        return cls(recipient, eph_pub, seal(key, data_key, aad))

    def unwrap(self, private: X25519PrivateKey, *, aad: bytes) -> bytes | None:
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

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
class Endorsement:
    """``signer`` (an earlier class key) vouches for the class key with fingerprint ``to``."""

    public: bytes  # the earlier key's X25519 public key
    signing_public: bytes  # the earlier key's Ed25519 public key (it made the signature)
    to: str
    signature: bytes

    @property
    def source(self) -> str:
        return fingerprint(self.public, self.signing_public)

    def valid(self) -> bool:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        try:
            Ed25519PublicKey.from_public_bytes(self.signing_public).verify(
                self.signature, ENDORSEMENT_CONTEXT + self.to.encode("ascii"))
        except (InvalidSignature, ValueError):
            return False
        return True

    def to_dict(self) -> dict[str, str]:
        return {"public": b64(self.public), "signing_public": b64(self.signing_public),
                "to": self.to, "signature": b64(self.signature)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Endorsement:
        return cls(unb64(data["public"]), unb64(data["signing_public"]), str(data["to"]),
                   unb64(data["signature"]))


@dataclass(frozen=True)
class UnlockedClassKey:
    """The private halves, for the moments the teacher passphrase was just typed."""

    private: X25519PrivateKey
    signing: Ed25519PrivateKey | None  # None only for a version 1 file


@dataclass(frozen=True)
class ClassRecoveryKey:
    """The class key pair as stored: public keys in the clear, private keys sealed.

    ``signing_public`` is None for a version 1 file (made before signing keys existed).
    """

    public: bytes
    params: KdfParams
    sealed_private: Sealed
    signing_public: bytes | None = None
    endorsements: tuple[Endorsement, ...] = ()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public, self.signing_public)

    @classmethod
    def create(cls, teacher_passphrase: str, *, params: KdfParams,
               endorsed_by: UnlockedClassKey | None = None,
               history: tuple[Endorsement, ...] = ()) -> ClassRecoveryKey:
        """A new key pair; ``endorsed_by`` (the key it replaces, unlocked) vouches for it."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

        key = cls._sealed(X25519PrivateKey.generate(), Ed25519PrivateKey.generate(),
                          teacher_passphrase, params, history)
        if endorsed_by is None or endorsed_by.signing is None:
            return key
        return key._with_endorsement(endorsed_by)

    @classmethod
    def _sealed(cls, private: X25519PrivateKey, signing: Ed25519PrivateKey, passphrase: str,
                params: KdfParams, endorsements: tuple[Endorsement, ...]) -> ClassRecoveryKey:
        raw = _private_bytes(private) + _private_bytes(signing)
        params = params.with_new_salt()
        public = _public_bytes(private.public_key())
        signing_public = _public_bytes(signing.public_key())
        sealed = seal(derive_kek(passphrase, params), raw, public + signing_public)
        return cls(public, params, sealed, signing_public, endorsements)

    def _with_endorsement(self, signer: UnlockedClassKey) -> ClassRecoveryKey:
        assert signer.signing is not None
        signer_public = _public_bytes(signer.private.public_key())
        signing_public = _public_bytes(signer.signing.public_key())
        statement = Endorsement(signer_public, signing_public, self.fingerprint,
                                signer.signing.sign(ENDORSEMENT_CONTEXT
                                                    + self.fingerprint.encode("ascii")))
        chain = (*self.endorsements, statement)[-MAX_ENDORSEMENTS:]
        return replace(self, endorsements=chain)

    def resealed(self, unlocked: UnlockedClassKey, new_passphrase: str, *,
                 params: KdfParams) -> ClassRecoveryKey:
        """The same key pairs sealed under a new passphrase: wraps and pins keep working.

        A version 1 key gains its signing key here (so its fingerprint changes once).
        """
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        signing = unlocked.signing or Ed25519PrivateKey.generate()
        return self._sealed(unlocked.private, signing, new_passphrase, params,
                            self.endorsements)

    def unlock(self, teacher_passphrase: str) -> X25519PrivateKey:
        """The private key; :class:`RecoveryError` for a wrong teacher passphrase."""
        return self.unlock_all(teacher_passphrase).private

    def unlock_all(self, teacher_passphrase: str) -> UnlockedClassKey:
        """Both private keys; :class:`RecoveryError` for a wrong teacher passphrase."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

        aad = self.public + (self.signing_public or b"")
        raw = open_sealed(derive_kek(teacher_passphrase, self.params), self.sealed_private,
                          aad)
        if raw is None:
            raise RecoveryError(QT_TRANSLATE_NOOP("StoreError",
                                    "That teacher passphrase doesn't match this recovery key."))
        signing = Ed25519PrivateKey.from_private_bytes(raw[32:]) if len(raw) == 64 else None
        return UnlockedClassKey(X25519PrivateKey.from_private_bytes(raw[:32]), signing)

    def endorsed_from(self, pinned: str) -> bool:
        """Whether a chain of valid endorsements leads from the key ``pinned`` to this one."""
        successor = {e.source: e.to for e in self.endorsements if e.valid()}
        current, seen = pinned, set()
        while current in successor and current not in seen:
            seen.add(current)
            current = successor[current]
            if current == self.fingerprint:
                return True
        return False

    def to_json(self) -> str:
        data: dict[str, Any] = {"format": FILE_FORMAT, "version": 1, "public": b64(self.public),
                                "kdf": self.params.to_dict(), **self.sealed_private.to_dict()}
        if self.signing_public is not None:
            data |= {"version": 2, "signing_public": b64(self.signing_public),
                     "endorsements": [e.to_dict() for e in self.endorsements]}
        return json.dumps(data, indent=2)

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
            if not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
                raise ValueError("not a recovery key file")
            signing = data.get("signing_public")
            endorsements = tuple(Endorsement.from_dict(e)
                                 for e in data.get("endorsements", [])[:MAX_ENDORSEMENTS])
            return cls(unb64(data["public"]), KdfParams.from_dict(data["kdf"]),
                       Sealed.from_dict(data), unb64(signing) if signing else None,
                       endorsements)
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise RecoveryError("That file is not a Lantern class recovery key.") from exc
