import os
import stat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from therapy_app.errors import DecryptionError, TherapyAppError
from therapy_app.journal.crypto import FieldCipher, FieldContext, create_key_file, load_key

WHERE = FieldContext("entries", "note", "row-1", "owner-1")


@given(st.binary(max_size=2048))
def test_round_trip(plaintext: bytes) -> None:
    cipher = FieldCipher(b"a" * 32)
    assert cipher.decrypt(cipher.encrypt(plaintext, WHERE), WHERE) == plaintext


def test_ciphertext_bound_to_row_and_owner() -> None:
    cipher = FieldCipher(b"a" * 32)
    blob = cipher.encrypt_text("secret", WHERE)
    for other in (
        FieldContext("entries", "note", "row-2", "owner-1"),
        FieldContext("entries", "note", "row-1", "owner-2"),
        FieldContext("artworks", "note", "row-1", "owner-1"),
    ):
        with pytest.raises(DecryptionError, match="altered or damaged"):
            cipher.decrypt(blob, other)


def test_wrong_key_and_tampering_give_clear_errors() -> None:
    blob = FieldCipher(b"a" * 32).encrypt_text("secret", WHERE)
    with pytest.raises(DecryptionError, match="Restore it from a backup"):
        FieldCipher(b"b" * 32).decrypt(blob, WHERE)
    tampered = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(DecryptionError):
        FieldCipher(b"a" * 32).decrypt(tampered, WHERE)
    with pytest.raises(DecryptionError, match="not in a format"):
        FieldCipher(b"a" * 32).decrypt(b"\x02garbage", WHERE)


def test_key_file_created_owner_only_and_reused(tmp_path) -> None:
    key_file = tmp_path / "home" / "journal.key"
    assert load_key(key_file, None) is None
    key = create_key_file(key_file)
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert load_key(key_file, None) == key


def test_key_file_readable_by_others_is_refused(tmp_path) -> None:
    key_file = tmp_path / "journal.key"
    create_key_file(key_file)
    key_file.chmod(0o644)
    with pytest.raises(TherapyAppError, match="chmod 600"):
        load_key(key_file, None)


def test_bad_env_key_is_refused(tmp_path) -> None:
    with pytest.raises(TherapyAppError, match="base64 encoding of 32 bytes"):
        load_key(tmp_path / "k", "not-a-key")


def test_key_check_opens_only_with_its_key() -> None:
    check = FieldCipher(b"a" * 32).key_check()
    assert FieldCipher(b"a" * 32).opens(check)
    assert not FieldCipher(b"b" * 32).opens(check)
