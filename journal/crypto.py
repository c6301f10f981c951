"""The journal's link secret and the encryption it keys.

A journal has no account: whoever holds its private link holds the journal. The
link carries one random secret made of two independent parts:

- the *lookup* part (128 bits) finds the journal. The database keeps only its
  SHA-256 hash and finds the row by equality on that hash, so the time a lookup
  takes depends on the hash, never on how much of a guess was right;
- the *key* part (256 bits) never reaches the database in any form. HKDF-SHA256
  turns it (with a per-journal salt) into the AES-GCM key for every entry, so a
  copy of the database or of a backup reveals no entry, and we cannot recover a
  lost link.

AES-GCM authenticates as well as encrypts: a right lookup part with a wrong key
part fails to open the journal's key check, and is treated as a missing journal.
"""

import hashlib
import json
import os
import re
import secrets
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

LOOKUP_BYTES = 16  # 128 bits
KEY_BYTES = 32  # 256 bits
LOOKUP_LENGTH = 22  # characters of URL-safe base64 for LOOKUP_BYTES
KEY_LENGTH = 43  # characters for KEY_BYTES
SECRET_LENGTH = LOOKUP_LENGTH + KEY_LENGTH
SALT_BYTES = 16
NONCE_BYTES = 12
FORMAT_VERSION = b"\x01"
HKDF_INFO = b"withdrawal-commons journal entries v1"
KEY_CHECK_PLAINTEXT = b"withdrawal-commons journal"

_SECRET_SHAPE = re.compile(rf"[A-Za-z0-9_-]{{{SECRET_LENGTH}}}")


class DecryptionError(ValueError):
    """The ciphertext does not open with this key (wrong key, or tampered data)."""


@dataclass(frozen=True)
class LinkSecret:
    lookup: str = field(repr=False)
    key_part: str = field(repr=False)

    @property
    def value(self) -> str:
        return self.lookup + self.key_part

    @property
    def lookup_hash(self) -> str:
        return lookup_hash(self.lookup)


def new_secret() -> LinkSecret:
    return LinkSecret(lookup=secrets.token_urlsafe(LOOKUP_BYTES), key_part=secrets.token_urlsafe(KEY_BYTES))


def parse_secret(value: str) -> LinkSecret | None:
    """The two parts of a link secret, or None for anything not shaped like one."""
    if not isinstance(value, str) or not _SECRET_SHAPE.fullmatch(value):
        return None
    return LinkSecret(lookup=value[:LOOKUP_LENGTH], key_part=value[LOOKUP_LENGTH:])


def lookup_hash(lookup: str) -> str:
    return hashlib.sha256(lookup.encode("ascii")).hexdigest()


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_key(key_part: str, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=HKDF_INFO).derive(
        key_part.encode("ascii")
    )


def encrypt(key: bytes, plaintext: bytes, *, context: str) -> bytes:
    """Version byte, random nonce, then AES-GCM ciphertext bound to `context` (which row it belongs to)."""
    nonce = os.urandom(NONCE_BYTES)
    return FORMAT_VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext, context.encode())


def decrypt(key: bytes, blob: bytes, *, context: str) -> bytes:
    blob = bytes(blob)
    if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != FORMAT_VERSION:
        raise DecryptionError("unknown format")
    nonce, ciphertext = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, context.encode())
    except InvalidTag as error:
        raise DecryptionError("does not open with this key") from error


def encrypt_json(key: bytes, value, *, context: str) -> bytes:
    return encrypt(
        key, json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode(), context=context
    )


def decrypt_json(key: bytes, blob: bytes, *, context: str):
    return json.loads(decrypt(key, blob, context=context).decode())
