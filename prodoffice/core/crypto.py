"""Encryption at rest for secrets such as tax IDs (Fernet: AES-128-CBC with an HMAC)."""

from __future__ import annotations

import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


@cache
def _fernet() -> Fernet:
    return Fernet(settings.FERNET_KEY.encode())


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode() if text else ""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise RuntimeError(
            "A stored secret cannot be decrypted: FERNET_KEY (or var/fernet.key) is not the key "
            "it was written with."
        ) from exc


def token_digest(token: str) -> str:
    """How a secret that arrives in a request (an API token, a personal link) is looked up:
    its SHA-256, so the table holds nothing that opens anything. The tokens are 256 random
    bits: a plain hash is enough, no salt or slow hash needed."""
    return hashlib.sha256(token.encode()).hexdigest()
