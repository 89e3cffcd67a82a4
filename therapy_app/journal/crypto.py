"""Application-level encryption of sensitive fields (AES-256-GCM).

Each value is stored as ``version byte | 12-byte nonce | ciphertext+tag``. The
associated data names the table, column, row id and owner, so a ciphertext moved
to another row or owner fails to decrypt instead of showing someone else's words.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from therapy_app.errors import DecryptionError, TherapyAppError
from therapy_app.fileio import atomic_write_bytes

if TYPE_CHECKING:
    from pathlib import Path

FORMAT_VERSION = b"\x01"
NONCE_BYTES = 12
KEY_BYTES = 32


@dataclass(frozen=True)
class FieldContext:
    """Where a ciphertext belongs; it is bound to exactly this place."""

    table: str
    column: str
    row_id: str
    owner_id: str

    def associated_data(self) -> bytes:
        return f"therapy_app|{self.table}|{self.column}|{self.row_id}|{self.owner_id}".encode()


class FieldCipher:
    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            msg = f"The encryption key must be {KEY_BYTES} bytes, got {len(key)}."
            raise TherapyAppError(msg)
        self._aead = AESGCM(key)
        # Digests get keys of their own, so no digest reveals anything about the AES key.
        self._digest_root = hmac.new(key, b"therapy_app|digest|1", hashlib.sha256).digest()

    def digest(self, purpose: str, data: bytes) -> str:
        """A keyed fingerprint (HMAC-SHA256, hex) under a key for this ``purpose`` alone: to
        find a value without storing it, or to prove a file was written with this key.
        Without the key nobody can compute one, so a stolen database cannot test guesses."""
        key = hmac.new(self._digest_root, purpose.encode("utf-8"), hashlib.sha256).digest()
        return hmac.new(key, data, hashlib.sha256).hexdigest()

    def encrypt(self, plaintext: bytes, where: FieldContext) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext, where.associated_data())
        return FORMAT_VERSION + nonce + sealed

    def decrypt(self, blob: bytes, where: FieldContext) -> bytes:
        if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != FORMAT_VERSION:
            msg = f"Stored {where.table}.{where.column} is not in a format this app wrote."
            raise DecryptionError(msg)
        nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, body, where.associated_data())
        except InvalidTag:
            msg = (
                f"Could not decrypt {where.table}.{where.column}: the key does not match this "
                "database, or the stored data was altered. Check THERAPY_APP_KEY / the key file "
                "and restore the key that was used when the data was written."
            )
            raise DecryptionError(msg) from None

    def encrypt_text(self, text: str, where: FieldContext) -> bytes:
        return self.encrypt(text.encode("utf-8"), where)

    def decrypt_text(self, blob: bytes, where: FieldContext) -> str:
        return self.decrypt(blob, where).decode("utf-8")


def load_or_create_key(key_file: Path, key_b64: str | None) -> bytes:
    """The key from the environment if given, else from the key file (made 0600 if absent)."""
    if key_b64:
        try:
            key = base64.b64decode(key_b64, validate=True)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES:
            msg = "THERAPY_APP_KEY must be the base64 encoding of 32 bytes."
            raise TherapyAppError(msg)
        return key
    if key_file.exists():
        if key_file.stat().st_mode & 0o077:
            msg = f"The key file {key_file} is readable by others; run: chmod 600 {key_file}"
            raise TherapyAppError(msg)
        return _decode_key_file(key_file)
    key = AESGCM.generate_key(bit_length=KEY_BYTES * 8)
    atomic_write_bytes(key_file, base64.b64encode(key) + b"\n", mode=0o600)
    return key


def _decode_key_file(key_file: Path) -> bytes:
    try:
        key = base64.b64decode(key_file.read_bytes().strip(), validate=True)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        msg = f"The key file {key_file} is damaged; restore it from your key backup."
        raise TherapyAppError(msg)
    return key
