"""PDF documents on the office's letterhead: certificates, daftar hadir, laporan kegiatan, berita acara."""
