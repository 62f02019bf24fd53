"""Certificates, daftar hadir, laporan kegiatan and berita acara, read back from the PDFs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from petugaspembina.cli import main
from petugaspembina.demo import generate
from petugaspembina.documents.attendance_sheet import mask_phone, render_attendance_sheet
from petugaspembina.documents.certificates import render_certificates
from petugaspembina.documents.data import session_document
from petugaspembina.documents.office import office_profile, save_office_profile
from petugaspembina.documents.pdfout import OutputError
from petugaspembina.documents.register import issue_for_session, verify_code, void_certificate
from petugaspembina.store.errors import InvalidInput
from petugaspembina.store.queries import list_sessions
from petugaspembina.store.store import Store

from .helpers import complete_office

HOSTILE = [
    "<b>Tebal</b> & <i>Miring</i>",
    "Siti <img src='/etc/passwd'/> Aminah",
    "<font color=red>Merah</font> &amp; &lt;",
    "A" * 60 + " " + "B" * 59,  # 120 characters
    "محمد عبد الله",
    "王小明",
    "Budi 😀 Santoso",
]


def pdf_text(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def cli(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Store, str]:
    store = Store.open(tmp_path / "demo.db")
    generate(store, seed=1, sessions=2)
    complete_office(store)
    session_id = list_sessions(store)[0].id
    yield store, session_id
    store.close()


def add_people(store: Store, session_id: str, names: list[str]) -> None:
    for name in names:
        pid = store.write("people", {"full_name": name, "sex": "L"})
        store.write(
            "attendance",
            {"session_id": session_id, "person_id": pid, "signed_at": "2099-01-01T00:00:00Z"},
        )


def test_certificates_carry_names_numbers_and_indonesian_dates(
    demo: tuple[Store, str], tmp_path: Path
) -> None:
    store, session_id = demo
    doc, items = issue_for_session(store, session_id)
    out = render_certificates(doc, items, tmp_path / "sertifikat.pdf")
    pages = pdf_text(out)
    assert len(pages) == len(doc.attendees) == len(items)
    day = doc.session.date  # e.g. 2026-06-13 → "13 Juni 2026"
    assert day is not None
    months = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ]
    expected_date = f"{int(day[8:])} {months[int(day[5:7]) - 1]} {day[:4]}"
    for page, item in zip(pages, items, strict=True):
        assert item.person.full_name in page
        assert f"Nomor: {item.certificate.number}" in page
        assert expected_date in page and "SERTIFIKAT" in page
    numbers = [i.certificate.number for i in items]
    assert len(set(numbers)) == len(numbers)


def test_hostile_and_long_names_are_printed_literally(
    demo: tuple[Store, str], tmp_path: Path
) -> None:
    store, session_id = demo
    add_people(store, session_id, HOSTILE)
    doc, items = issue_for_session(store, session_id)
    pages = pdf_text(render_certificates(doc, items, tmp_path / "c.pdf"))
    assert len(pages) == len(items)  # every name got its page, none crashed the renderer
    text = "\n".join(pages)
    for name in HOSTILE[:3]:
        assert name in text
    assert "A" * 60 in text and "B" * 59 in text  # wrapped, not cut
    # Arabic glyphs are drawn from DejaVu but not shaped right-to-left (docs/documents.md).
    assert "???" in text  # no CJK glyphs in the shipped font: shown as "?", never a crash
    sheet = "\n".join(
        pdf_text(render_attendance_sheet(session_document(store, session_id), tmp_path / "dh.pdf"))
    )
    squeezed = "".join(sheet.split())  # narrow cells wrap names over lines
    for name in HOSTILE[:3]:
        assert "".join(name.split()) in squeezed


def test_daftar_hadir_repeats_its_header_and_masks_phones(
    demo: tuple[Store, str], tmp_path: Path
) -> None:
    store, session_id = demo
    pid = store.write("people", {"full_name": "Yanti Telepon", "phone": "+6281234567890"})
    store.write(
        "attendance",
        {"session_id": session_id, "person_id": pid, "signed_at": "2099-01-01T00:00:00Z"},
    )
    doc = session_document(store, session_id)
    pages = pdf_text(
        render_attendance_sheet(
            doc,
            tmp_path / "dh.pdf",
            hide_phone=True,
            officer_name="Rahmat Hidayat",
            officer_nip="198609262015051001",
        )
    )
    assert len(pages) >= 2
    assert all("Tanda Tangan" in page and "No. HP" in page for page in pages)
    text = "\n".join(pages)
    assert "DAFTAR HADIR" in text and "Hari/Tanggal" in text
    assert "0812-****-7890" in text and "0812-3456-7890" not in text
    words = " ".join(text.split())  # a long name wraps inside its column
    assert all(a.person.full_name in words for a in doc.attendees)
    assert "NIP 19860926 201505 1 001" in text
    plain = "\n".join(pdf_text(render_attendance_sheet(doc, tmp_path / "p.pdf")))
    assert "0812-3456-7890" in plain
    assert mask_phone("+6281234567890") == "0812-****-7890"


def test_report_and_berita_acara(demo: tuple[Store, str], tmp_path: Path) -> None:
    store, session_id = demo
    doc = session_document(store, session_id)
    db = tmp_path / "demo.db"
    assert cli(db, "report", "--session", session_id, "--out", str(tmp_path / "lap.pdf"))[0] == 0
    text = "\n".join(pdf_text(tmp_path / "lap.pdf"))
    for heading in (
        "LAPORAN KEGIATAN",
        "I. Dasar",
        "II. Maksud dan Tujuan",
        "III. Waktu dan Tempat",
        "IV. Peserta",
        "V. Narasumber",
        "VI. Materi",
        "VII. Hasil Kegiatan",
        "VIII. Saran",
        "IX. Penutup",
    ):
        assert heading in text
    by_sex = doc.by_sex
    assert f"Mengisi daftar hadir\n{by_sex['L']}\n{by_sex['P']}\n{len(doc.attendees)}" in text
    assert (
        cli(
            db,
            "report",
            "--session",
            session_id,
            "--berita-acara",
            "--out",
            str(tmp_path / "ba.pdf"),
        )[0]
        == 0
    )
    ba = "\n".join(pdf_text(tmp_path / "ba.pdf"))
    assert "BERITA ACARA" in ba and "Pada hari ini" in ba and "Demikian Berita Acara" in ba
    from petugaspembina.core.records import Officer
    from petugaspembina.core.validation import format_nip

    officer = store.get(Officer, doc.session.officer_ids[0])
    assert "Mengetahui" in ba and format_nip(officer.nip or "") in ba
    assert officer.name in ba


def test_verification_codes(demo: tuple[Store, str], tmp_path: Path) -> None:
    store, session_id = demo
    _, items = issue_for_session(store, session_id)
    good = items[0].code
    result = verify_code(store, good)
    assert result.valid and result.name == items[0].person.full_name
    other_id = good[:20] + ("A" if good[20] != "A" else "B") + good[21:]
    assert not verify_code(store, other_id).valid
    flipped = good[:100] + ("A" if good[100] != "A" else "B") + good[101:]  # in the signature
    assert "palsu" in verify_code(store, flipped).message
    assert not verify_code(store, good[:-5]).valid
    assert not verify_code(store, "HALO").valid
    code, out, _ = cli(tmp_path / "demo.db", "verify-certificate", good)
    assert code == 0 and "asli" in out
    code, _, err = cli(tmp_path / "demo.db", "verify-certificate", flipped)
    assert code == 1 and "palsu" in err
    void_certificate(store, items[0].certificate.id, "Salah nama")
    assert "dibatalkan" in verify_code(store, good).message and not verify_code(store, good).valid


def test_register_logs_reprints_and_numbers_do_not_collide_across_devices(tmp_path: Path) -> None:
    numbers = set()
    for name in ("a", "b"):
        with Store.open(tmp_path / f"{name}.db") as store:
            generate(store, seed=1, sessions=1)
            complete_office(store)
            session_id = list_sessions(store)[0].id
            _, first = issue_for_session(store, session_id)
            _, again = issue_for_session(store, session_id)
            assert all(i.reprint for i in again) and not any(i.reprint for i in first)
            assert [i.certificate.number for i in again] == [i.certificate.number for i in first]
            kinds = store.rows("SELECT kind, count(*) AS n FROM certificate_events GROUP BY kind")
            assert {r["kind"]: r["n"] for r in kinds} == {
                "issued": len(first),
                "reprinted": len(first),
            }
            numbers |= {i.certificate.number for i in first}
    assert len(numbers) == 2 * len(first)  # same seed, same people: still unique numbers


def test_office_profile_defaults_and_edits(demo: tuple[Store, str], tmp_path: Path) -> None:
    store, session_id = demo
    assert office_profile(store).letterhead[-1].startswith("KANTOR IMIGRASI")
    with pytest.raises(InvalidInput, match="Kalimat sertifikat"):
        save_office_profile(store, {"certificate_body": "Hadir di {tempat} pada {rusak"})
    save_office_profile(store, {"city": "Batulicin", "letterhead": ["KANIM BATULICIN"]})
    assert office_profile(store).city == "Batulicin"
    # A broken template stored before the check (or arriving by bundle) falls back when printed.
    store.write("office_profiles", {"certificate_body": "Hadir {rusak"}, office_profile(store).id)
    doc, items = issue_for_session(store, session_id)
    text = pdf_text(render_certificates(doc, items[:1], tmp_path / "c.pdf"))[0]
    assert "Batulicin" in text and "Telah mengikuti kegiatan" in text


def test_output_faults_leave_nothing_behind(
    demo: tuple[Store, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, session_id = demo
    doc, items = issue_for_session(store, session_id)
    with pytest.raises(OutputError, match="tidak ada"):
        render_certificates(doc, items, tmp_path / "missing" / "c.pdf")
    folder = tmp_path / "out"
    folder.mkdir()

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "locked")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError, match="tutup dulu"):
        render_certificates(doc, items, folder / "c.pdf")
    monkeypatch.undo()
    assert list(folder.iterdir()) == []
    if os.geteuid() != 0:  # root ignores folder permissions
        folder.chmod(0o500)
        with pytest.raises(OutputError):
            render_certificates(doc, items, folder / "c.pdf")
        folder.chmod(0o700)


def test_cli_certificates_and_refusals(demo: tuple[Store, str], tmp_path: Path) -> None:
    _, session_id = demo
    db = tmp_path / "demo.db"
    code, out, _ = cli(
        db, "certificates", "--session", session_id, "--out", str(tmp_path / "s.pdf")
    )
    assert code == 0 and "sertifikat" in out
    code, _, err = cli(
        db, "certificates", "--session", session_id, "--out", str(tmp_path / "s.txt")
    )
    assert code == 1 and ".pdf" in err
    code, _, err = cli(
        db,
        "attendance-sheet",
        "--session",
        "00000000-0000-4000-8000-000000000000",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert code == 1 and "tidak ditemukan" in err
    code, _, err = cli(
        db, "report", "--session", session_id, "--out", str(tmp_path / "nope" / "x.pdf")
    )
    assert code == 1 and "tidak ada" in err


def test_cli_office_profile(demo: tuple[Store, str], tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    code, out, _ = cli(
        db,
        "office-profile",
        "--set",
        "city=Pontianak",
        "--set",
        "letterhead=A|B|KANTOR IMIGRASI KELAS I TPI PONTIANAK",
        "--json",
    )
    profile = json.loads(out)
    assert (
        code == 0
        and profile["city"] == "Pontianak"
        and profile["letterhead"][-1].endswith("PONTIANAK")
    )
    assert cli(db, "office-profile", "--set", "nope=1")[0] == 1


def test_cli_register_and_void(demo: tuple[Store, str], tmp_path: Path) -> None:
    store, session_id = demo
    _, items = issue_for_session(store, session_id)
    issue_for_session(store, session_id)  # a reprint of everything
    db = tmp_path / "demo.db"
    code, out, _ = cli(db, "register", "--json")
    entries = json.loads(out)
    assert code == 0 and len(entries) == len(items) and all(e["reprints"] == 1 for e in entries)
    number = items[0].certificate.number
    assert cli(db, "void-certificate", number, "--reason", "Nama salah ketik")[0] == 0
    code, _, err = cli(db, "verify-certificate", items[0].code)
    assert code == 1 and "dibatalkan" in err
    assert cli(db, "void-certificate", "0000/TIDAK/ADA", "--reason", "x")[0] == 1
    assert cli(db, "void-certificate", number, "--reason", " ")[0] == 1
