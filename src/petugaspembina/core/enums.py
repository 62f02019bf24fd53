"""Enumerations of the domain with their Indonesian labels. Codes are stable; labels are for people."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Labelled(StrEnum):
    """A StrEnum whose members carry an Indonesian label, given as ``CODE = "code", "Label"``."""

    _label: str

    def __new__(cls, value: str, label: str = "") -> Labelled:
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label or value
        return member

    @property
    def label(self) -> str:
        """The Indonesian label shown to people."""
        return self._label

    @classmethod
    def codes(cls) -> list[str]:
        """Every code, in declaration order."""
        return [member.value for member in cls]


class Sex(Labelled):
    L = "L", "Laki-laki"
    P = "P", "Perempuan"


class TimeZone(Labelled):
    WIB = "WIB", "WIB (UTC+7)"
    WITA = "WITA", "WITA (UTC+8)"
    WIT = "WIT", "WIT (UTC+9)"

    @property
    def utc_offset_hours(self) -> int:
        """Hours ahead of UTC."""
        return {"WIB": 7, "WITA": 8, "WIT": 9}[self.value]


class SessionType(Labelled):
    PEMBENTUKAN = "pembentukan", "Pembentukan Desa Binaan"
    SOSIALISASI = "sosialisasi", "Sosialisasi"
    RAPAT_TIMPORA = "rapat_timpora", "Rapat Timpora"
    KUNJUNGAN = "kunjungan", "Kunjungan"


class VillageStatus(Labelled):
    """A desa binaan's place in the register: designated (active) or no longer (ended)."""

    AKTIF = "aktif", "Aktif"
    BERAKHIR = "berakhir", "Berakhir"


class Topic(Labelled):
    TPPO = "tppo", "TPPO (Tindak Pidana Perdagangan Orang)"
    TPPM = "tppm", "TPPM (Penyelundupan Manusia)"
    PMI_NONPROSEDURAL = "pmi_nonprosedural", "PMI Non-Prosedural"
    PASPOR = "paspor", "Paspor dan M-Paspor"
    SANKSI_KETERANGAN_PALSU = "sanksi_palsu", "Sanksi Keterangan Palsu"
    LAPOR_WNA = "lapor_wna", "Pelaporan Orang Asing"
    JALUR_RESMI = "jalur_resmi", "Jalur Resmi (SISKOP2MI, LTSA, G-to-G)"


class ParticipantCategory(Labelled):
    KEPALA_DESA = "kepala_desa", "Kepala Desa / Lurah"
    PERANGKAT_DESA = "perangkat_desa", "Perangkat Desa"
    BPD = "bpd", "BPD"
    TOKOH_MASYARAKAT = "tokoh_masyarakat", "Tokoh Masyarakat"
    TOKOH_AGAMA = "tokoh_agama", "Tokoh Agama"
    TOKOH_PEMUDA = "tokoh_pemuda", "Tokoh Pemuda"
    BABINSA = "babinsa", "Babinsa"
    BHABINKAMTIBMAS = "bhabinkamtibmas", "Bhabinkamtibmas"
    GURU = "guru", "Guru"
    PELAJAR = "pelajar", "Pelajar / Mahasiswa"
    CALON_PMI = "calon_pmi", "Calon PMI"
    PURNA_PMI = "purna_pmi", "Purna PMI"
    KELUARGA_PMI = "keluarga_pmi", "Keluarga PMI"
    INSTANSI = "instansi", "Pegawai Instansi"
    MASYARAKAT = "masyarakat", "Masyarakat Umum"


class CategoryChoice(NamedTuple):
    """One line of the category list offered when a person is typed: a category, or a common
    occupation counted in one (recorded as that category's code with the occupation as the
    person's position)."""

    label: str
    code: str
    position: str = ""


# The set of category codes is part of bundle format 1: an app reading a code it does not know
# refuses the whole bundle (docs/sync.md). So an occupation people look for in the list, such as
# "Ibu Rumah Tangga" or "Nelayan", is offered here and counted in an existing category instead of
# a new code. Each occupation is listed with the abbreviations or other words typed for it.
_OCCUPATIONS = {
    ParticipantCategory.MASYARAKAT: [
        ("Buruh", ("buruh harian lepas", "bhl")),
        ("Ibu Rumah Tangga", ("irt",)),
        ("Nelayan", ()),
        ("Pedagang", ("dagang",)),
        ("Petani", ("tani",)),
        ("Peternak", ()),
        ("Wiraswasta", ("wirausaha",)),
    ],
}

# Other words typed for a category itself (its code and label are always understood).
_CATEGORY_WORDS = {
    ParticipantCategory.PELAJAR: ("pelajar", "mahasiswa", "siswa"),
}


