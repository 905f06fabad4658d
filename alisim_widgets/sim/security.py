"""Salted password hashing: the state file is handed in, so no password is ever kept in plain text."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

__all__ = ["hash_password", "verify_password"]

# scrypt parameters: strong enough for a simulator, fast enough (~30 ms) for a classroom.
_N, _R, _P = 2**14, 8, 1


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """Return ``scrypt$N$r$p$salt$digest`` for ``password`` with a fresh random salt."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


_SALT_BYTES, _DIGEST_BYTES = 16, 32


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches the stored hash (constant-time comparison).

    Only hashes with the simulator's own parameters are accepted: the state file comes from a student, and
    a forged hash with huge scrypt costs would otherwise make the teacher's grader spin for minutes.
    """
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        if (scheme, n, r, p) != ("scrypt", str(_N), str(_R), str(_P)):
            return False
        salt = base64.b64decode(salt_b64, validate=True)
        expected = base64.b64decode(digest_b64, validate=True)
        if len(salt) != _SALT_BYTES or len(expected) != _DIGEST_BYTES:
            return False
        digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=_DIGEST_BYTES)
    except (ValueError, TypeError, AttributeError):
        return False
    return hmac.compare_digest(digest, expected)
