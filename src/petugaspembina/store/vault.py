"""The database key: made once, kept only wrapped, unlocked by the officer's password.

A random 256-bit key encrypts the whole database (SQLCipher, raw key: no PBKDF2 of its own), its
WAL and its backups. The key is never stored in clear: the *key file* next to the database
(``<database>.kunci``, mode 0600) holds it twice, wrapped with AES-256-GCM

- under a key derived from the officer's password with Argon2id (memory-hard; parameters in the
  file, see ``KDF``), and
- under the *recovery key*, a random 160-bit code shown once at set-up for the office to keep
  (``K7QX-3M9P-…``, eight groups of Crockford base32: no I, L, O or U to misread); being random
  it needs no slow derivation (HKDF).

Changing the password re-wraps the key; the data are not re-encrypted. The unlocked key lives in
this process only (``unlock`` registers it for the database path; ``db.connect`` takes it from
there, so every connection of the process — workers too — opens with it).

For the lock screen: ``verify_password(database, password) -> bool`` checks a password against
the unlocked key without changing anything (one Argon2id derivation, about 0.1 s).

``PETUGASPEMBINA_PASSWORD`` (``PASSWORD_ENV``) gives the password to scripts and tests
(docs/security.md: it is visible to other programs of the same user; do not use it on a laptop in
daily use).
"""

from __future__ import annotations

import base64
import hmac
import itertools
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.durable import fsync_folder
from .errors import CorruptDatabase, StoreError

PASSWORD_ENV = "PETUGASPEMBINA_PASSWORD"
# Set by the window when it starts a command (the office inbox): the unlocked key follows on the
# child's standard input (hex, one line), so the officer is not asked for the password again.
KEY_ON_STDIN_ENV = "PETUGASPEMBINA_KEY_ON_STDIN"
MIN_PASSWORD_LENGTH = 8
KEY_SUFFIX = ".kunci"
DEMO_PASSWORD = "demo-petugas-pembina"  # documented: the throwaway --demo database only
SQLITE_HEADER = b"SQLite format 3\x00"
_FORMAT = "petugaspembina.key-file"


@dataclass(frozen=True, slots=True)
class Kdf:
    """Argon2id parameters: RFC 9106's second recommended option (t=3, p=4, 64 MiB). The four
    lanes run on threads, so a 2-core field laptop derives in about 0.1 s instead of the 0.14 s of
    one lane (docs/security.md). It is paid at every start and every unlock of the lock screen, on
    4 GB laptops; older key files keep the parameters they were made with (p=1 before)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


KDF = Kdf()  # tests lower it (tests/conftest.py); files record the parameters they were made with


class VaultError(StoreError):
    """The database cannot be unlocked (wrong password, missing or damaged key file)."""


class WrongPassword(VaultError):
    """The password (or recovery key) does not open the key file."""


class PasswordNeeded(VaultError):
    """The database is encrypted (or about to be) and no password was given."""


_keys: dict[Path, bytes] = {}


def key_file(database: Path) -> Path:
    """Where the wrapped key of ``database`` lives."""
    return database.with_name(database.name + KEY_SUFFIX)


def _norm(database: Path | str) -> Path:
    return Path(database).expanduser().resolve()


def is_plain(database: Path) -> bool:
    """True when ``database`` is an unencrypted SQLite file (made before encryption existed)."""
    try:
        with open(database, "rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def is_set_up(database: Path) -> bool:
    """True when ``database`` has a key file (it is, or will be, encrypted)."""
    return key_file(database).exists()


def key_for(database: Path | str) -> bytes | None:
    """The unlocked key of ``database`` in this process, or None."""
    return _keys.get(_norm(database))


def known_keys() -> list[bytes]:
    """Every key unlocked in this process (to open backups and quarantined files)."""
    return list(dict.fromkeys(_keys.values()))


def forget(database: Path | str | None = None) -> None:
    """Drop the unlocked key of ``database`` (all keys when None), e.g. when the app locks."""
    if database is None:
        _keys.clear()
    else:
        _keys.pop(_norm(database), None)


def remember(database: Path | str, key: bytes) -> None:
    """Register ``key`` for ``database`` (a copy made with the same key, e.g. during conversion)."""
    _keys[_norm(database)] = key


def sqlcipher_key(key: bytes) -> str:
    """The ``PRAGMA key`` value of a raw key (SQLCipher skips its own key derivation)."""
    return f"\"x'{key.hex()}'\""


# -- the key file ------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64")
    return base64.b64decode(text, validate=True)


def _password_kek(password: str, salt: bytes, kdf: Kdf) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _recovery_kek(secret: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, None, b"petugaspembina recovery key/1").derive(secret)


def _wrap(kek: bytes, key: bytes, purpose: str) -> dict[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    sealed = AESGCM(kek).encrypt(nonce, key, f"{_FORMAT}/1 {purpose}".encode())
    return {"nonce": _b64(nonce), "sealed": _b64(sealed)}


def _unwrap(kek: bytes, wrapped: Any, purpose: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        nonce, sealed = _unb64(wrapped["nonce"]), _unb64(wrapped["sealed"])
        return AESGCM(kek).decrypt(nonce, sealed, f"{_FORMAT}/1 {purpose}".encode())
    except (InvalidTag, KeyError, TypeError, ValueError):
        return None


def _read_key_file(database: Path) -> dict[str, Any]:
    path = key_file(database)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise VaultError(
            f"Berkas kunci {path.name} tidak ada di samping basis data; basis data terenkripsi "
            "tidak dapat dibuka tanpanya. Kembalikan berkas itu dari cadangan."
        ) from exc
    except (OSError, ValueError) as exc:
        raise VaultError(f"Berkas kunci {path.name} rusak ({exc}).") from exc
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        raise VaultError(f"Berkas kunci {path.name} bukan berkas kunci Petugas Pembina.")
    return data


def _write_key_file(database: Path, data: dict[str, Any]) -> None:
    """Atomically, 0600 from the first byte, fsynced."""
    path = key_file(database)
    partial = path.with_name(path.name + ".baru")
    text = json.dumps(data, indent=1).encode("utf-8")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, text)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(partial, path)
    fsync_folder(path.parent)


def _kdf_of(data: dict[str, Any]) -> tuple[Kdf, bytes]:
    try:
        kdf = data["kdf"]
        if kdf["name"] != "argon2id":
            raise ValueError(kdf["name"])
        params = Kdf(int(kdf["time_cost"]), int(kdf["memory_kib"]), int(kdf["parallelism"]))
        return params, _unb64(kdf["salt"])
    except (KeyError, TypeError, ValueError) as exc:
        raise VaultError(f"Berkas kunci rusak (parameter kata sandi: {exc}).") from exc


def _password_entry(password: str, key: bytes) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    kek = _password_kek(password, salt, KDF)
    return {
        "kdf": {
            "name": "argon2id",
            "time_cost": KDF.time_cost,
            "memory_kib": KDF.memory_kib,
            "parallelism": KDF.parallelism,
            "salt": _b64(salt),
        },
        "password": _wrap(kek, key, "password"),
    }


def password_problem(password: str) -> str | None:
    """Why ``password`` is not acceptable as a new password (Indonesian), or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter."
    if password.strip() != password:
        return "Kata sandi tidak boleh diawali atau diakhiri spasi."
    return None