def category_choices() -> list[CategoryChoice]:
    """Every category in declaration order, each followed by the occupations counted in it."""
    out = []
    for category in ParticipantCategory:
        for occupation, _ in _OCCUPATIONS.get(category, ()):
            out.append(
                CategoryChoice(f"{occupation} ({category.label})", category.value, occupation)
            )
        out.append(CategoryChoice(category.label, category.value))
    return out


def find_category(text: str) -> CategoryChoice | None:
    """The choice named by ``text``: a category's code, label or other word (``mahasiswa``), an
    occupation or its abbreviation (any case, surrounding space ignored); None when nothing matches."""
    key = " ".join(text.split()).casefold()
    if not key:
        return None
    for choice in category_choices():
        if key == choice.label.casefold() or (not choice.position and key == choice.code):
            return choice
    for category, words in _CATEGORY_WORDS.items():
        if key in words:
            return CategoryChoice(category.label, category.value)
    for category, occupations in _OCCUPATIONS.items():
        for occupation, abbreviations in occupations:
            if key == occupation.casefold() or key in abbreviations:
                return CategoryChoice(
                    f"{occupation} ({category.label})", category.value, occupation
                )
    return None


class RiskType(Labelled):
    CPMI_NONPROSEDURAL = "cpmi_nonprosedural", "Calon PMI Non-Prosedural"
    KORBAN_TPPO = "korban_tppo", "Dugaan Korban TPPO"
    TPPM = "tppm", "TPPM (Penyelundupan Manusia)"
    CALO = "calo", "Perekrut Mencurigakan (Calo)"
    DOKUMEN = "dokumen", "Penyalahgunaan / Pemalsuan Dokumen"
    PURNA_BERMASALAH = "purna_bermasalah", "Purna PMI Bermasalah"
    LAPORAN_WNA = "laporan_wna", "Laporan tentang Orang Asing"


class Urgency(Labelled):
    BIASA = "biasa", "Biasa"
    SEGERA = "segera", "Segera"
    DARURAT = "darurat", "Darurat"


class Channel(Labelled):
    SURAT = "surat", "Surat"
    WHATSAPP = "whatsapp", "WhatsApp"
    TELEPON = "telepon", "Telepon"
    DIANTAR = "diantar", "Diantar Langsung"


class ReferralStatus(Labelled):
    DRAF = "draf", "Draf"
    DIRUJUK = "dirujuk", "Dirujuk"
    DITERIMA = "diterima", "Diterima"
    DITANGANI = "ditangani", "Ditangani"
    SELESAI = "selesai", "Selesai"
    DITOLAK = "ditolak", "Ditolak"
    DIBATALKAN = "dibatalkan", "Dibatalkan"


# The referral workflow: forward steps, plus refusal by the agency and cancellation while open.
REFERRAL_TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.DRAF: frozenset({ReferralStatus.DIRUJUK, ReferralStatus.DIBATALKAN}),
    ReferralStatus.DIRUJUK: frozenset(
        {ReferralStatus.DITERIMA, ReferralStatus.DITOLAK, ReferralStatus.DIBATALKAN}
    ),
    ReferralStatus.DITERIMA: frozenset({ReferralStatus.DITANGANI, ReferralStatus.DIBATALKAN}),
    ReferralStatus.DITANGANI: frozenset({ReferralStatus.SELESAI}),
    ReferralStatus.SELESAI: frozenset(),
    ReferralStatus.DITOLAK: frozenset({ReferralStatus.DIRUJUK}),
    ReferralStatus.DIBATALKAN: frozenset(),
}


class AgencyKind(Labelled):
    UPTD_PPA = "uptd_ppa", "UPTD PPA"
    SAPA_129 = "sapa_129", "SAPA 129"
    POLRI = "polri", "Polri (Unit PPA)"
    LPSK = "lpsk", "LPSK"
    KP2MI = "kp2mi", "KP2MI / BP3MI / P4MI / LTSA"
    DINSOS = "dinsos", "Dinas Sosial / Kemensos"
    DISNAKER = "disnaker", "Disnaker"
    GUGUS_TUGAS = "gugus_tugas", "Gugus Tugas PP-TPPO"
    IOM = "iom", "IOM"
    LSM = "lsm", "LSM"
    LAINNYA = "lainnya", "Lainnya"


class SignatoryPrefix(Labelled):
    NONE = "", "(tanpa)"
    AN = "a.n.", "a.n."
    PLH = "Plh.", "Plh."
    PLT = "Plt.", "Plt."


class CertificateStatus(Labelled):
    ISSUED = "issued", "Terbit"
    VOID = "void", "Dibatalkan"


class CertificateEventKind(Labelled):
    ISSUED = "issued", "Diterbitkan"
    REPRINTED = "reprinted", "Dicetak ulang"
    VOIDED = "voided", "Dibatalkan"
