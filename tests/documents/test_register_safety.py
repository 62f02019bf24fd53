"""Nothing happens unless it succeeds: a failing document command leaves the register (numbers,
reprint logs, the berita acara counter) exactly as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petugaspembina.documents import pdfout
from petugaspembina.documents.register import issue_for_session
from petugaspembina.store.store import Store

from .helpers import cli, complete_office, new_session, sign_in


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "r.db"
    with Store.open(path) as store:
        complete_office(store)
        session_id = new_session(store)
        for name in ("Siti Aminah", "Rudi Hartono", "Wulan Pohan"):
            sign_in(store, session_id, name)
        issue_for_session(store, session_id)  # the register already has three certificates
    return path, session_id


def _state(path: Path) -> tuple[str, list[dict[str, object]]]:
    register = cli(path, "register", "--json")[1]
    with Store.open(path) as store:
        meta = store.rows(
            "SELECT key, value FROM meta WHERE key LIKE '%seq%' OR key LIKE 'berita_acara:%' "
            "ORDER BY key"
        )
    return register, meta


def _every_command(session_id: str, out: Path) -> list[list[str]]:
    return [
        ["certificates", "--session", session_id, "--out", str(out)],
        ["attendance-sheet", "--session", session_id, "--out", str(out)],
        ["report", "--session", session_id, "--out", str(out)],
        ["report", "--berita-acara", "--session", session_id, "--out", str(out)],
    ]


def _assert_refused_without_change(
    path: Path, session_id: str, out: Path, reason: str, exit_code: int = 1
) -> None:
    before = _state(path)
    for args in _every_command(session_id, out):
        code, _, err = cli(path, *args)
        assert code == exit_code and reason in err, (args, err)
        assert _state(path) == before, args
    assert not out.is_file()


def test_out_not_pdf_changes_nothing(db: tuple[Path, str], tmp_path: Path) -> None:
    _assert_refused_without_change(*db, tmp_path / "s.txt", ".pdf")


def test_out_in_missing_folder_changes_nothing(db: tuple[Path, str], tmp_path: Path) -> None:
    _assert_refused_without_change(*db, tmp_path / "tidak-ada" / "s.pdf", "tidak ada")


def test_out_in_read_only_folder_changes_nothing(
    db: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "baca-saja"
    folder.mkdir()
    folder.chmod(0o500)
    real_access = os.access

    def access(path: object, mode: int) -> bool:  # root ignores modes: ask as a normal user would
        if Path(str(path)) == folder and mode & os.W_OK:
            return False
        return real_access(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(pdfout.os, "access", access)
    try:
        _assert_refused_without_change(*db, folder / "s.pdf", "tidak dapat ditulisi")
    finally:
        folder.chmod(0o700)


def test_out_is_a_folder_changes_nothing(db: tuple[Path, str], tmp_path: Path) -> None:
    folder = tmp_path / "x.pdf"
    folder.mkdir()
    _assert_refused_without_change(*db, folder, "adalah folder", exit_code=2)  # click: usage
    folder.rmdir()


def test_failure_at_rename_rolls_the_register_back(
    db: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "locked")

    monkeypatch.setattr(pdfout.os, "replace", locked)
    _assert_refused_without_change(*db, tmp_path / "ok.pdf", "tutup dulu")
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == []


def test_voided_certificate_is_not_renumbered_by_a_failed_command(
    db: tuple[Path, str], tmp_path: Path
) -> None:
    path, session_id = db
    register = cli(path, "register", "--json")[1]
    import json

    number = json.loads(register)[0]["number"]
    assert cli(path, "void-certificate", number, "--reason", "Nama salah ketik")[0] == 0
    _assert_refused_without_change(path, session_id, tmp_path / "s.txt", ".pdf")
    _assert_refused_without_change(path, session_id, tmp_path / "nope" / "s.pdf", "tidak ada")
    entries = json.loads(cli(path, "register", "--json")[1])
    assert len(entries) == 3 and sum(e["status"] == "void" for e in entries) == 1


def test_success_after_refusals_numbers_and_logs_once(db: tuple[Path, str], tmp_path: Path) -> None:
    import json

    path, session_id = db
    cli(path, "certificates", "--session", session_id, "--out", str(tmp_path / "s.txt"))
    code, out, _ = cli(
        path, "certificates", "--session", session_id, "--out", str(tmp_path / "s.pdf")
    )
    assert code == 0 and "3 sertifikat (3 cetak ulang)" in out
    assert all(e["reprints"] == 1 for e in json.loads(cli(path, "register", "--json")[1]))


def test_register_listing_uses_indonesian_labels(db: tuple[Path, str]) -> None:
    import json

    path, _ = db
    number = json.loads(cli(path, "register", "--json")[1])[0]["number"]
    cli(path, "void-certificate", number, "--reason", "Salah")
    code, out, _ = cli(path, "register")
    assert code == 0 and "Terbit" in out and "Dibatalkan" in out
    assert " issued" not in out and " void" not in out
    code, out, _ = cli(path, "register", "--search", "Wulan")
    assert code == 0 and "Wulan Pohan" in out and "Siti Aminah" not in out


def test_cancelled_while_drawing_rolls_the_register_back(tmp_path: Path) -> None:
    from petugaspembina.documents.produce import make_certificates
    from petugaspembina.documents.register import list_register

    class Stop(Exception):
        pass

    def cancel_after_two(done: int, total: int) -> None:
        if done == 2:
            raise Stop

    with Store.open(tmp_path / "c.db") as store:
        complete_office(store)
        session_id = new_session(store)
        for name in ("Siti Aminah", "Rudi Hartono", "Wulan Pohan"):
            sign_in(store, session_id, name)
        with pytest.raises(Stop):
            make_certificates(store, session_id, tmp_path / "c.pdf", progress=cancel_after_two)
        assert list_register(store) == [] and store.meta("certificate_seq") is None
    assert not (tmp_path / "c.pdf").exists()


def test_readme_example_exactly(tmp_path: Path) -> None:
    """README: init with the Bengkulu office, then demo-data --seed 3 --sessions 20."""
    import json

    db = tmp_path / "readme.db"
    code, _, err = cli(
        db,
        "init",
        "--officer",
        "Rahmat Hidayat",
        "--nip",
        "19860926 201505 1 001",
        "--office",
        "Kantor Imigrasi Kelas I TPI Bengkulu",
    )
    assert code == 0, err
    assert cli(db, "demo-data", "--seed", "3", "--sessions", "20")[0] == 0
    officers = json.loads(cli(db, "dump", "--json")[1])["officers"]
    assert len(officers) == 1
    sessions = json.loads(cli(db, "sessions", "--json")[1])
    out = tmp_path / "ba.pdf"
    code, _, err = cli(
        db, "report", "--berita-acara", "--session", sessions[0]["id"], "--out", str(out)
    )
    assert code == 0, err
    from .helpers import pdf_pages

    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "KANTOR IMIGRASI KELAS I TPI BENGKULU" in text and "Rahmat Hidayat" in text
    assert "Kepala Kantor Imigrasi Kelas I TPI Bengkulu" in text
