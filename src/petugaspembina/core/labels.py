"""Labels for people: enumeration codes, record types, field names and stored values.

Unknown codes (from newer apps) show as they are; a person never reads ``laporan_wna`` or
``issued`` where a label exists.
"""

from __future__ import annotations

from typing import Any

from .display import short_date
from .enums import Labelled
from .records import BY_TABLE, DELETED, ERASED, SCHEMA


def label_of(enum: type[Labelled], code: object) -> str:
    """The Indonesian label of ``code``, the code itself if unknown, or "" for none."""
    if code is None or code == "":
        return ""
    text = str(code)
    return enum(text).label if text in enum.codes() else text


FIELD_LABELS = {
    # session photos
    "caption": "Keterangan foto",
    "taken_at": "Waktu diambil",
    "sha256": "Sidik isi foto",
    "width": "Lebar (px)",
    "height": "Tinggi (px)",
    "byte_size": "Ukuran berkas",
    "keep_location": "Simpan lokasi",
    DELETED: "Dihapus",
    ERASED: "Dihapus permanen",
    "abbreviation": "Singkatan",
    "active": "Aktif",
    "address": "Alamat",
    "agency": "Instansi",
    "agency_id": "Instansi penerima",
    "at": "Waktu",
    "birth_date": "Tanggal lahir",
    "birth_year": "Tahun lahir",
    "category": "Kategori",
    "certificate_body": "Kalimat sertifikat",
    "certificate_id": "Sertifikat",
    "certificate_title": "Judul sertifikat",
    "channel": "Saluran",
    "city": "Kota",
    "closure_reason": "Alasan penutupan",
    "consent_data": "Setuju data dicatat",
    "consent_photo": "Setuju difoto",
    "consent_share": "Setuju data dibagikan",
    "contact_person": "Narahubung",
    "date": "Tanggal",
    "device_id": "Perangkat",
    "email": "Email",
    "end_time": "Jam selesai",
    "event_date": "Tanggal",
    "follow_ups": "Tindak lanjut",
    "full_name": "Nama",
    "guardian_consent": "Persetujuan orang tua/wali",
    "guardian_name": "Orang tua/wali",
    "headcount_female": "Hadir tanpa tanda tangan (P)",
    "headcount_male": "Hadir tanpa tanda tangan (L)",
    "is_binaan": "Desa binaan",
    "issued_on": "Tanggal terbit",
    "kind": "Jenis",
    "letter_number": "Nomor surat tugas",
    "letterhead": "Kop surat",
    "logo_png": "Logo",
    "merged_into": "Digabung ke",
    "modus": "Modus",
    "name": "Nama",
    "narrative": "Uraian",
    "nik": "NIK",
    "nip": "NIP",
    "note": "Catatan",
    "notes": "Hasil diskusi",
    "number": "Nomor",
    "numbering_pattern": "Pola nomor",
    "office": "Kantor",
    "officer_ids": "Petugas",
    "partner_agencies": "Instansi mitra",
    "person_id": "Peserta",
    "phone": "No. HP",
    "position": "Jabatan",
    "public_key": "Kunci publik",
    "rank": "Pangkat",
    "referral_id": "Rujukan",
    "referred_on": "Tanggal rujuk",
    "region": "Wilayah",
    "region_code": "Kode wilayah",
    "region_path": "Wilayah",
    "risk_type": "Jenis risiko",
    "session_id": "Kegiatan",
    "session_type": "Jenis kegiatan",
    "sex": "Jenis kelamin",
    "signatory_name": "Nama penanda tangan",
    "signatory_nip": "NIP penanda tangan",
    "signatory_position": "Jabatan penanda tangan",
    "signatory_prefix": "Awalan penanda tangan",
    "signature": "Tanda tangan",
    "signature_png": "Tanda tangan",
    "signed_at": "Waktu hadir",
    "sk_number": "Nomor SK",
    "sk_date": "Tanggal SK",
    "formed_session_id": "Kegiatan pembentukan",
    "ended_on": "Tanggal berakhir",
    "end_reason": "Alasan berakhir",
    "officers": "Petugas pembina",
    "focal_points": "Narahubung desa",
    "partner_programs": "Program mitra",
    "source": "Sumber informasi",
    "speakers": "Narasumber",
    "stamp_png": "Cap/stempel",
    "start_time": "Jam mulai",
    "status": "Status",
    "time_zone": "Zona waktu",
    "title": "Judul",
    "topics": "Materi/topik",
    "transcribed": "Disalin dari daftar hadir kertas",
    "urgency": "Urgensi",
    "venue": "Tempat",
    "via": "Dicatat melalui",
    "village_id": "Desa",
    "village_name": "Desa/Kelurahan",
    "void_reason": "Alasan pembatalan",
    "website": "Situs web",
}


def table_label(table: str) -> str:
    """``Peserta`` for ``people``; an unknown table shows its name."""
    record_type = BY_TABLE.get(table)
    return record_type.LABEL if record_type is not None and record_type.LABEL else table


def field_label(field: str) -> str:
    """``Nama`` for ``full_name``; an unknown field shows its name."""
    return FIELD_LABELS.get(field, field)


def value_label(table: str, field: str, value: Any) -> str:
    """A stored value as a person reads it: labels for codes, ``22 Nov 2026`` for dates,
    Ya/Tidak for flags, lists joined by commas, images as "(gambar)"."""
    if value is None or value == "":
        return "-"
    kind = SCHEMA.get(table, {}).get(field)
    base = kind.base if kind is not None else ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if kind is not None and kind.enum is not None:
        if base == "enums" and isinstance(value, list):
            return ", ".join(label_of(kind.enum, v) for v in value)
        return label_of(kind.enum, value)
    if base == "date":
        return short_date(str(value))
    if base == "image":
        return "(gambar)"
    if isinstance(value, list):
        return ", ".join(
            "; ".join(str(v) for v in item.values()) if isinstance(item, dict) else str(item)
            for item in value
        )
    return str(value)