# -- the recovery key --------------------------------------------------------------------------


# Keys are written in Crockford's base32: digits and capitals without I, L, O and U, so nothing
# on the paper can be read two ways. Typed, O is read as 0 and I or L as 1. Keys made before
# (RFC 4648 base32: A-Z and 2-7, with O, I and L) still open: a typed key is tried both ways and
# the key file tells which is right (only the right secret unwraps the database key).
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_FROM_CROCKFORD = {ch: i for i, ch in enumerate(_CROCKFORD)} | {"O": 0, "I": 1, "L": 1}
_RECOVERY_LENGTH = 32  # 160 bits, five to a character
_OLD_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
# An old key's 1 may have been an I or an L: at most this many 1s are tried both ways.
_OLD_ONES_TRIED = 8


def format_recovery(secret: bytes) -> str:
    """Eight groups of four Crockford base32 characters, e.g. ``K7QX-3M9P-…``."""
    number = int.from_bytes(secret, "big")
    text = "".join(
        _CROCKFORD[(number >> (5 * i)) & 31] for i in reversed(range(len(secret) * 8 // 5))
    )
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def _typed_recovery(code: str) -> str:
    text = "".join(ch for ch in code.upper() if ch.isalnum() and ch.isascii())
    if len(text) != _RECOVERY_LENGTH:
        raise WrongPassword("Kunci pemulihan terdiri atas 32 huruf dan angka (8 kelompok).")
    return text


def recovery_secrets(code: str) -> list[bytes]:
    """Every secret a typed recovery key can stand for, the likeliest first: as a key written
    now (Crockford base32, O read as 0 and I or L as 1), then as one written before (RFC 4648
    base32, 0 read as O, 8 as B, 1 as I or L). Spaces, dashes and case are ignored; a text that
    is neither is refused with a message."""
    text = _typed_recovery(code)
    found: list[bytes] = []
    if all(ch in _FROM_CROCKFORD for ch in text):
        number = 0
        for ch in text:
            number = number << 5 | _FROM_CROCKFORD[ch]
        found.append(number.to_bytes(_RECOVERY_LENGTH * 5 // 8, "big"))
    old = text.translate(str.maketrans("08", "OB"))
    ones = [i for i, ch in enumerate(old) if ch == "1"][:_OLD_ONES_TRIED]
    for choice in itertools.product("IL", repeat=len(ones)):
        letters = list(old)
        for index, letter in zip(ones, choice, strict=True):
            letters[index] = letter
        candidate = "".join(letters).replace("1", "I")
        if set(candidate) <= _OLD_ALPHABET:
            secret = base64.b32decode(candidate)
            if secret not in found:
                found.append(secret)
    if not found:
        raise WrongPassword("Kunci pemulihan tidak sah.")
    return found


def parse_recovery(code: str) -> bytes:
    """The likeliest secret of a typed recovery key (``recovery_secrets``); refused with a
    message when the text cannot be a recovery key."""
    return recovery_secrets(code)[0]


# -- set-up, unlocking, changing ---------------------------------------------------------------


def set_up(database: Path, password: str) -> str:
    """Make the key of a new (or about to be converted) database; return the recovery key to show
    once. Refused when a key file already exists (a second key would lock out the first)."""
    problem = password_problem(password)
    if problem:
        raise VaultError(problem)
    if key_file(database).exists():
        raise VaultError(f"Basis data {database.name} sudah punya kata sandi.")
    database.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    recovery = secrets.token_bytes(20)
    _write_key_file(
        database,
        {
            "format": _FORMAT,
            "format_version": 1,
            "cipher": "sqlcipher4-raw-key",
            **_password_entry(password, key),
            "recovery": _wrap(_recovery_kek(recovery), key, "recovery"),
        },
    )
    remember(database, key)
    return format_recovery(recovery)


def _key_from_password(database: Path, password: str) -> bytes:
    data = _read_key_file(database)
    kdf, salt = _kdf_of(data)
    key = _unwrap(_password_kek(password, salt, kdf), data.get("password"), "password")
    if key is None:
        raise WrongPassword("Kata sandi salah.")
    return key


def _key_from_recovery(database: Path, code: str) -> bytes:
    data = _read_key_file(database)
    wrapped = data.get("recovery")
    key = next(
        (
            key
            for secret in recovery_secrets(code)
            if (key := _unwrap(_recovery_kek(secret), wrapped, "recovery")) is not None
        ),
        None,
    )
    if key is None:
        raise WrongPassword("Kunci pemulihan salah.")
    return key


def unlock(database: Path, password: str) -> None:
    """Unlock ``database`` for this process. Raises WrongPassword; reads and writes nothing else."""
    remember(database, _key_from_password(database, password))


def unlock_with_recovery(database: Path, code: str) -> None:
    """Unlock with the office's recovery key (then choose a new password: ``change_password``)."""
    remember(database, _key_from_recovery(database, code))


def verify_password(database: Path, password: str) -> bool:
    """Whether ``password`` opens ``database``'s key file (for the lock screen; about 0.1 s).

    Changes nothing and registers nothing; False for a wrong password or an unreadable key file.
    When the database is unlocked, the key found must also be the one in use.
    """
    try:
        key = _key_from_password(database, password)
    except VaultError:
        return False
    current = key_for(database)
    return current is None or hmac.compare_digest(current, key)


def change_password(
    database: Path,
    new_password: str,
    *,
    old_password: str | None = None,
    recovery: str | None = None,
) -> None:
    """Re-wrap the key under ``new_password`` (proving the old password or the recovery key).

    The recovery key stays the same; the data are not touched.
    """
    problem = password_problem(new_password)
    if problem:
        raise VaultError(problem)
    if recovery is not None:
        key = _key_from_recovery(database, recovery)
    elif old_password is not None:
        key = _key_from_password(database, old_password)
    else:
        raise PasswordNeeded("Kata sandi lama atau kunci pemulihan diperlukan.")
    data = _read_key_file(database)
    data.update(_password_entry(new_password, key))
    _write_key_file(database, data)
    remember(database, key)


def password_from_env() -> str | None:
    """``PETUGASPEMBINA_PASSWORD`` when set and not empty (scripts and tests)."""
    return os.environ.get(PASSWORD_ENV) or None


def _is_new_or_plain(database: Path) -> bool:
    try:
        return database.stat().st_size == 0 or is_plain(database)
    except FileNotFoundError:
        return True


def ensure_unlocked(database: Path) -> bytes:
    """The key of ``database``: already unlocked, or from ``PETUGASPEMBINA_PASSWORD`` (which also
    sets up a new database). Raises PasswordNeeded when neither gives one."""
    key = key_for(database)
    if key is not None:
        return key
    if not is_set_up(database) and not _is_new_or_plain(database):
        raise CorruptDatabase(
            f"Berkas {database.name} rusak atau bukan basis data Petugas Pembina, atau basis "
            f"data terenkripsi yang berkas kuncinya ({key_file(database).name}) hilang."
        )
    password = password_from_env()
    if password is None:
        raise PasswordNeeded(
            "Kata sandi basis data diperlukan (ketik saat diminta, atau untuk skrip: "
            f"variabel lingkungan {PASSWORD_ENV})."
        )
    if is_set_up(database):
        unlock(database, password)
    else:
        set_up(database, password)
    found = key_for(database)
    assert found is not None
    return found
