"""Shared fixtures: every test gets its own PETUGASPEMBINA_HOME; GUI tests are marked automatically."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from petugaspembina.store import vault
from petugaspembina.store.store import Store

# Every test's databases are encrypted with this password, given through the environment as
# scripts do (module-scoped fixtures and subprocesses too), with a cheap Argon2id so that hundreds
# of new databases stay fast (each key file records the parameters it was made with).
TEST_PASSWORD = "sandi-uji-coba"
os.environ[vault.PASSWORD_ENV] = TEST_PASSWORD
vault.KDF = vault.Kdf(time_cost=1, memory_kib=64, parallelism=1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if f"{os.sep}tests{os.sep}gui{os.sep}" in str(item.path):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private app home (data and Qt settings) so no test touches the real user folders."""
    folder = tmp_path / "home"
    monkeypatch.setenv("PETUGASPEMBINA_HOME", str(folder))
    from petugaspembina.gui.launch import use_settings_folder
    from petugaspembina.paths import app_paths

    use_settings_folder(app_paths(folder))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store.open(db_path)
    yield opened
    opened.close()


@pytest.fixture
def complete_office() -> Callable[[Store], None]:
    """Fills a store's office profile: certificates then get register numbers (while the profile
    is a draft they are only previews)."""
    from petugaspembina.documents.office import save_office_profile

    def fill(store: Store) -> None:
        save_office_profile(
            store,
            {
                "letterhead": ["KANTOR IMIGRASI KELAS I TPI BENGKULU"],
                "address": "Jl. Jenderal Sudirman No. 12, Bengkulu 38227",
                "city": "Bengkulu",
                "signatory_name": "Hendra Wijaya",
                "signatory_nip": "197503152000031002",
                "signatory_position": "Kepala Kantor Imigrasi Kelas I TPI Bengkulu",
            },
        )

    return fill


@pytest.fixture(autouse=True)
def password() -> Iterator[str]:
    """The password of every test's databases; keys unlocked during a test are forgotten after."""
    yield TEST_PASSWORD
    vault.forget()


PLAIN_NAME = "Sulastri Wijayakusuma"


@pytest.fixture
def plain_database() -> Callable[..., Path]:
    """Makes what an older version left: a demo database, unencrypted, with ``PLAIN_NAME`` in it."""
    from petugaspembina.demo import generate
    from petugaspembina.store.db import open_file

    def make(folder: Path, name: str = "lama.sqlite3", sessions: int = 6) -> Path:
        with Store.open(folder / f"sumber-{name}") as store:
            generate(store, seed=3, sessions=sessions)
            store.write("people", {"full_name": PLAIN_NAME, "nik": "3171065512890007"})
            key = vault.key_for(folder / f"sumber-{name}")
            target = folder / name
            conn = open_file(folder / f"sumber-{name}", key, autocommit=True)
            conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
            conn.execute("SELECT sqlcipher_export('plain')")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute(f"PRAGMA plain.user_version = {version}")
            conn.execute("DETACH DATABASE plain")
            conn.close()
        assert vault.is_plain(target) and PLAIN_NAME.encode() in target.read_bytes()
        return target

    return make


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """GUI tests collect garbage as the window does (gui/gui_thread_gc.py): on the GUI thread
    only, so a worker thread started by a test never frees an earlier test's widget."""
    if request.node.get_closest_marker("gui") is None:
        yield
        return
    import gc

    import shiboken6

    from petugaspembina.gui.gui_thread_gc import GuiThreadCollector

    request.getfixturevalue("qapp")
    was_enabled = gc.isenabled()
    collector = GuiThreadCollector()
    yield
    collector.collect_due()
    shiboken6.delete(collector)
    if was_enabled:
        gc.enable()
