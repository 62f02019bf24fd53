"""Operating-system errors in Indonesian: one wording for every message that names a failed file."""

from __future__ import annotations

import errno

_BY_ERRNO: dict[int, str] = {
    errno.ENOENT: "berkas atau folder tidak ada",
    errno.EACCES: "tidak ada izin untuk membukanya",
    errno.EPERM: "tidak ada izin untuk membukanya",
    errno.EISDIR: "ini sebuah folder, bukan berkas",
    errno.ENOTDIR: "salah satu bagian jalurnya bukan folder",
    errno.ENOSPC: "disk penuh",
    errno.EROFS: "media hanya dapat dibaca (read-only)",
    errno.EEXIST: "sudah ada",
    errno.EIO: "galat baca/tulis perangkat (flashdisk tercabut atau rusak?)",
    errno.ENAMETOOLONG: "nama atau jalurnya terlalu panjang",
    errno.EBUSY: "sedang dipakai program lain",
    errno.ETXTBSY: "sedang dipakai program lain",
    errno.ENXIO: "perangkat tidak tersedia",
    errno.ENODEV: "perangkat tidak tersedia",
    errno.EMFILE: "terlalu banyak berkas terbuka",
    errno.ENFILE: "terlalu banyak berkas terbuka",
    errno.EINVAL: "nama atau jalurnya tidak sah",
    errno.EXDEV: "tidak dapat dipindah antar-disk",
    errno.ENOTEMPTY: "folder tidak kosong",
    errno.ELOOP: "tautan simbolik berputar",
    errno.EFBIG: "berkas terlalu besar",
    errno.ETIMEDOUT: "waktu habis (jaringan atau perangkat lambat)",
}
_BY_ERRNO.update({code: "kuota disk habis" for code in [getattr(errno, "EDQUOT", None)] if code})

# Windows reports a file open in another program (a PDF in a viewer) as these.
_BY_WINERROR: dict[int, str] = {
    32: "sedang dibuka program lain; tutup dulu",
    33: "sedang dikunci program lain; tutup dulu",
    112: "disk penuh",
    123: "nama atau jalurnya tidak sah",
}


def describe_os_error(exc: OSError) -> str:
    """Why an operation on a file failed, in Indonesian, lower case, without the path.

    Callers name the file themselves, e.g. ``f"{path} tidak dapat dibaca: {describe_os_error(e)}."``
    """
    winerror = getattr(exc, "winerror", None)
    if isinstance(winerror, int) and winerror in _BY_WINERROR:
        return _BY_WINERROR[winerror]
    if exc.errno in _BY_ERRNO:
        return _BY_ERRNO[exc.errno]
    if isinstance(exc, TimeoutError):
        return "waktu habis"
    if exc.errno:
        return f"galat sistem nomor {exc.errno}"
    return "galat sistem"
