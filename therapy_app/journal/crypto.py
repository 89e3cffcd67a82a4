"""Application-level encryption of sensitive fields (AES-256-GCM).

Each value is stored as ``version byte | 12-byte nonce | ciphertext+tag``. The
associated data names the table, column, row id and owner, so a ciphertext moved
to another row or owner fails to decrypt instead of showing someone else's words.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from therapy_app.errors import DecryptionError, TherapyAppError
from therapy_app.fileio import atomic_write_bytes

if TYPE_CHECKING:
    from pathlib import Path

FORMAT_VERSION = b"\x01"
NONCE_BYTES = 12
KEY_BYTES = 32
KEY_CHECK_TEXT = b"therapy_app key check"


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
        # Fingerprints and digests have keys of their own, so none reveals anything about
        # the AES key, and no fingerprint is ever a digest's key.
        self._fingerprint_key = _derive(key, b"therapy_app fingerprints")
        self._digest_root = _derive(key, b"therapy_app digests")

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
                f"Could not decrypt {where.table}.{where.column}: the stored data was altered "
                "or damaged (the key itself was checked at start). Restore it from a backup."
            )
            raise DecryptionError(msg) from None

    def encrypt_text(self, text: str, where: FieldContext) -> bytes:
        return self.encrypt(text.encode("utf-8"), where)

    def decrypt_text(self, blob: bytes, where: FieldContext) -> str:
        return self.decrypt(blob, where).decode("utf-8")

    def fingerprint(self, text: str) -> str:
        """A keyed hash (HMAC-SHA256, hex) to find a row by a value without storing it."""
        return _hmac_sha256(self._fingerprint_key, text.encode("utf-8")).hex()

    def digest(self, purpose: str, data: bytes) -> str:
        """A keyed fingerprint (HMAC-SHA256, hex) under a key for this ``purpose`` alone: to
        find a value without storing it, or to prove a file was written with this key.
        Without the key nobody can compute one, so a stolen database cannot test guesses."""
        key = _hmac_sha256(self._digest_root, purpose.encode("utf-8"))
        return _hmac_sha256(key, data).hex()

    def key_check(self) -> bytes:
        """A known value sealed with this key, kept in the database at first start."""
        return self.encrypt(KEY_CHECK_TEXT, KEY_CHECK_PLACE)

    def opens(self, key_check: bytes) -> bool:
        """Whether ``key_check`` was sealed with this cipher's key."""
        try:
            return self.decrypt(key_check, KEY_CHECK_PLACE) == KEY_CHECK_TEXT
        except DecryptionError:
            return False


KEY_CHECK_PLACE = FieldContext("key_check", "value", "1", "-")


def _derive(key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(key)


def _hmac_sha256(key: bytes, data: bytes) -> bytes:
    mac = hmac.HMAC(key, hashes.SHA256())
    mac.update(data)
    return mac.finalize()


def load_key(key_file: Path, key_b64: str | None) -> bytes | None:
    """The key from the environment if given, else from the key file; None if neither."""
    if key_b64:
        try:
            key = base64.b64decode(key_b64, validate=True)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES:
            msg = "THERAPY_APP_KEY must be the base64 encoding of 32 bytes."
            raise TherapyAppError(msg)
        return key
    if not key_file.exists():
        return None
    if key_file.stat().st_mode & 0o077:
        msg = f"The key file {key_file} is readable by others; run: chmod 600 {key_file}"
        raise TherapyAppError(msg)
    return _decode_key_file(key_file)


def create_key_file(key_file: Path) -> bytes:
    """A new random key, written 0600 (only for a database that holds no journal yet)."""
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
