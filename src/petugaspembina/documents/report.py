"""The laporan kegiatan and the berita acara of a session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from babel.dates import format_date
from lokal.terbilang import terbilang
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..core.enums import ParticipantCategory, SessionType, Topic
from ..core.labels import label_of
from ..core.records import OfficeProfile, Officer, Session
from ..core.validation import format_nip
from ..store.store import Store
from .annex import annex_photos, annex_story, binary_image_streams
from .certificates import place_text
from .data import SessionDocument
from .indonesian import hari, hari_tanggal, office_title, parse_iso, tanggal
from .layout import (
    BODY,
    BODY_LEFT,
    CELL,
    CELL_BOLD,
    CENTER,
    HEADING,
    TITLE,
    build_pdf,
    esc,
    letterhead,
    para,
    rich,
    signature_block,
)
from .office import DEFAULT_PATTERN, NIP_PLACEHOLDER
from .pdfout import write_pdf
from .register import berita_acara_number

MARGIN = 20 * mm
NO_CATEGORY = "Kategori tidak diisi"
WIDTH = A4[0] - 2 * MARGIN
PAGE_HEIGHT = A4[1] - 2 * MARGIN
KEPT_SECTION_HEIGHT = 60 * mm  # a section up to this tall moves with the closing section

PURPOSE = {
    SessionType.PEMBENTUKAN: "membentuk Desa Binaan Imigrasi dan menunjuk Petugas Imigrasi "
    "Pembina Desa (PIMPASA)",
    SessionType.SOSIALISASI: "memberikan pemahaman kepada masyarakat tentang prosedur resmi "
    "bekerja ke luar negeri serta bahaya TPPO dan PMI non-prosedural",
    SessionType.RAPAT_TIMPORA: "mengoordinasikan pengawasan orang asing bersama Tim Pengawasan "
    "Orang Asing (Timpora)",
    SessionType.KUNJUNGAN: "memantau perkembangan desa binaan dan menerima laporan masyarakat",
}


def _counts_table(data: SessionDocument) -> Table:
    session = data.session
    by_sex = data.by_sex
    rows = [
        [
            para("Uraian", CELL_BOLD),
            para("Laki-laki", CELL_BOLD),
            para("Perempuan", CELL_BOLD),
            para("Jumlah", CELL_BOLD),
        ]
    ]
    signed = (by_sex.get("L", 0), by_sex.get("P", 0))
    unsigned = (session.headcount_male or 0, session.headcount_female or 0)
    for label, (male, female) in (
        ("Mengisi daftar hadir", signed),
        ("Hadir tanpa mengisi daftar hadir", unsigned),
        ("Jumlah", (signed[0] + unsigned[0], signed[1] + unsigned[1])),
    ):
        rows.append(
            [
                para(label, CELL),
                para(str(male), CELL),
                para(str(female), CELL),
                para(str(male + female), CELL),
            ]
        )
    table = Table(rows, colWidths=[WIDTH - 75 * mm, 25 * mm, 25 * mm, 25 * mm])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf5")),
            ]
        )
    )
    return table


def _category_table(data: SessionDocument) -> Table:
    rows = [[para("Kategori peserta", CELL_BOLD), para("Jumlah", CELL_BOLD)]]
    for code, count in sorted(data.by_category.items(), key=lambda kv: (-kv[1], kv[0])):
        label = label_of(ParticipantCategory, code) or NO_CATEGORY
        rows.append([para(label, CELL), para(str(count), CELL)])
    table = Table(rows, colWidths=[WIDTH - 25 * mm, 25 * mm])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    return table


def _numbered(items: list[str]) -> list[Flowable]:
    return [para(f"{i}. {text}") for i, text in enumerate(items, start=1)] or [para("-")]


def empty_report_parts(session: Session) -> list[str]:
    """The sections of the laporan kegiatan that would print only "-" (asked about before
    printing, docs/documents.md)."""
    empty = []
    if not session.speakers:
        empty.append("V. Narasumber")
    if not [t for t in session.topics if t in Topic.codes()]:
        empty.append("VI. Materi")
    if not (session.notes or "").strip():
        empty.append("VII. Hasil Kegiatan")
    if not (session.follow_ups or "").strip():
        empty.append("VIII. Saran dan Tindak Lanjut")
    return empty


def render_report(store: Store, data: SessionDocument, target: Path) -> Path:
    """Write the laporan kegiatan: dasar, maksud dan tujuan, waktu dan tempat, peserta,
    narasumber, materi, hasil, saran, penutup; then "Lampiran: Dokumentasi" when the session
    has photos."""
    session, office = data.session, data.office
    day = parse_iso(session.date)
    kind = SessionType(session.session_type)
    story: list[Flowable] = [
        *letterhead(office, WIDTH),
        para("LAPORAN KEGIATAN", TITLE),
        para(session.title, TITLE),
        Spacer(1, 6 * mm),
    ]
    basis = [f"Program Desa Binaan Imigrasi pada {office_title((office.letterhead or [''])[-1])}."]
    if session.letter_number:
        basis.append(f"Surat Tugas Nomor {session.letter_number}.")
    topic_labels = [Topic(t).label for t in session.topics if t in Topic.codes()]
    time_text = " – ".join(t for t in (session.start_time, session.end_time) if t)
    sections: list[tuple[str, list[Flowable]]] = [
        ("I. Dasar", _numbered(basis)),
        (
            "II. Maksud dan Tujuan",
            [para(f"Kegiatan {kind.label.lower()} ini bertujuan {PURPOSE[kind]}.")],
        ),
        (
            "III. Waktu dan Tempat",
            [
                rich(
                    f"Hari/Tanggal: {esc(hari_tanggal(day) if day else '-')}<br/>"
                    f"Waktu: {esc(time_text or '-')} {esc(session.time_zone)}<br/>"
                    f"Tempat: {esc(session.venue or '-')}, {esc(session.village_name or '')}"
                    f"{', ' + esc(session.region_path) if session.region_path else ''}"
                )
            ],
        ),
        ("IV. Peserta", [_counts_table(data), Spacer(1, 3 * mm), _category_table(data)]),
        (
            "V. Narasumber",
            _numbered(
                [
                    " — ".join(p for p in (s.get("name"), s.get("position"), s.get("agency")) if p)
                    for s in session.speakers
                ]
            ),
        ),
        ("VI. Materi", _numbered(topic_labels)),
        ("VII. Hasil Kegiatan", [para(session.notes or "-")]),
        ("VIII. Saran dan Tindak Lanjut", [para(session.follow_ups or "-")]),
        (
            "IX. Penutup",
            [para("Demikian laporan ini dibuat untuk dipergunakan sebagaimana mestinya.")],
        ),
    ]
    if session.partner_agencies:
        sections[3][1].append(para("Instansi mitra: " + ", ".join(session.partner_agencies)))
    *leading, (last_heading, last_body) = sections
    # The section before the closing goes with it when it is short (the usual "-" or a few
    # lines): a page never holds only "IX. Penutup" and the signature.
    kept: list[Flowable] = []
    before = [para(leading[-1][0], HEADING), *leading[-1][1]]
    if sum(f.wrap(WIDTH, PAGE_HEIGHT)[1] for f in before) <= KEPT_SECTION_HEIGHT:
        leading, kept = leading[:-1], before
    for heading, body in leading:
        story.append(para(heading, HEADING))
        story.extend(body)
    officers = data.officers
    signer = officers[0] if officers else None
    place = f"{office.city or ''}, {tanggal(day) if day else ''}"
    block = signature_block(
        place,
        "Petugas Imigrasi Pembina Desa",
        signer.name if signer else "(.................................)",
        signer.nip if signer else None,
    )
    story.append(  # the closing section and the signature never part (no signature page alone)
        KeepTogether(
            [
                *kept,
                para(last_heading, HEADING),
                *last_body,
                Spacer(1, 8 * mm),
                Table([["", block]], colWidths=[WIDTH - 70 * mm, 70 * mm]),
            ]
        )
    )
    story.extend(annex_story(store, data, WIDTH))
    with binary_image_streams():
        return write_pdf(
            target,
            lambda path: build_pdf(
                path, story, f"Laporan — {session.title}", MARGIN, draft=data.draft
            ),
        )


def _signatures(officers: list[Officer], office: OfficeProfile, place_date: str) -> Table:
    """ "Yang membuat" (the officers, side by side) above "Mengetahui" (the head of office)."""
    half = WIDTH / 2
    role = "Petugas Imigrasi Pembina Desa"
    makers = [
        signature_block("", role, officer.name, officer.nip, width=half - 6 * mm)
        for officer in officers
    ] or [
        signature_block("", role, "(.................................)", None, width=half - 6 * mm)
    ]
    rows: list[list[Flowable | str]] = [[para(f"{place_date}\nYang membuat,", CELL), ""]]
    rows += [
        [makers[i], makers[i + 1] if i + 1 < len(makers) else ""] for i in range(0, len(makers), 2)
    ]
    position = " ".join(p for p in (office.signatory_prefix, office.signatory_position) if p)
    head = signature_block(
        "Mengetahui,",
        position,
        office.signatory_name or "",
        office.signatory_nip,
        office.signature_png,
        width=half + 10 * mm,
        no_nip=NIP_PLACEHOLDER,
    )
    head_row = Table(
        [["", head, ""]], colWidths=[(half - 10 * mm) / 2, half + 10 * mm, (half - 10 * mm) / 2]
    )
    rows.append([head_row, ""])
    table = Table(rows, colWidths=[half, half])
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 1 * mm),
            ]
        )
    )
    return table


def render_berita_acara(
    store: Store, data: SessionDocument, target: Path, today: date | None = None
) -> Path:
    """Write the berita acara of the session: its own number from the register's pattern, the
    officers as parties, their signatures and the head of office's ("Mengetahui").

    The number is given in the same transaction as the file's rename: a failed write keeps none.
    """
    session, office = data.session, data.office
    day = parse_iso(session.date)
    with store.transaction():
        number = berita_acara_number(
            store,
            session.id,
            office.numbering_pattern or DEFAULT_PATTERN,
            today,
            draft=data.draft,
        )
        story = _berita_acara_story(store, data, number)
        place_date = f"{office.city or ''}, {tanggal(day) if day else ''}"
        story.append(KeepTogether(_signatures(data.officers, office, place_date)))
        title = f"Berita Acara — {session.title}"
        return write_pdf(
            target, lambda path: build_pdf(path, story, title, MARGIN, draft=data.draft)
        )


def _berita_acara_story(store: Store, data: SessionDocument, number: str) -> list[Flowable]:
    session, office = data.session, data.office
    day = parse_iso(session.date)
    story: list[Flowable] = [
        *letterhead(office, WIDTH),
        para("BERITA ACARA", TITLE),
        para(f"Nomor: {number}", CENTER),
        Spacer(1, 6 * mm),
    ]
    officers = data.officers
    kantor = office_title((office.letterhead or ["Kantor Imigrasi"])[-1])
    by = " oleh:" if officers else f" oleh petugas {kantor}."
    basis = (
        f" berdasarkan Surat Tugas Nomor {session.letter_number}" if session.letter_number else ""
    )
    place = place_text(session)
    if day:
        opening = (
            f"Pada hari ini {hari(day)} tanggal {terbilang(day.day)} bulan "
            f"{format_date(day, 'MMMM', locale='id')} tahun {terbilang(day.year)} "
            f"({day:%d-%m-%Y}), bertempat di {place}, "
            f"telah dilaksanakan kegiatan {session.title or ''}{basis}{by}"
        )
    else:
        opening = f"Telah dilaksanakan kegiatan {session.title or ''}{basis}{by}"
    story.append(
        para(opening, BODY_LEFT)
    )  # left-aligned: a long letter number never stretches a line
    for index, officer in enumerate(officers, start=1):
        rows = [  # a field never filled is left out, not printed as "-"
            (label, value)
            for label, value in (
                ("Nama", officer.name),
                ("NIP", format_nip(officer.nip or "")),
                ("Pangkat/Golongan", officer.rank),
                ("Jabatan", officer.position),
            )
            if value
        ]
        table = Table(
            [
                [
                    para(f"{index}." if i == 0 else "", BODY),
                    para(k, BODY),
                    para(":", BODY),
                    para(v, BODY),
                ]
                for i, (k, v) in enumerate(rows)
            ],
            colWidths=[10 * mm, 38 * mm, 6 * mm, WIDTH - 54 * mm],
        )
        table.setStyle(
            TableStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        story.extend([Spacer(1, 2 * mm), table])
    by_sex = data.by_sex
    story.append(Spacer(1, 3 * mm))
    story.append(
        para(
            f"Kegiatan diikuti oleh {len(data.attendees)} peserta yang mengisi daftar hadir "
            f"({by_sex.get('L', 0)} laki-laki, {by_sex.get('P', 0)} perempuan)"
            + (f" di Desa/Kelurahan {session.village_name}" if session.village_name else "")
            + "."
            + (
                f" Selain itu hadir {unsigned} orang yang tidak mengisi daftar hadir."
                if (unsigned := (session.headcount_male or 0) + (session.headcount_female or 0))
                else ""
            )
        )
    )
    photos = len(annex_photos(store, session.id))
    if photos:
        story.append(Spacer(1, 3 * mm))
        story.append(
            para(
                f"Dokumentasi kegiatan ({photos} foto) terlampir pada Lampiran: Dokumentasi "
                "Laporan Kegiatan."
            )
        )
    story.append(Spacer(1, 3 * mm))
    story.append(
        para(
            "Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan "
            "sebagaimana mestinya."
        )
    )
    story.append(Spacer(1, 4 * mm))
    return story
