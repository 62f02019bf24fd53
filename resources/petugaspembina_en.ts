<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgenciesDialog</name>
    <message>
        <source>Instansi penerima rujukan</source>
        <translation>Receiving agencies</translation>
    </message>
    <message>
        <source>Singkatan</source>
        <translation>Abbreviation</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Narahubung</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>&amp;Tambah instansi</source>
        <translation>&amp;Add agency</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Baris {0}: isi singkatan dan nama lengkap.</source>
        <translation>Row {0}: fill in the abbreviation and full name.</translation>
    </message>
    <message>
        <source>Baris {0}: {1}</source>
        <translation>Row {0}: {1}</translation>
    </message>
</context>
<context>
    <name>AppLock</name>
    <message>
        <source>Kunci otomatis belum aktif: tekan Ctrl+L untuk memilih PIN pembuka kunci.</source>
        <translation>Automatic lock is not active yet: press Ctrl+L to choose an unlock PIN.</translation>
    </message>
    <message>
        <source>PIN pembuka kunci</source>
        <translation>Unlock PIN</translation>
    </message>
    <message>
        <source>Pilih PIN 4–8 angka untuk membuka aplikasi setelah terkunci. PIN yang sama dipakai untuk keluar dari mode kiosk; jangan beri tahu orang lain.</source>
        <translation>Choose a PIN of 4–8 digits to unlock the app after it locks. The same PIN is used to leave kiosk mode; do not tell anyone.</translation>
    </message>
    <message>
        <source>{0} — terkunci</source>
        <translation>{0} — locked</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Catatan audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Semua pelaku</source>
        <translation>All actors</translation>
    </message>
    <message>
        <source>Semua tindakan</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Semua jenis</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>&amp;Dari</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;Sampai</source>
        <translation>&amp;Until</translation>
    </message>
    <message>
        <source>&amp;Pelaku</source>
        <translation>&amp;Actor</translation>
    </message>
    <message>
        <source>T&amp;indakan</source>
        <translation>Act&amp;ion</translation>
    </message>
    <message>
        <source>&amp;Jenis rekaman</source>
        <translation>&amp;Record kind</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pelaku</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Jenis rekaman</source>
        <translation>Record kind</translation>
    </message>
    <message>
        <source>ID rekaman</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <source>Isian (tanpa nilai)</source>
        <translation>Fields (no values)</translation>
    </message>
    <message>
        <source>Ekspor &amp;CSV…</source>
        <translation>Export CS&amp;V…</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Siapa melakukan apa, kapan, pada rekaman dan isian mana. Nilai isian (nama, NIK, nomor HP) tidak pernah dicatat.</source>
        <translation>Who did what, when, on which record and fields. Field values (names, NIKs, phone numbers) are never recorded.</translation>
    </message>
    <message>
        <source>{0} dari {1} catatan ditampilkan (terbaru); CSV memuat semuanya.</source>
        <translation>{0} of {1} entries shown (newest); the CSV holds them all.</translation>
    </message>
    <message>
        <source>{0} catatan</source>
        <translation>{0} entries</translation>
    </message>
    <message>
        <source>Simpan catatan audit</source>
        <translation>Save the audit log</translation>
    </message>
    <message>
        <source>CSV tidak dapat disimpan: {0}.</source>
        <translation>The CSV could not be saved: {0}.</translation>
    </message>
    <message>
        <source>{0} catatan disimpan ke {1}.</source>
        <translation>{0} entries saved to {1}.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>(tidak ada data)</source>
        <translation>(no data)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Kata sandi baru berlaku mulai pembukaan berikutnya dan untuk membuka kunci aplikasi. Data tidak dienkripsi ulang; kunci pemulihan kantor tetap sama.</source>
        <translation>The new password applies from the next start and to unlock the app. The data are not re-encrypted; the office&apos;s recovery key stays the same.</translation>
    </message>
    <message>
        <source>Kata sandi saat &amp;ini</source>
        <translation>&amp;Current password</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ketik kata sandi saat ini.</source>
        <translation>Type the current password.</translation>
    </message>
    <message>
        <source>Kata sandi baru sama dengan kata sandi saat ini.</source>
        <translation>The new password is the same as the current one.</translation>
    </message>
    <message>
        <source>Kata sandi saat ini salah. Kata sandi tidak diganti.</source>
        <translation>The current password is wrong. The password was not changed.</translation>
    </message>
</context>
<context>
    <name>ClerkTabs</name>
    <message>
        <source>Kotak &amp;masuk</source>
        <translation>In&amp;box</translation>
    </message>
    <message>
        <source>K&amp;onflik</source>
        <translation>C&amp;onflicts</translation>
    </message>
    <message>
        <source>D&amp;uplikat</source>
        <translation>D&amp;uplicates</translation>
    </message>
    <message>
        <source>R&amp;ekap</source>
        <translation>R&amp;ecap</translation>
    </message>
    <message>
        <source>Desa Binaan</source>
        <translation>Desa binaan</translation>
    </message>
    <message>
        <source>Register desa binaan kantor ({0})</source>
        <translation>The office&apos;s desa binaan register ({0})</translation>
    </message>
</context>
<context>
    <name>ConflictReview</name>
    <message>
        <source>Nilai yang tercatat</source>
        <translation>Recorded values</translation>
    </message>
    <message>
        <source>Atau &amp;ketik nilai yang benar:</source>
        <translation>Or &amp;type the right value:</translation>
    </message>
    <message>
        <source>‹ Sebelumnya (PgUp)</source>
        <translation>‹ Previous (PgUp)</translation>
    </message>
    <message>
        <source>Berikutnya › (PgDn)</source>
        <translation>Next › (PgDn)</translation>
    </message>
    <message>
        <source>&amp;Gunakan (Enter)</source>
        <translation>&amp;Use (Enter)</translation>
    </message>
    <message>
        <source>Tidak ada konflik. Semua data dari para petugas sudah selaras.</source>
        <translation>No conflicts. All officers&apos; data agree.</translation>
    </message>
    <message>
        <source>Isian: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Field: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tetap dihapus</source>
        <translation>Keep deleted</translation>
    </message>
    <message>
        <source>Pulihkan (pakai perubahan terakhir)</source>
        <translation>Restore (use the latest change)</translation>
    </message>
    <message>
        <source>{0}, perangkat {1}, {2}</source>
        <translation>{0}, device {1}, {2}</translation>
    </message>
    <message>
        <source> — sementara dipakai</source>
        <translation> — used for now</translation>
    </message>
    <message>
        <source>tetap dihapus</source>
        <translation>stays deleted</translation>
    </message>
    <message>
        <source>dipulihkan</source>
        <translation>restored</translation>
    </message>
    <message>
        <source>Pilih salah satu nilai atau ketik nilainya.</source>
        <translation>Pick one of the values or type the value.</translation>
    </message>
    <message>
        <source>Diselesaikan: {0} {1}.</source>
        <translation>Settled: {0} {1}.</translation>
    </message>
    <message>
        <source>Diselesaikan: {0}, {1} — dipakai “{2}”.</source>
        <translation>Settled: {0}, {1} — “{2}” kept.</translation>
    </message>
</context>
<context>
    <name>DeletedSessionsDialog</name>
    <message>
        <source>Kegiatan terhapus</source>
        <translation>Deleted activities</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Hadir</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>&amp;Pulihkan</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Kegiatan yang dihapus beserta tanda hadirnya. Pulihkan mengembalikan kegiatan dan tanda hadir yang terhapus bersamanya.</source>
        <translation>Deleted activities with their sign-ins. Restore brings back the activity and the sign-ins deleted with it.</translation>
    </message>
    <message>
        <source>Tidak ada kegiatan yang dihapus.</source>
        <translation>No deleted activities.</translation>
    </message>
    <message>
        <source>Kegiatan “{0}” dipulihkan dengan {1} tanda hadir.</source>
        <translation>Activity “{0}” restored with {1} sign-ins.</translation>
    </message>
</context>
<context>
    <name>DesaBinaanDialog</name>
    <message>
        <source>Ubah desa binaan</source>
        <translation>Edit desa binaan</translation>
    </message>
    <message>
        <source>Desa binaan baru</source>
        <translation>New desa binaan</translation>
    </message>
    <message>
        <source>&amp;Desa/Kelurahan</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <source>mis. W.16-UM.01.01-045/2026</source>
        <translation>e.g. W.16-UM.01.01-045/2026</translation>
    </message>
    <message>
        <source>Nomor &amp;SK</source>
        <translation>&amp;SK number</translation>
    </message>
    <message>
        <source>&amp;Tanggal SK</source>
        <translation>SK &amp;date</translation>
    </message>
    <message>
        <source>Kegiatan pembentukan</source>
        <translation>Formation session</translation>
    </message>
    <message>
        <source>&amp;Petugas PIMPASA</source>
        <translation>&amp;PIMPASA officers</translation>
    </message>
    <message>
        <source>&amp;Narahubung desa</source>
        <translation>Village &amp;contacts</translation>
    </message>
    <message>
        <source>mis. Desa Emas (BP3MI), Desmigratif</source>
        <translation>e.g. Desa Emas (BP3MI), Desmigratif</translation>
    </message>
    <message>
        <source>Program &amp;mitra</source>
        <translation>Pa&amp;rtner programs</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Simpan dan tambah desa &amp;lain</source>
        <translation>Save and add &amp;another village</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>No. surat tugas</source>
        <translation>Assignment letter no.</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Centang petugas yang ditunjuk. Tanggal: klik ganda lalu pilih dari kalender; Delete mengosongkan (Mulai kosong = tanggal SK).</source>
        <translation>Tick the officers appointed. Dates: double-click, then pick from the calendar; Delete empties a date (an empty Start = the SK date).</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Pilih desa/kelurahan dari daftar (ketik minimal 3 huruf).</source>
        <translation>Pick the village from the list (type at least 3 letters).</translation>
    </message>
    <message>
        <source>Tersimpan: {0}. Pilih desa berikutnya.</source>
        <translation>Saved: {0}. Pick the next village.</translation>
    </message>
</context>
<context>
    <name>DesaBinaanView</name>
    <message>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Nomor SK</source>
        <translation>SK number</translation>
    </message>
    <message>
        <source>Petugas PIMPASA</source>
        <translation>PIMPASA officers</translation>
    </message>
    <message>
        <source>Kunjungan terakhir</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Kegiatan triw./thn</source>
        <translation>Sessions qtr/yr</translation>
    </message>
    <message>
        <source>Orang tahun ini</source>
        <translation>People this year</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Belum ada desa binaan di register. Tekan Tambah desa binaan… di bawah, atau pilih kegiatan pembentukan di tab Kegiatan lalu tekan Daftarkan desa binaan… di sana.</source>
        <translation>No desa binaan in the register yet. Press Add desa binaan… below, or choose a formation activity in the Activities tab and press Register desa binaan… there.</translation>
    </message>
    <message>
        <source>Tambah desa binaan…</source>
        <translation>Add desa binaan…</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Akhiri…</source>
        <translation>End…</translation>
    </message>
    <message>
        <source>Profil desa (PDF)…</source>
        <translation>Village profile (PDF)…</translation>
    </message>
    <message>
        <source>Ekspor register (XLSX)…</source>
        <translation>Export register (XLSX)…</translation>
    </message>
    <message>
        <source>Batas &amp;hari tanpa kegiatan</source>
        <translation>Da&amp;ys without activity</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; desa binaan aktif · &lt;b&gt;{1}&lt;/b&gt; petugas PIMPASA · &lt;b&gt;{2}&lt;/b&gt; tanpa kegiatan ≥ {3} hari · {4} berakhir</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; active desa binaan · &lt;b&gt;{1}&lt;/b&gt; PIMPASA officers · &lt;b&gt;{2}&lt;/b&gt; without activity ≥ {3} days · {4} ended</translation>
    </message>
    <message>
        <source>Per kantor: {0}</source>
        <translation>Per office: {0}</translation>
    </message>
    <message>
        <source>{0} — {1} desa, {2} PIMPASA</source>
        <translation>{0} — {1} villages, {2} PIMPASA</translation>
    </message>
    <message>
        <source>Per kabupaten/kota: {0}</source>
        <translation>Per regency/city: {0}</translation>
    </message>
    <message>
        <source>Tanpa kegiatan: {0}</source>
        <translation>Without activity: {0}</translation>
    </message>
    <message>
        <source>Desa binaan</source>
        <translation>Desa binaan</translation>
    </message>
    <message>
        <source>Pilih desa di daftar dahulu.</source>
        <translation>Pick a village in the list first.</translation>
    </message>
    <message>
        <source>Desa {0} sudah berakhir.</source>
        <translation>Village {0} has already ended.</translation>
    </message>
    <message>
        <source>Simpan register desa binaan</source>
        <translation>Save the desa binaan register</translation>
    </message>
    <message>
        <source>Register desa binaan</source>
        <translation>Desa binaan register</translation>
    </message>
    <message>
        <source>Register tersimpan.</source>
        <translation>Register saved.</translation>
    </message>
</context>
<context>
    <name>DesaSayaView</name>
    <message>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Kunjungan terakhir</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Kegiatan triwulan ini</source>
        <translation>Sessions this quarter</translation>
    </message>
    <message>
        <source>Orang triwulan ini</source>
        <translation>People this quarter</translation>
    </message>
    <message>
        <source>Rujukan terbuka</source>
        <translation>Open referrals</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Belum ada desa binaan untuk Anda. Register desa binaan datang dari kantor: impor bundel kantor di tab Sinkronisasi.</source>
        <translation>No desa binaan assigned to you yet. The register comes from the office: import the office&apos;s bundle in the Sync tab.</translation>
    </message>
    <message>
        <source>Profil desa (PDF)…</source>
        <translation>Village profile (PDF)…</translation>
    </message>
    <message>
        <source>Desa binaan yang ditugaskan kepada {0}.</source>
        <translation>Desa binaan assigned to {0}.</translation>
    </message>
    <message>
        <source>Semua desa binaan aktif (perangkat ini belum punya profil petugas).</source>
        <translation>Every active desa binaan (this device has no officer profile yet).</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>⚠ {0} desa tanpa kegiatan {1} hari atau lebih: {2}. Jadwalkan kunjungan.</source>
        <translation>⚠ {0} villages without activity for {1} days or more: {2}. Plan a visit.</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <source>Dokumen kegiatan</source>
        <translation>Activity documents</translation>
    </message>
    <message>
        <source>Samarkan nomor HP di daftar hadir</source>
        <translation>Mask phone numbers on the attendance sheet</translation>
    </message>
    <message>
        <source>&amp;Laporan kegiatan</source>
        <translation>Acti&amp;vity report</translation>
    </message>
    <message>
        <source>Register sertifikat</source>
        <translation>Certificate register</translation>
    </message>
    <message>
        <source>Cari nomor atau nama…</source>
        <translation>Search number or name…</translation>
    </message>
    <message>
        <source>Sertifikat peserta &amp;ini</source>
        <translation>Certificate for th&amp;is participant</translation>
    </message>
    <message>
        <source>Ketik sebagian judul, desa atau tempat…</source>
        <translation>Type part of its title, village or venue…</translation>
    </message>
    <message>
        <source>U&amp;ntuk peserta:</source>
        <translation>For participa&amp;nt:</translation>
    </message>
    <message>
        <source>Profil kantor (kop surat, penanda tangan)…</source>
        <translation>Office profile (letterhead, signatory)…</translation>
    </message>
    <message>
        <source>Batalkan…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Terbit</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ulang</source>
        <translation>Reprints</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Verifikasi sertifikat</source>
        <translation>Verify a certificate</translation>
    </message>
    <message>
        <source>Tempel atau pindai kode verifikasi (PP1…)</source>
        <translation>Paste or scan the verification code (PP1…)</translation>
    </message>
    <message>
        <source>Kegia&amp;tan:</source>
        <translation>Ac&amp;tivity:</translation>
    </message>
    <message>
        <source>Lengkapi profil kantor…</source>
        <translation>Complete the office profile…</translation>
    </message>
    <message>
        <source>Cari kegiatan (judul, desa, tempat):</source>
        <translation>Find activity (title, village, venue):</translation>
    </message>
    <message>
        <source>Belum ada kegiatan</source>
        <translation>No activities yet</translation>
    </message>
    <message>
        <source>Serti&amp;fikat semua peserta</source>
        <translation>&amp;Certificates for all participants</translation>
    </message>
    <message>
        <source>Daftar &amp;hadir</source>
        <translation>Attendance s&amp;heet</translation>
    </message>
    <message>
        <source>Daftar hadir kosong (cetak)</source>
        <translation>Blank attendance sheet (print)</translation>
    </message>
    <message>
        <source>Formulir daftar hadir kosong untuk diisi tangan bila laptop tidak dapat dipakai; salin kemudian lewat mode “Dari kertas” di layar daftar hadir</source>
        <translation>A blank attendance form to fill in by hand when the laptop cannot be used; type it in afterwards in the “From paper” mode of the attendance screen</translation>
    </message>
    <message>
        <source>Berita a&amp;cara</source>
        <translation>&amp;Minutes</translation>
    </message>
    <message>
        <source>Cetak ulan&amp;g…</source>
        <translation>Print a cop&amp;y…</translation>
    </message>
    <message>
        <source>Periksa</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>{0} terbaru dari {1} kegiatan; ketik untuk mencari</source>
        <translation>newest {0} of {1} activities; type to search</translation>
    </message>
    <message>
        <source>Tidak ada kegiatan yang cocok</source>
        <translation>No matching activity</translation>
    </message>
    <message>
        <source>Profil kantor belum lengkap: dokumen bertanda DRAF. Lengkapi lewat Profil kantor: {0}.</source>
        <translation>The office profile is incomplete: documents are marked DRAF (draft). Fill in under Office profile: {0}.</translation>
    </message>
    <message>
        <source>Tidak ada sertifikat yang cocok dengan &quot;{0}&quot;.</source>
        <translation>No certificate matches &quot;{0}&quot;.</translation>
    </message>
    <message>
        <source>Belum ada sertifikat. Pilih kegiatan di atas lalu tekan Sertifikat semua peserta; setiap sertifikat yang terbit tercatat di sini.</source>
        <translation>No certificates yet. Choose an activity above and press Certificates for all participants; every certificate issued is recorded here.</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Pilih sertifikat di register terlebih dahulu.</source>
        <translation>Choose a certificate in the register first.</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Pilih kegiatan terlebih dahulu.</source>
        <translation>Select an activity first.</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Membuat {0}…</source>
        <translation>Making {0}…</translation>
    </message>
    <message>
        <source>Dokumen tersimpan</source>
        <translation>Document saved</translation>
    </message>
    <message>
        <source>Dokumen tersimpan:
{0}</source>
        <translation>Document saved:
{0}</translation>
    </message>
    <message>
        <source>Dokumen gagal dibuat</source>
        <translation>The document could not be made</translation>
    </message>
    <message>
        <source>Laporan belum lengkap</source>
        <translation>Report not complete</translation>
    </message>
    <message>
        <source>Bagian laporan ini masih kosong dan akan tercetak “-”:

{0}

Isi dulu di data kegiatan (tab Materi dan hasil), atau cetak apa adanya.</source>
        <translation>These parts of the report are still empty and will print as “-”:

{0}

Fill them in the session&apos;s data first (tab Topics and results), or print as it is.</translation>
    </message>
    <message>
        <source>Isi dulu…</source>
        <translation>Fill in first…</translation>
    </message>
    <message>
        <source>Cetak saja</source>
        <translation>Print anyway</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kegiatan ini belum memiliki peserta.</source>
        <translation>This session has no participants yet.</translation>
    </message>
    <message>
        <source>Sertifikat yang dibatalkan tidak dicetak ulang.</source>
        <translation>A cancelled certificate is not reprinted.</translation>
    </message>
    <message>
        <source>Sertifikat ini sudah dibatalkan.</source>
        <translation>This certificate is already cancelled.</translation>
    </message>
    <message>
        <source>Batalkan sertifikat</source>
        <translation>Cancel certificate</translation>
    </message>
    <message>
        <source>Alasan membatalkan sertifikat {0}:</source>
        <translation>Reason for cancelling certificate {0}:</translation>
    </message>
    <message>
        <source>✔ {0}
Nama: {1}
Kegiatan: {2} ({3})</source>
        <translation>✔ {0}
Name: {1}
Activity: {2} ({3})</translation>
    </message>
    <message>
        <source>✘ {0}</source>
        <translation>✘ {0}</translation>
    </message>
</context>
<context>
    <name>DuplicateReview</name>
    <message>
        <source>Peserta A</source>
        <translation>Participant A</translation>
    </message>
    <message>
        <source>Peserta B</source>
        <translation>Participant B</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <source>Tahun lahir</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Kehadiran</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Tanggal kegiatan</source>
        <translation>Session dates</translation>
    </message>
    <message>
        <source>Sama — &amp;gabungkan (S)</source>
        <translation>Same — &amp;link (S)</translation>
    </message>
    <message>
        <source>Berbeda — jangan sara&amp;nkan lagi (B)</source>
        <translation>Different — do not su&amp;ggest again (B)</translation>
    </message>
    <message>
        <source>&amp;Lewati (N)</source>
        <translation>Skip (&amp;N)</translation>
    </message>
    <message>
        <source>Batalkan keputusan terakhir (Ctrl+Z)</source>
        <translation>Undo the last decision (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Mencari saran duplikat…</source>
        <translation>Looking for possible duplicates…</translation>
    </message>
    <message>
        <source>Saran duplikat tidak dapat dimuat ({0}). Coba Berkas → Segarkan.</source>
        <translation>Possible duplicates could not be loaded ({0}). Try File → Refresh.</translation>
    </message>
    <message>
        <source>{0} pasangan paling mirip dari {1}; sisanya muncul sesudah diputuskan.</source>
        <translation>The {0} most similar pairs of {1}; the rest follow once these are decided.</translation>
    </message>
    <message>
        <source>Tidak ada saran duplikat.</source>
        <translation>No duplicate suggestions.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kemiripan {0}%&lt;/b&gt; — {1}. Apakah keduanya orang yang sama?</source>
        <translation>&lt;b&gt;Similarity {0}%&lt;/b&gt; — {1}. Are they the same person?</translation>
    </message>
    <message>
        <source>(tidak diisi)</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <source>{0} kegiatan</source>
        <translation>{0} sessions</translation>
    </message>
    <message>
        <source>{0} s.d. {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <source>NIK sama</source>
        <translation>same NIK</translation>
    </message>
    <message>
        <source>nama sama, tahun lahir dan desa sama</source>
        <translation>same name, same birth year and village</translation>
    </message>
    <message>
        <source>nama mirip, tahun lahir dan desa sama</source>
        <translation>similar name, same birth year and village</translation>
    </message>
    <message>
        <source>Digabungkan: {0} dihitung sebagai satu orang.</source>
        <translation>Linked: {0} counts as one person.</translation>
    </message>
    <message>
        <source>Dicatat sebagai dua orang berbeda; pasangan ini tidak disarankan lagi.</source>
        <translation>Recorded as two different people; this pair will not be suggested again.</translation>
    </message>
    <message>
        <source>Keputusan terakhir dibatalkan.</source>
        <translation>The last decision was undone.</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <source>Akhiri desa binaan</source>
        <translation>End desa binaan</translation>
    </message>
    <message>
        <source>Desa {0} tidak lagi menjadi desa binaan. Data dan riwayatnya tetap di register.</source>
        <translation>Village {0} is no longer a desa binaan. Its data and history stay in the register.</translation>
    </message>
    <message>
        <source>&amp;Tanggal berakhir</source>
        <translation>&amp;End date</translation>
    </message>
    <message>
        <source>&amp;Alasan</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Akhiri</source>
        <translation>End</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Selamat datang di Petugas Pembina</source>
        <translation>Welcome to Petugas Pembina</translation>
    </message>
    <message>
        <source>Isi profil petugas untuk perangkat ini. Data tersimpan di laptop ini dan dapat dikirim ke kantor sebagai bundel.</source>
        <translation>Fill in the officer profile for this device. Data stays on this laptop and can be sent to the office as a bundle.</translation>
    </message>
    <message>
        <source>Petugas lapangan (kegiatan, daftar hadir, rujukan)</source>
        <translation>Field officer (sessions, sign-ins, referrals)</translation>
    </message>
    <message>
        <source>Petugas kantor (impor bundel, konflik, duplikat, rekap)</source>
        <translation>Office clerk (bundle import, conflicts, duplicates, recap)</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>&amp;Nama petugas</source>
        <translation>Officer&apos;s &amp;name</translation>
    </message>
    <message>
        <source>N&amp;IP</source>
        <translation>N&amp;IP</translation>
    </message>
    <message>
        <source>&amp;Kantor</source>
        <translation>&amp;Office</translation>
    </message>
    <message>
        <source>&amp;Jabatan</source>
        <translation>&amp;Position</translation>
    </message>
    <message>
        <source>&amp;Peran</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>&amp;Bahasa</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Lokasi data</source>
        <translation>Data location</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pilih folder data (di disk laptop)</source>
        <translation>Choose the data folder (on the laptop&apos;s disk)</translation>
    </message>
    <message>
        <source>Isi profil petugas kantor untuk komputer ini. Bundel dari para petugas lapangan digabungkan dan direkap di sini; data tersimpan di komputer ini.</source>
        <translation>Fill in the office clerk&apos;s profile for this computer. Bundles from the field officers are merged and summarised here; the data are stored on this computer.</translation>
    </message>
    <message>
        <source>Nama petugas wajib diisi.</source>
        <translation>The officer&apos;s name is required.</translation>
    </message>
    <message>
        <source>Nama kantor wajib diisi.</source>
        <translation>The office name is required.</translation>
    </message>
</context>
<context>
    <name>ImportTask</name>
    <message>
        <source>Tanda terima tidak ditulis: kantor ini belum punya kunci kantor (Perangkat dan kunci…), jadi laptop petugas tidak dapat memeriksanya.</source>
        <translation>No receipts written: this office has no office keys yet (Devices and keys…), so the officers&apos; laptops could not check them.</translation>
    </message>
    <message>
        <source>{0} tanda terima bertanda tangan kantor ditulis ke {1}; petugas membawa flashdisk itu kembali agar bundelnya tercatat diterima.</source>
        <translation>{0} receipts signed by the office written to {1}; the officer takes that stick back so the bundles are recorded as received.</translation>
    </message>
    <message>
        <source>• {0}: {1}, petugas {2}</source>
        <translation>• {0}: {1}, officer {2}</translation>
    </message>
    <message>
        <source>• … dan {0} bundel lain</source>
        <translation>• … and {0} more bundle(s)</translation>
    </message>
    <message>
        <source>{0} bundel dibuat petugas kantor lain, bukan {1}:

{2}

Bila digabungkan, kegiatan dan peserta kantor lain ikut masuk data dan rekap kantor ini. Lewati bundel itu bila flashdisk tertukar.</source>
        <translation>{0} bundle(s) were made by officers of another office, not {1}:

{2}

If merged, the other office&apos;s sessions and participants join this office&apos;s data and recap. Skip those bundles if the USB sticks were mixed up.</translation>
    </message>
    <message>
        <source>Bundel dari kantor lain</source>
        <translation>Bundles from another office</translation>
    </message>
    <message>
        <source>Lewati bundel kantor lain</source>
        <translation>Skip the other office&apos;s bundles</translation>
    </message>
    <message>
        <source>Gabungkan semua</source>
        <translation>Merge all</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InboxControl</name>
    <message>
        <source>Kotak masuk kantor (menerima kiriman petugas lewat jaringan)</source>
        <translation>Office inbox (receives officers&apos; bundles over the network)</translation>
    </message>
    <message>
        <source>Mati.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <source>Port </source>
        <translation>Port </translation>
    </message>
    <message>
        <source>0: port bebas mana saja</source>
        <translation>0: any free port</translation>
    </message>
    <message>
        <source>Mulai kotak masuk</source>
        <translation>Start inbox</translation>
    </message>
    <message>
        <source>Memulai…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Hentikan kotak masuk</source>
        <translation>Stop inbox</translation>
    </message>
    <message>
        <source>Berjalan di {0} — petugas mengirim ke alamat ini.</source>
        <translation>Running at {0} — officers send to this address.</translation>
    </message>
    <message>
        <source>Menghentikan…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>Tidak berjalan: {0}</source>
        <translation>Not running: {0}</translation>
    </message>
    <message>
        <source>Dihentikan.</source>
        <translation>Stopped.</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <source>&lt;b&gt;Seret berkas bundel atau seluruh folder (flashdisk) ke sini&lt;/b&gt;&lt;br&gt;Setiap berkas diperiksa utuh; berkas rusak ditolak tanpa mengubah data.</source>
        <translation>&lt;b&gt;Drop bundle files or a whole folder (USB stick) here&lt;/b&gt;&lt;br&gt;Each file is checked whole; a damaged file is refused without changing any data.</translation>
    </message>
    <message>
        <source>Impor &amp;folder…</source>
        <translation>&amp;Import folder…</translation>
    </message>
    <message>
        <source>&amp;Impor berkas…</source>
        <translation>Import fi&amp;les…</translation>
    </message>
    <message>
        <source>Pan&amp;tau folder kotak masuk…</source>
        <translation>Wa&amp;tch an inbox folder…</translation>
    </message>
    <message>
        <source>Hasil impor terakhir</source>
        <translation>Last import</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Bundel yang sudah diterima, per petugas dan perangkat</source>
        <translation>Bundles received, per officer and device</translation>
    </message>
    <message>
        <source>Kantor</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Perangkat</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Nomor terakhir</source>
        <translation>Latest number</translation>
    </message>
    <message>
        <source>Terakhir diterima</source>
        <translation>Last received</translation>
    </message>
    <message>
        <source>Kekurangan</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Pilih folder berisi bundel (mis. flashdisk)</source>
        <translation>Choose a folder with bundles (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>Pilih bundel</source>
        <translation>Choose bundles</translation>
    </message>
    <message>
        <source>Folder kotak masuk yang dipantau</source>
        <translation>Inbox folder to watch</translation>
    </message>
    <message>
        <source>Folder kotak masuk dipantau: {0} — bundel baru diimpor otomatis.</source>
        <translation>Watching the inbox folder {0} — new bundles are imported automatically.</translation>
    </message>
    <message>
        <source>Tidak ada folder kotak masuk yang dipantau.</source>
        <translation>No inbox folder is watched.</translation>
    </message>
    <message>
        <source>Kotak masuk</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Tidak ada berkas bundel (.json) di sana.</source>
        <translation>There are no bundle files (.json) there.</translation>
    </message>
    <message>
        <source>Bundel kantor lain dilewati; tidak ada yang diimpor.</source>
        <translation>The other office&apos;s bundles were skipped; nothing was imported.</translation>
    </message>
    <message>
        <source>Mengimpor {0} berkas…</source>
        <translation>Importing {0} files…</translation>
    </message>
    <message>
        <source>— (bundel ditolak, pengirim tidak dibaca)</source>
        <translation>— (bundle refused, sender not read)</translation>
    </message>
    <message>
        <source>— (bukan bundel)</source>
        <translation>— (not a bundle)</translation>
    </message>
    <message>
        <source>— (perangkat pengirim belum dikenal)</source>
        <translation>— (sending device not known yet)</translation>
    </message>
    <message>
        <source>lengkap</source>
        <translation>complete</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Daftar hadir mandiri</source>
        <translation>Self sign-in</translation>
    </message>
    <message>
        <source>&lt;b&gt;Selamat datang&lt;/b&gt; — {0}&lt;br&gt;Isi data Anda lalu tekan &lt;b&gt;Simpan&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Welcome&lt;/b&gt; — {0}&lt;br&gt;Fill in your details, then press &lt;b&gt;Save&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Keluar (petugas)</source>
        <translation>Leave (officer)</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>mis. 1990</source>
        <translation>e.g. 1990</translation>
    </message>
    <message>
        <source>(pilih bila sesuai)</source>
        <translation>(choose if it applies)</translation>
    </message>
    <message>
        <source>boleh dikosongkan</source>
        <translation>may be left empty</translation>
    </message>
    <message>
        <source>wajib bila di bawah 18 tahun</source>
        <translation>required under 18</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Tahun lahir</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Orang tua/wali</source>
        <translation>Parent/guardian</translation>
    </message>
    <message>
        <source>Hapus tanda tangan</source>
        <translation>Clear signature</translation>
    </message>
    <message>
        <source>Saya setuju data saya dicatat untuk kegiatan ini</source>
        <translation>I agree to my data being recorded for this activity</translation>
    </message>
    <message>
        <source>Saya setuju difoto untuk dokumentasi</source>
        <translation>I agree to be photographed for the record</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Tanda tangan (boleh dikosongkan)</source>
        <translation>Signature (may be left empty)</translation>
    </message>
    <message>
        <source>Terlalu banyak PIN salah. Coba lagi dalam {0} detik.</source>
        <translation>Too many wrong PINs. Try again in {0} seconds.</translation>
    </message>
    <message>
        <source>PIN salah. Coba lagi dalam {0} detik.</source>
        <translation>Wrong PIN. Try again in {0} seconds.</translation>
    </message>
    <message>
        <source>Tahun lahir wajib diisi.</source>
        <translation>The birth year is required.</translation>
    </message>
    <message>
        <source>Anda sudah tercatat hadir di kegiatan ini. Terima kasih.</source>
        <translation>You are already signed in to this activity. Thank you.</translation>
    </message>
    <message>
        <source>NIK ini sudah terdaftar dengan data lain. Periksa NIK Anda, atau kosongkan dan minta bantuan petugas.</source>
        <translation>This NIK is registered with other details. Check your NIK, or leave it empty and ask an officer for help.</translation>
    </message>
    <message>
        <source>Pilih Laki-laki atau Perempuan.</source>
        <translation>Choose Male or Female.</translation>
    </message>
    <message>
        <source>Centang “Saya setuju data saya dicatat” agar kehadiran Anda dapat dicatat.</source>
        <translation>Tick “I agree to my data being recorded” so your attendance can be recorded.</translation>
    </message>
    <message>
        <source>Selamat datang kembali! Anda sudah tercatat hadir. Terima kasih.</source>
        <translation>Welcome back! You are signed in. Thank you.</translation>
    </message>
    <message>
        <source>Terima kasih, Anda sudah tercatat hadir.</source>
        <translation>Thank you, you are signed in.</translation>
    </message>
    <message>
        <source>Keluar dari mode kiosk</source>
        <translation>Leave kiosk mode</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Petugas Pembina sudah terbuka pada basis data ini ({name}). Gunakan jendela yang sudah terbuka (lihat bilah tugas).</source>
        <translation>Petugas Pembina is already open on this database ({name}). Use the window that is open (see the taskbar).</translation>
    </message>
</context>
<context>
    <name>ListImportDialog</name>
    <message>
        <source>Impor daftar peserta</source>
        <translation>Import participant list</translation>
    </message>
    <message>
        <source>Belum ada berkas.</source>
        <translation>No file yet.</translation>
    </message>
    <message>
        <source>Pilih berkas CSV/XLSX…</source>
        <translation>Choose a CSV/XLSX file…</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jenis kelamin (L/P)</source>
        <translation>Sex (L/P)</translation>
    </message>
    <message>
        <source>Tahun lahir</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>(hanya tambahkan ke data peserta)</source>
        <translation>(only add to participants)</translation>
    </message>
    <message>
        <source>Catat juga sebagai hadir di kegiatan:</source>
        <translation>Also sign them in to activity:</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pilih daftar peserta</source>
        <translation>Choose participant list</translation>
    </message>
    <message>
        <source>{0}: {1} baris</source>
        <translation>{0}: {1} rows</translation>
    </message>
    <message>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>kolom {0}</source>
        <translation>column {0}</translation>
    </message>
    <message>
        <source>baru</source>
        <translation>new</translation>
    </message>
    <message>
        <source>peserta lama</source>
        <translation>returning</translation>
    </message>
    <message>
        <source>lewati</source>
        <translation>skip</translation>
    </message>
    <message>
        <source>Baris {0}: {1} — {2}</source>
        <translation>Row {0}: {1} — {2}</translation>
    </message>
    <message>
        <source>{0} orang baru, {1} peserta lama, {2} dilewati; {3} baris bermasalah.</source>
        <translation>{0} new people, {1} returning, {2} skipped; {3} rows with problems.</translation>
    </message>
    <message>
        <source>orang baru</source>
        <translation>new person</translation>
    </message>
    <message>
        <source>sudah tercatat hadir di kegiatan ini</source>
        <translation>already signed in to this activity</translation>
    </message>
    <message>
        <source>sudah tercatat; tidak ditambahkan lagi</source>
        <translation>already recorded; not added again</translation>
    </message>
    <message>
        <source>pernah hadir; dicatat hadir</source>
        <translation>came before; signed in</translation>
    </message>
    <message>
        <source>NIK sudah tercatat untuk orang lain (nama berbeda)</source>
        <translation>NIK already recorded for someone else (different name)</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Rencana</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Baris {0}: {1}</source>
        <translation>Row {0}: {1}</translation>
    </message>
    <message>
        <source>Mengimpor daftar peserta…</source>
        <translation>Importing participant list…</translation>
    </message>
</context>
<context>
    <name>ListingView</name>
    <message>
        <source>Tidak ada yang cocok dengan &quot;{0}&quot;.</source>
        <translation>Nothing matches &quot;{0}&quot;.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>{0} — terkunci</source>
        <translation>{0} — locked</translation>
    </message>
    <message>
        <source>{0} terkunci</source>
        <translation>{0} is locked</translation>
    </message>
    <message>
        <source>Data tidak ditampilkan selama aplikasi terkunci. Ketik PIN petugas untuk membuka; jendela yang terbuka kembali seperti semula.</source>
        <translation>No data is shown while the app is locked. Type the officer&apos;s PIN to unlock; open windows come back as they were.</translation>
    </message>
    <message>
        <source>Data tidak ditampilkan selama aplikasi terkunci. Ketik kata sandi untuk membuka; jendela yang terbuka kembali seperti semula.</source>
        <translation>No data is shown while the app is locked. Type the password to unlock; open windows come back as they were.</translation>
    </message>
    <message>
        <source>&amp;Buka kunci</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>&amp;PIN petugas</source>
        <translation>Officer &amp;PIN</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Lupa kata sandi? Pakai kunci pemulihan…</source>
        <translation>Forgot the password? Use the recovery key…</translation>
    </message>
    <message>
        <source>Ketik PIN petugas terlebih dahulu.</source>
        <translation>Type the officer&apos;s PIN first.</translation>
    </message>
    <message>
        <source>Ketik kata sandi terlebih dahulu.</source>
        <translation>Type the password first.</translation>
    </message>
    <message>
        <source>PIN salah. Coba lagi dalam {0} detik.</source>
        <translation>Wrong PIN. Try again in {0} seconds.</translation>
    </message>
    <message>
        <source>Kata sandi salah. Coba lagi dalam {0} detik.</source>
        <translation>Wrong password. Try again in {0} seconds.</translation>
    </message>
</context>
<context>
    <name>LockSettingsDialog</name>
    <message>
        <source>Kunci otomatis</source>
        <translation>Automatic lock</translation>
    </message>
    <message>
        <source>Jendela petugas terkunci bila keyboard dan mouse tidak dipakai selama waktu ini, dan kapan saja dengan Ctrl+L. Mode kiosk tetap menerima daftar hadir selama jendela petugas terkunci.</source>
        <translation>The officer&apos;s window locks when keyboard and mouse are not used for this long, and at any time with Ctrl+L. Kiosk mode keeps taking sign-ins while the officer&apos;s window is locked.</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>&amp;Kunci setelah</source>
        <translation>&amp;Lock after</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Hadir</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>L</source>
        <translation>M</translation>
    </message>
    <message>
        <source>P</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>Cari kegiatan (judul, desa, tempat)…</source>
        <translation>Search activities (title, village, venue)…</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <source>Tahun Lahir</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Kehadiran</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Cari nama, NIK, desa atau nomor HP…</source>
        <translation>Search name, NIK, village or phone…</translation>
    </message>
    <message>
        <source>Tanggal Rujuk</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Jenis Risiko</source>
        <translation>Risk type</translation>
    </message>
    <message>
        <source>Urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Instansi Penerima</source>
        <translation>Receiving agency</translation>
    </message>
    <message>
        <source>Tindak Lanjut</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Cari status, jenis risiko, instansi…</source>
        <translation>Search status, risk type, agency…</translation>
    </message>
    <message>
        <source>&amp;Kegiatan</source>
        <translation>&amp;Activities</translation>
    </message>
    <message>
        <source>&amp;Peserta</source>
        <translation>&amp;Participants</translation>
    </message>
    <message>
        <source>&amp;Rujukan</source>
        <translation>&amp;Referrals</translation>
    </message>
    <message>
        <source>&amp;Sinkronisasi</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <source>&amp;Dokumen</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>Desa sa&amp;ya</source>
        <translation>My desa &amp;binaan</translation>
    </message>
    <message>
        <source>Kegiatan baru (Ctrl+N)</source>
        <translation>New activity (Ctrl+N)</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Daftar hadir (Ctrl+D)</source>
        <translation>Attendance (Ctrl+D)</translation>
    </message>
    <message>
        <source>Mode kiosk (F11)</source>
        <translation>Kiosk mode (F11)</translation>
    </message>
    <message>
        <source>Hapus kegiatan…</source>
        <translation>Delete activity…</translation>
    </message>
    <message>
        <source>Kegiatan terhapus…</source>
        <translation>Deleted activities…</translation>
    </message>
    <message>
        <source>Daftarkan desa binaan…</source>
        <translation>Register desa binaan…</translation>
    </message>
    <message>
        <source>Ubah data…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Rujuk peserta ini…</source>
        <translation>Refer this participant…</translation>
    </message>
    <message>
        <source>Impor daftar peserta (CSV/XLSX)…</source>
        <translation>Import participant list (CSV/XLSX)…</translation>
    </message>
    <message>
        <source>Hapus data pribadi (UU PDP)…</source>
        <translation>Erase personal data (PDP law)…</translation>
    </message>
    <message>
        <source>Buka / ubah…</source>
        <translation>Open / edit…</translation>
    </message>
    <message>
        <source>Catatan audit…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <source>Kunci aplikasi</source>
        <translation>Lock the app</translation>
    </message>
    <message>
        <source>Kunci otomatis…</source>
        <translation>Automatic lock…</translation>
    </message>
    <message>
        <source>Ganti kata sandi…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>Mode kerj&amp;a</source>
        <translation>&amp;Work mode</translation>
    </message>
    <message>
        <source>Petugas lapangan</source>
        <translation>Field officer</translation>
    </message>
    <message>
        <source>Petugas kantor</source>
        <translation>Office clerk</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Tidak ada konflik atau duplikat yang menunggu keputusan</source>
        <translation>No conflicts or duplicates waiting for a decision</translation>
    </message>
    <message>
        <source>Menunggu keputusan: {0} konflik, {1} duplikat</source>
        <translation>Waiting for a decision: {0} conflict(s), {1} duplicate(s)</translation>
    </message>
    <message>
        <source>Semua rekaman sudah diekspor; {0} berkas belum dikonfirmasi kantor</source>
        <translation>All records exported; {0} files not yet confirmed by the office</translation>
    </message>
    <message>
        <source>{0} konflik perlu diperiksa (tab Sinkronisasi)</source>
        <translation>{0} conflicts to check (Sync tab)</translation>
    </message>
    <message>
        <source>Aplikasi terkunci setelah {0} menit tidak dipakai.</source>
        <translation>The app locks after {0} minutes without use.</translation>
    </message>
    <message>
        <source>Basis data ini tidak memakai kata sandi.</source>
        <translation>This database does not use a password.</translation>
    </message>
    <message>
        <source>Kata sandi diganti. Kunci pemulihan tetap sama.</source>
        <translation>Password changed. The recovery key stays the same.</translation>
    </message>
    <message>
        <source>Kegiatan ini adalah pembentukan desa binaan. Daftarkan Desa {0} di register desa binaan sekarang?</source>
        <translation>This session formed a desa binaan. Register village {0} in the desa binaan register now?</translation>
    </message>
    <message>
        <source>Desa binaan</source>
        <translation>Desa binaan</translation>
    </message>
    <message>
        <source>Pilih kegiatan berjenis Pembentukan Desa Binaan. Desa lain dapat ditambahkan dari tab Desa Binaan.</source>
        <translation>Pick a session of the kind Formation of Desa Binaan. Other villages can be added from the Desa Binaan tab.</translation>
    </message>
    <message>
        <source>Hapus permanen semua data {0} ({1}, {2}): kehadiran, rujukan dan sertifikat? Penghapusan ikut terkirim dalam bundel dan tidak dapat dibatalkan.</source>
        <translation>Permanently erase all data of {0} ({1}, {2}): sign-ins, referrals and certificates? The erasure travels in bundles and cannot be undone.</translation>
    </message>
    <message>
        <source>Hapus permanen</source>
        <translation>Erase permanently</translation>
    </message>
    <message>
        <source>Data pribadi dihapus</source>
        <translation>Personal data erased</translation>
    </message>
    <message>
        <source>{0} rekaman dihapus permanen.</source>
        <translation>{0} records erased for good.</translation>
    </message>
    <message>
        <source>Tidak dapat ditarik kembali:</source>
        <translation>Cannot be recalled:</translation>
    </message>
    <message>
        <source>Hapus kegiatan “{0}” ({1}) beserta {2} tanda hadirnya? Kegiatan dapat dipulihkan lewat “Kegiatan terhapus…”.</source>
        <translation>Delete the activity “{0}” ({1}) with its {2} sign-ins? It can be restored from “Deleted activities…”.</translation>
    </message>
    <message>
        <source>Hapus kegiatan</source>
        <translation>Delete activity</translation>
    </message>
    <message>
        <source>Kegiatan “{0}” dihapus.</source>
        <translation>Activity “{0}” deleted.</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Belum ada kegiatan. Tekan Ctrl+N untuk membuat.</source>
        <translation>No activities yet. Press Ctrl+N to create one.</translation>
    </message>
    <message>
        <source>Belum ada peserta. Catat lewat Daftar hadir (Ctrl+D) di tab Kegiatan, atau tekan Impor daftar peserta di bawah.</source>
        <translation>No participants yet. Record them with Attendance (Ctrl+D) in the Activities tab, or press Import participant list below.</translation>
    </message>
    <message>
        <source>Belum ada rujukan. Pilih peserta di tab Peserta, lalu Rujuk peserta ini…</source>
        <translation>No referrals yet. Choose a participant in the Participants tab, then Refer this participant…</translation>
    </message>
    <message>
        <source>Kegiatan baru</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>Daftar hadir kegiatan terpilih</source>
        <translation>Attendance of the selected activity</translation>
    </message>
    <message>
        <source>Mode kiosk</source>
        <translation>Kiosk mode</translation>
    </message>
    <message>
        <source>Ekspor bundel</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <source>Impor bundel</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>Instansi penerima rujukan…</source>
        <translation>Receiving agencies…</translation>
    </message>
    <message>
        <source>Cari</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Segarkan</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Basis data: {0}   Perangkat: {1}   {2}</source>
        <translation>Database: {0}   Device: {1}   {2}</translation>
    </message>
    <message>
        <source>{0} rekaman belum dikirim</source>
        <translation>{0} records not yet sent</translation>
    </message>
    <message>
        <source>Semua rekaman sudah dikirim</source>
        <translation>All records sent</translation>
    </message>
    <message>
        <source>⚠ Jam laptop terlambat — periksa tanggal dan jam</source>
        <translation>⚠ Laptop clock is behind — check the date and time</translation>
    </message>
    <message>
        <source>Jam laptop menunjukkan waktu {0} lebih awal dari waktu terbaru yang sudah tercatat di basis data ({1}). Perbaiki tanggal dan jam di pengaturan Windows. Data tetap tersimpan dengan urutan yang benar.</source>
        <translation>The laptop clock is {0} behind the newest time already recorded in the database ({1}). Correct the date and time in the Windows settings. Data is still stored in the right order.</translation>
    </message>
    <message>
        <source>{0} tahun</source>
        <translation>{0} years</translation>
    </message>
    <message>
        <source>{0} hari</source>
        <translation>{0} days</translation>
    </message>
    <message>
        <source>{0} jam</source>
        <translation>{0} hours</translation>
    </message>
    <message>
        <source>{0} menit</source>
        <translation>{0} minutes</translation>
    </message>
    <message>
        <source>Bahasa berganti setelah aplikasi dibuka ulang.</source>
        <translation>The language changes when the app is opened again.</translation>
    </message>
    <message>
        <source>Pilih kegiatan di tab Kegiatan dahulu.</source>
        <translation>Select an activity in the Activities tab first.</translation>
    </message>
    <message>
        <source>Pilih peserta di tab Peserta dahulu.</source>
        <translation>Select a participant in the Participants tab first.</translation>
    </message>
    <message>
        <source>Hapus data pribadi</source>
        <translation>Erase personal data</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>Kata sandi basis data</source>
        <translation>Database password</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <source>Kata sandi &amp;baru</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi baru</source>
        <translation>&amp;Repeat the new password</translation>
    </message>
    <message>
        <source>Kata &amp;sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>Minimal {0} karakter. Kata sandi ini membuka data di laptop ini; tanpa kata sandi atau kunci pemulihan, data tidak dapat dibuka.</source>
        <translation>At least {0} characters. This password opens the data on this laptop; without the password or the recovery key the data cannot be opened.</translation>
    </message>
    <message>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Kata sandi minimal {0} karakter.</source>
        <translation>The password needs at least {0} characters.</translation>
    </message>
    <message>
        <source>Kata sandi tidak boleh diawali atau diakhiri spasi.</source>
        <translation>The password may not begin or end with a space.</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>Profil kantor</source>
        <translation>Office profile</translation>
    </message>
    <message>
        <source>Belum diisi (dokumen bertanda DRAF): {0}</source>
        <translation>Not filled in yet (documents are marked DRAF): {0}</translation>
    </message>
    <message>
        <source>Salin ke isian</source>
        <translation>Copy into the fields</translation>
    </message>
    <message>
        <source>Profil dari bundel petugas</source>
        <translation>Profile from an officer&apos;s bundle</translation>
    </message>
    <message>
        <source>Kop surat dan penanda tangan yang dibawa bundel petugas. Disalin ke isian di bawah; periksa, lalu Simpan.</source>
        <translation>The letterhead and signatory an officer&apos;s bundle brought. Copied into the fields below; check them, then Save.</translation>
    </message>
    <message>
        <source>Kop surat
(satu baris per baris)</source>
        <translation>Letterhead
(one line per line)</translation>
    </message>
    <message>
        <source>18 digit, mis. 19750315 200003 1 002</source>
        <translation>18 digits, e.g. 19750315 200003 1 002</translation>
    </message>
    <message>
        <source>{seq:04d} = nomor urut (4 angka), {device} = kode perangkat ({0}), {month_roman} = bulan (angka Romawi), {month} = bulan (angka), {year} = tahun</source>
        <translation>{seq:04d} = sequence number (4 digits), {device} = device code ({0}), {month_roman} = month (Roman numerals), {month} = month (number), {year} = year</translation>
    </message>
    <message>
        <source>Awalan (a.n./Plh./Plt.)</source>
        <translation>Prefix (a.n./Plh./Plt.)</translation>
    </message>
    <message>
        <source>Kalimat sertifikat</source>
        <translation>Certificate sentence</translation>
    </message>
    <message>
        <source>Isian yang diganti: {kegiatan} {kantor} {tanggal} {tempat}</source>
        <translation>Filled in: {kegiatan} {kantor} {tanggal} {tempat}</translation>
    </message>
    <message>
        <source>ada</source>
        <translation>present</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Pilih PNG…</source>
        <translation>Choose PNG…</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Situs web</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Nama penanda tangan</source>
        <translation>Signatory&apos;s name</translation>
    </message>
    <message>
        <source>NIP penanda tangan</source>
        <translation>Signatory&apos;s NIP</translation>
    </message>
    <message>
        <source>Jabatan penanda tangan</source>
        <translation>Signatory&apos;s position</translation>
    </message>
    <message>
        <source>Judul sertifikat</source>
        <translation>Certificate title</translation>
    </message>
    <message>
        <source>Pola nomor sertifikat</source>
        <translation>Certificate number pattern</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Tanda tangan</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Cap/stempel</source>
        <translation>Stamp</translation>
    </message>
    <message>
        <source>Contoh nomor: {0}</source>
        <translation>Example number: {0}</translation>
    </message>
    <message>
        <source>Pilih gambar PNG</source>
        <translation>Choose a PNG image</translation>
    </message>
    <message>
        <source>Gambar</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Pilih berkas PNG di bawah 1,4 MB.</source>
        <translation>Choose a PNG file under 1.4 MB.</translation>
    </message>
    <message>
        <source>dipilih</source>
        <translation>chosen</translation>
    </message>
    <message>
        <source>Sertifikat dan laporan bertanda DRAF sampai profil kantor (kop surat dan penanda tangan) lengkap. Belum diisi: {0}.

Isi sekarang? Bisa juga nanti: tab Dokumen, Profil kantor.</source>
        <translation>Certificates and reports are marked DRAF (draft) until the office profile (letterhead and signatory) is complete. Not yet filled in: {0}.

Fill it in now? You can also do it later: Documents tab, Office profile.</translation>
    </message>
    <message>
        <source>Isi profil kantor…</source>
        <translation>Fill in the office profile…</translation>
    </message>
    <message>
        <source>Nanti</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Kotak keluar (ke kantor lewat jaringan atau flashdisk)</source>
        <translation>Outbox (to the office over the network or on a USB stick)</translation>
    </message>
    <message>
        <source>Alamat kotak masuk kantor:</source>
        <translation>Office inbox address:</translation>
    </message>
    <message>
        <source>https://192.168.1.10:8443 (tanyakan ke kantor)</source>
        <translation>https://192.168.1.10:8443 (ask the office)</translation>
    </message>
    <message>
        <source>Alamat yang ditampilkan kotak masuk kantor saat dimulai. Sertifikatnya dicocokkan dengan berkas kunci kantor yang terdaftar, jadi alamat yang salah tidak menerima apa pun.</source>
        <translation>The address the office inbox shows when it starts. Its certificate is checked against the enrolled office key file, so a wrong address receives nothing.</translation>
    </message>
    <message>
        <source>Kirim sekarang</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Periksa &amp;tanda terima</source>
        <translation>C&amp;heck receipts</translation>
    </message>
    <message>
        <source>Cari tanda terima kantor (tanda-terima-*.json) di folder tempat bundel ditulis, mis. flashdisk yang kembali dari kantor.</source>
        <translation>Look for the office&apos;s receipts (tanda-terima-*.json) in the folders the bundles were written to, e.g. a stick back from the office.</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>menunggu</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>terkirim, menunggu tanda terima</source>
        <translation>sent, awaiting receipt</translation>
    </message>
    <message>
        <source>dikonfirmasi kantor</source>
        <translation>confirmed by the office</translation>
    </message>
    <message>
        <source>ditarik: tidak tersegel, isinya dikirim ulang tersegel</source>
        <translation>withdrawn: not sealed, its contents go again sealed</translation>
    </message>
    <message>
        <source>belum dikirim</source>
        <translation>not sent yet</translation>
    </message>
    <message>
        <source>menunggu tanda terima</source>
        <translation>awaiting receipt</translation>
    </message>
    <message>
        <source>kantor (alamat belum diatur)</source>
        <translation>office (address not set)</translation>
    </message>
    <message>
        <source>kantor menolak bundel tanpa segel; isinya ikut di ekspor berikutnya</source>
        <translation>the office refuses unsealed bundles; its contents go in the next export</translation>
    </message>
    <message>
        <source>{0} · dicoba lagi {1}</source>
        <translation>{0} · next try {1}</translation>
    </message>
    <message>
        <source>ditulis ke folder, menunggu tanda terima</source>
        <translation>written to the folder, awaiting receipt</translation>
    </message>
    <message>
        <source>Berkas foto #{0}</source>
        <translation>Photo file #{0}</translation>
    </message>
    <message>
        <source>Bundel #{0}</source>
        <translation>Bundle #{0}</translation>
    </message>
    <message>
        <source>Belum dikirim {0} · menunggu tanda terima {1} · dikonfirmasi {2}</source>
        <translation>Not sent {0} · awaiting receipt {1} · confirmed {2}</translation>
    </message>
    <message>
        <source>{0} berkas ditarik karena tidak tersegel untuk kantor: ekspor lagi ke flashdisk atau tekan Kirim sekarang agar isinya terkirim tersegel.</source>
        <translation>{0} file(s) withdrawn because they are not sealed to the office: export to the USB stick again or press Send now so their contents go sealed.</translation>
    </message>
    <message>
        <source>{0} bundel dikonfirmasi kantor lewat tanda terima di folder.</source>
        <translation>{0} bundles confirmed by the office through receipts in the folder.</translation>
    </message>
    <message>
        <source>Tidak ada tanda terima baru di folder tujuan ekspor. Colokkan flashdisk yang kembali dari kantor, lalu periksa lagi.</source>
        <translation>No new receipts in the export folders. Plug in the stick that came back from the office, then check again.</translation>
    </message>
    <message>
        <source>Belum ada kantor terdaftar: daftarkan berkas kunci kantor dulu (Perangkat dan kunci…).</source>
        <translation>No office enrolled yet: enrol the office key file first (Devices and keys…).</translation>
    </message>
    <message>
        <source>Isi alamat kotak masuk kantor dulu (contoh https://192.168.1.10:8443; tanyakan ke petugas kantor yang menjalankan kotak masuk).</source>
        <translation>Enter the office inbox address first (for example https://192.168.1.10:8443; ask the office staff who run the inbox).</translation>
    </message>
    <message>
        <source>Alamat tidak sah: harus diawali https:// lalu alamat dan port kantor.</source>
        <translation>Invalid address: it must start with https:// followed by the office&apos;s address and port.</translation>
    </message>
    <message>
        <source>Mengirim ke kantor…</source>
        <translation>Sending to the office…</translation>
    </message>
    <message>
        <source>{0} berkas belum sampai; alasannya di kolom Keterangan. Dicoba lagi otomatis selama jendela ini terbuka, atau tekan Kirim sekarang.</source>
        <translation>{0} files have not arrived; the reason is in the Details column. Tried again automatically while this window is open, or press Send now.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Basis data ini dibuat versi lama dan belum terenkripsi. Pilih kata sandi: data akan dienkripsi sekarang (sebuah cadangan dibuat dulu).</source>
        <translation>This database was made by an older version and is not encrypted yet. Choose a password: the data will be encrypted now (a backup is made first).</translation>
    </message>
    <message>
        <source>Buka Petugas Pembina</source>
        <translation>Open Petugas Pembina</translation>
    </message>
    <message>
        <source>Data di laptop ini terenkripsi. Ketik kata sandi untuk membukanya.</source>
        <translation>The data on this laptop is encrypted. Type the password to open it.</translation>
    </message>
    <message>
        <source>Kata &amp;sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Lupa kata sandi? Pakai kunci pemulihan…</source>
        <translation>Forgot the password? Use the recovery key…</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Kata sandi salah. Silakan coba lagi.</source>
        <translation>Wrong password. Please try again.</translation>
    </message>
    <message>
        <source>Kata sandi salah. Coba lagi dalam {0} detik.</source>
        <translation>Wrong password. Try again in {0} seconds.</translation>
    </message>
    <message>
        <source>Ketik kata sandi.</source>
        <translation>Type the password.</translation>
    </message>
    <message>
        <source>Mengenkripsi basis data…</source>
        <translation>Encrypting the database…</translation>
    </message>
    <message>
        <source>Mohon tunggu</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Ubah data peserta</source>
        <translation>Edit participant</translation>
    </message>
    <message>
        <source>Laki-laki (L)</source>
        <translation>Male (L)</translation>
    </message>
    <message>
        <source>Perempuan (P)</source>
        <translation>Female (P)</translation>
    </message>
    <message>
        <source>diketahui</source>
        <translation>known</translation>
    </message>
    <message>
        <source>wajib bila di bawah 18 tahun</source>
        <translation>required under 18</translation>
    </message>
    <message>
        <source>tersimpan: {0} — isi untuk mengganti</source>
        <translation>stored: {0} — type to replace</translation>
    </message>
    <message>
        <source>opsional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Hapus NIK</source>
        <translation>Remove NIK</translation>
    </message>
    <message>
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Jenis &amp;kelamin</source>
        <translation>Se&amp;x</translation>
    </message>
    <message>
        <source>&amp;Tahun lahir</source>
        <translation>Birth &amp;year</translation>
    </message>
    <message>
        <source>Tangga&amp;l lahir</source>
        <translation>Birth &amp;date</translation>
    </message>
    <message>
        <source>Kate&amp;gori</source>
        <translation>Cate&amp;gory</translation>
    </message>
    <message>
        <source>&amp;Desa/Kelurahan</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <source>Ala&amp;mat</source>
        <translation>Addr&amp;ess</translation>
    </message>
    <message>
        <source>No. &amp;HP</source>
        <translation>&amp;Mobile</translation>
    </message>
    <message>
        <source>N&amp;IK</source>
        <translation>N&amp;IK</translation>
    </message>
    <message>
        <source>Inst&amp;ansi</source>
        <translation>&amp;Agency</translation>
    </message>
    <message>
        <source>&amp;Jabatan</source>
        <translation>&amp;Position</translation>
    </message>
    <message>
        <source>Orang tua/&amp;wali</source>
        <translation>Pa&amp;rent/guardian</translation>
    </message>
    <message>
        <source>Tercatat pada daftar hadir: {0}</source>
        <translation>Recorded on the attendance list: {0}</translation>
    </message>
    <message>
        <source>pada daftar hadir: {0}</source>
        <translation>on the attendance list: {0}</translation>
    </message>
    <message>
        <source>Perubahan ikut terkirim dalam bundel berikutnya.</source>
        <translation>Changes travel in the next bundle.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Tambah &amp;foto…</source>
        <translation>Add &amp;photos…</translation>
    </message>
    <message>
        <source>Tambah dari f&amp;older…</source>
        <translation>Add from f&amp;older…</translation>
    </message>
    <message>
        <source>Simpan &amp;lokasi GPS foto baru</source>
        <translation>Keep GPS &amp;location of new photos</translation>
    </message>
    <message>
        <source>Biasanya dimatikan: lokasi foto dihapus agar tidak ikut tersebar.</source>
        <translation>Usually off: a photo&apos;s location is removed so it does not spread.</translation>
    </message>
    <message>
        <source>mis. Pembukaan oleh Kepala Desa</source>
        <translation>e.g. Opening by the village head</translation>
    </message>
    <message>
        <source>Lokasi GPS foto ini &amp;disimpan</source>
        <translation>GPS location of this photo is &amp;saved</translation>
    </message>
    <message>
        <source>◀ &amp;Geser</source>
        <translation>◀ &amp;Move</translation>
    </message>
    <message>
        <source>G&amp;eser ▶</source>
        <translation>Mo&amp;ve ▶</translation>
    </message>
    <message>
        <source>&amp;Hapus foto</source>
        <translation>&amp;Remove photo</translation>
    </message>
    <message>
        <source>&amp;Keterangan</source>
        <translation>&amp;Caption</translation>
    </message>
    <message>
        <source>Foto diperkecil (sisi terpanjang 1600 piksel) dan langsung tersimpan; seret berkas ke sini untuk menambah, seret gambar kecil untuk mengubah urutan. Foto tampil di Lampiran: Dokumentasi pada laporan kegiatan.</source>
        <translation>Photos are reduced (longest side 1600 pixels) and saved at once; drag files here to add them, drag a thumbnail to change the order. The photos appear in the annex &quot;Lampiran: Dokumentasi&quot; of the activity report.</translation>
    </message>
    <message>
        <source>{0} (belum diterima)</source>
        <translation>{0} (not received yet)</translation>
    </message>
    <message>
        <source>Belum ada foto.</source>
        <translation>No photos yet.</translation>
    </message>
    <message>
        <source>Diambil {0} · {1}×{2} piksel · {3} KB</source>
        <translation>Taken {0} · {1}×{2} pixels · {3} KB</translation>
    </message>
    <message>
        <source>Pilih foto kegiatan</source>
        <translation>Choose photos of the activity</translation>
    </message>
    <message>
        <source>Pilih folder foto (kartu kamera, ponsel)</source>
        <translation>Choose a photo folder (camera card, phone)</translation>
    </message>
    <message>
        <source>Menambahkan foto…</source>
        <translation>Adding photos…</translation>
    </message>
    <message>
        <source>{0} foto ditambahkan.</source>
        <translation>{0} photos added.</translation>
    </message>
    <message>
        <source>{0} sudah ada.</source>
        <translation>{0} already there.</translation>
    </message>
    <message>
        <source>{0} ditolak: {1}</source>
        <translation>{0} refused: {1}</translation>
    </message>
    <message>
        <source>Tidak ada berkas gambar di sana.</source>
        <translation>No picture files there.</translation>
    </message>
    <message>
        <source>Sebagian foto ditolak</source>
        <translation>Some photos were refused</translation>
    </message>
    <message>
        <source>Keterangan disimpan.</source>
        <translation>Caption saved.</translation>
    </message>
    <message>
        <source>Hapus lokasi foto</source>
        <translation>Remove photo location</translation>
    </message>
    <message>
        <source>Lokasi GPS dihapus dari foto ini dan tidak dapat dikembalikan. Lanjutkan?</source>
        <translation>The GPS location is removed from this photo and cannot be restored. Continue?</translation>
    </message>
    <message>
        <source>Hapus lokasi</source>
        <translation>Remove location</translation>
    </message>
    <message>
        <source>Hapus foto</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Foto ini dihapus permanen dari perangkat ini dan, lewat sinkronisasi, dari kantor. Lanjutkan?</source>
        <translation>This photo is erased for good from this device and, through sync, from the office. Continue?</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Pilih PIN 4–8 angka. PIN ini diminta saat keluar dari mode kiosk; jangan beri tahu peserta.</source>
        <translation>Choose a PIN of 4–8 digits. It is asked for when leaving kiosk mode; do not tell participants.</translation>
    </message>
    <message>
        <source>&amp;PIN petugas</source>
        <translation>Officer &amp;PIN</translation>
    </message>
    <message>
        <source>&amp;Ulangi PIN</source>
        <translation>&amp;Repeat PIN</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>4–8 angka</source>
        <translation>4–8 digits</translation>
    </message>
    <message>
        <source>PIN harus 4 sampai 8 angka.</source>
        <translation>The PIN must be 4 to 8 digits.</translation>
    </message>
    <message>
        <source>Kedua PIN tidak sama. Ketik PIN yang sama dua kali.</source>
        <translation>The two PINs differ. Type the same PIN twice.</translation>
    </message>
</context>
<context>
    <name>RecapView</name>
    <message>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Triwulan ini</source>
        <translation>This quarter</translation>
    </message>
    <message>
        <source>Triwulan lalu</source>
        <translation>Last quarter</translation>
    </message>
    <message>
        <source>Tahun ini</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>&amp;Wilayah</source>
        <translation>Re&amp;gion</translation>
    </message>
    <message>
        <source>&amp;Tampilkan</source>
        <translation>S&amp;how</translation>
    </message>
    <message>
        <source>Dar&amp;i</source>
        <translation>Fro&amp;m</translation>
    </message>
    <message>
        <source>Sertaka&amp;n data pribadi (nama, NIK tersamar, HP)</source>
        <translation>I&amp;nclude personal data (names, masked NIK, phones)</translation>
    </message>
    <message>
        <source>Cetak PD&amp;F untuk Kanwil…</source>
        <translation>PDF for &amp;the regional office…</translation>
    </message>
    <message>
        <source>Ekspor &amp;XLSX…</source>
        <translation>Export &amp;XLSX…</translation>
    </message>
    <message>
        <source>Ekspor &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <source>Semua wilayah</source>
        <translation>All regions</translation>
    </message>
    <message>
        <source>Tanggal awal harus sebelum tanggal akhir.</source>
        <translation>The start date must come before the end date.</translation>
    </message>
    <message>
        <source>Menghitung rekap…</source>
        <translation>Computing the recap…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; kegiatan · &lt;b&gt;{1}&lt;/b&gt; tanda hadir · &lt;b&gt;{2}&lt;/b&gt; peserta unik · &lt;b&gt;{3}&lt;/b&gt; rujukan · &lt;b&gt;{4}&lt;/b&gt; sertifikat terbit — {5}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; sessions · &lt;b&gt;{1}&lt;/b&gt; sign-ins · &lt;b&gt;{2}&lt;/b&gt; unique participants · &lt;b&gt;{3}&lt;/b&gt; referrals · &lt;b&gt;{4}&lt;/b&gt; certificates issued — {5}</translation>
    </message>
    <message>
        <source>Jumlah (tanpa hitung ganda): {0}. Satu kegiatan dengan dua petugas dihitung pada keduanya, sehingga jumlah baris dapat melebihi jumlah ini, yang menghitung setiap kegiatan atau tanda hadir sekali.</source>
        <translation>Total (each counted once): {0}. A session with two officers counts for both, so the rows may add up to more than this total, which counts each session or sign-in once.</translation>
    </message>
    <message>
        <source>Tidak diisi</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>{0} tahun</source>
        <translation>{0} years</translation>
    </message>
    <message>
        <source>Kegiatan per jenis</source>
        <translation>Sessions by type</translation>
    </message>
    <message>
        <source>Kegiatan per bulan</source>
        <translation>Sessions by month</translation>
    </message>
    <message>
        <source>Kehadiran per jenis kelamin</source>
        <translation>Attendance by sex</translation>
    </message>
    <message>
        <source>Kehadiran per kelompok usia</source>
        <translation>Attendance by age group</translation>
    </message>
    <message>
        <source>Kehadiran per kategori peserta</source>
        <translation>Attendance by participant category</translation>
    </message>
    <message>
        <source>Kehadiran per desa/kelurahan</source>
        <translation>Attendance by village</translation>
    </message>
    <message>
        <source>Kegiatan per petugas</source>
        <translation>Sessions by officer</translation>
    </message>
    <message>
        <source>Kehadiran per petugas</source>
        <translation>Attendance by officer</translation>
    </message>
    <message>
        <source>Kehadiran per bulan</source>
        <translation>Attendance by month</translation>
    </message>
    <message>
        <source>Rujukan per status</source>
        <translation>Referrals by status</translation>
    </message>
    <message>
        <source>Rujukan per jenis risiko</source>
        <translation>Referrals by risk type</translation>
    </message>
    <message>
        <source>Rujukan per urgensi</source>
        <translation>Referrals by urgency</translation>
    </message>
    <message>
        <source>Rujukan per instansi penerima</source>
        <translation>Referrals by receiving agency</translation>
    </message>
    <message>
        <source>Sertifikat</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Simpan rekap PDF</source>
        <translation>Save the recap PDF</translation>
    </message>
    <message>
        <source>Profil kantor belum lengkap</source>
        <translation>Office profile incomplete</translation>
    </message>
    <message>
        <source>Rekap akan tercetak bertanda DRAF, karena isian profil kantor ini belum diisi:

{0}

Lengkapi dulu di Profil kantor, atau cetak apa adanya.</source>
        <translation>The recap will print marked DRAF, because these office profile fields are not filled in:

{0}

Complete them in the Office profile first, or print as it is.</translation>
    </message>
    <message>
        <source>Buka Profil kantor…</source>
        <translation>Open Office profile…</translation>
    </message>
    <message>
        <source>Cetak saja (DRAF)</source>
        <translation>Print anyway (DRAF)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan rekap XLSX</source>
        <translation>Save the recap XLSX</translation>
    </message>
    <message>
        <source>Folder untuk berkas CSV rekap</source>
        <translation>Folder for the recap CSV files</translation>
    </message>
    <message>
        <source>NIK lengkap</source>
        <translation>Full NIK</translation>
    </message>
    <message>
        <source>NIK biasanya ditulis tersamar (3201********0001). Tulis NIK lengkap? Simpan berkasnya hanya di tempat yang aman.</source>
        <translation>NIKs are normally masked (3201********0001). Write the full NIK? Keep the file only in a safe place.</translation>
    </message>
    <message>
        <source>Menulis rekap…</source>
        <translation>Writing the recap…</translation>
    </message>
    <message>
        <source>Rekap</source>
        <translation>Recap</translation>
    </message>
    <message>
        <source>Rekap disimpan: {0}</source>
        <translation>Recap saved: {0}</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Kunci pemulihan</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Ketik kunci pemulihan yang dicatat saat basis data ini dibuat (8 kelompok huruf dan angka; disimpan kantor, atau kepala kantor untuk komputer kantor), lalu pilih kata sandi baru.</source>
        <translation>Type the recovery key noted when this database was made (8 groups of letters and digits; kept by the office, or by the head of office for the office&apos;s computer), then choose a new password.</translation>
    </message>
    <message>
        <source>&amp;Kunci pemulihan</source>
        <translation>Recovery &amp;key</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kunci pemulihan terdiri atas 32 huruf dan angka (8 kelompok).</source>
        <translation>The recovery key has 32 letters and digits (8 groups).</translation>
    </message>
    <message>
        <source>Kunci pemulihan salah.</source>
        <translation>Wrong recovery key.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Kunci pemulihan</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Catat kunci pemulihan ini dan serahkan ke kepala kantor untuk disimpan di brankas, terpisah dari komputer ini. Kunci ini membuka data bila kata sandi terlupa, dan hanya ditampilkan sekali ini.</source>
        <translation>Write down this recovery key and hand it to the head of office to keep in the safe, apart from this computer. It opens the data if the password is forgotten, and is shown only this once.</translation>
    </message>
    <message>
        <source>Catat kunci pemulihan ini dan serahkan ke kantor untuk disimpan. Kunci ini membuka data bila kata sandi terlupa, dan hanya ditampilkan sekali ini.</source>
        <translation>Write down this recovery key and hand it to the office for safekeeping. It opens the data if the password is forgotten, and it is shown only this once.</translation>
    </message>
    <message>
        <source>Salin</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Saya sudah mencatat kunci pemulihan</source>
        <translation>I have written down the recovery key</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Rujukan — {0}</source>
        <translation>Referral — {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Orang:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Person:&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <source>Uraian kejadian</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Kelola daftar instansi…</source>
        <translation>Manage agencies…</translation>
    </message>
    <message>
        <source>Instansi &amp;penerima</source>
        <translation>Receiving &amp;agency</translation>
    </message>
    <message>
        <source>Kosong (—) sampai kasus dirujuk; langkah → Dirujuk mengisinya.</source>
        <translation>Empty (—) until the case is referred; the → Dirujuk step fills it in.</translation>
    </message>
    <message>
        <source>Yang bersangkutan setuju datanya dibagikan ke instansi</source>
        <translation>The person agrees to their data being shared with the agency</translation>
    </message>
    <message>
        <source>Orang tua/wali setuju (wajib untuk anak)</source>
        <translation>Parent/guardian consents (required for children)</translation>
    </message>
    <message>
        <source>&amp;Jenis risiko</source>
        <translation>Risk &amp;type</translation>
    </message>
    <message>
        <source>&amp;Urgensi</source>
        <translation>&amp;Urgency</translation>
    </message>
    <message>
        <source>Uraia&amp;n</source>
        <translation>&amp;Narrative</translation>
    </message>
    <message>
        <source>&amp;Modus</source>
        <translation>&amp;Modus operandi</translation>
    </message>
    <message>
        <source>Sumber informasi</source>
        <translation>Source of information</translation>
    </message>
    <message>
        <source>Status: belum disimpan — tekan Simpan</source>
        <translation>Status: not saved yet — press Save</translation>
    </message>
    <message>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Narahubung</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Tanggal rujuk</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>Catatan tindak lanjut (opsional)</source>
        <translation>Follow-up note (optional)</translation>
    </message>
    <message>
        <source>Tanggal langkah:</source>
        <translation>Step date:</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tersimpan.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Status menjadi {0}.</source>
        <translation>Status is now {0}.</translation>
    </message>
    <message>
        <source>Status: {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <source>→ {0}</source>
        <translation>→ {0}</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>Ubah kegiatan</source>
        <translation>Edit activity</translation>
    </message>
    <message>
        <source>Kegiatan baru</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>&amp;Judul</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>Je&amp;nis kegiatan</source>
        <translation>Activity &amp;kind</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Waktu</source>
        <translation>Ti&amp;me</translation>
    </message>
    <message>
        <source>Tem&amp;pat</source>
        <translation>Ve&amp;nue</translation>
    </message>
    <message>
        <source>&amp;Desa/Kelurahan</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <source>Nomor surat tugas</source>
        <translation>Assignment letter number</translation>
    </message>
    <message>
        <source>L</source>
        <translation>M</translation>
    </message>
    <message>
        <source>P</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Hadir tanpa tanda tangan</source>
        <translation>Present without signing</translation>
    </message>
    <message>
        <source>Kegiatan</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Materi/topik</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Pisahkan dengan koma: Timpora, BP3MI, Disnaker</source>
        <translation>Separate with commas: Timpora, BP3MI, Disnaker</translation>
    </message>
    <message>
        <source>Instansi mitra</source>
        <translation>Partner agencies</translation>
    </message>
    <message>
        <source>Satu narasumber per baris: Nama; Instansi; Jabatan</source>
        <translation>One speaker per line: Name; Agency; Position</translation>
    </message>
    <message>
        <source>Narasumber</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>Hasil diskusi</source>
        <translation>Discussion results</translation>
    </message>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Materi dan hasil</source>
        <translation>Topics and results</translation>
    </message>
    <message>
        <source>Dokumentasi</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Simpan kegiatan ini dahulu, lalu buka lagi untuk menambah foto.</source>
        <translation>Save this activity first, then open it again to add photos.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Judul kegiatan wajib diisi.</source>
        <translation>The activity title is required.</translation>
    </message>
    <message>
        <source>Jam selesai harus setelah jam mulai.</source>
        <translation>The end time must be after the start time.</translation>
    </message>
    <message>
        <source>Pilih desa/kelurahan dari daftar (ketik minimal 3 huruf).</source>
        <translation>Pick the village from the list (type at least 3 letters).</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Nama lengkap (atau NIK untuk mencari)</source>
        <translation>Full name (or NIK to search)</translation>
    </message>
    <message>
        <source>mis. 1990</source>
        <translation>e.g. 1990</translation>
    </message>
    <message>
        <source>ketik atau pilih</source>
        <translation>type or choose</translation>
    </message>
    <message>
        <source>opsional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>wajib bila di bawah 18 tahun</source>
        <translation>required under 18</translation>
    </message>
    <message>
        <source>Setuju data dicatat untuk kegiatan ini</source>
        <translation>Agrees to their data being recorded for this activity</translation>
    </message>
    <message>
        <source>Setuju difoto untuk dokumentasi</source>
        <translation>Agrees to be photographed for the record</translation>
    </message>
    <message>
        <source>Hapus tanda tangan</source>
        <translation>Clear signature</translation>
    </message>
    <message>
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Jenis &amp;kelamin</source>
        <translation>Se&amp;x</translation>
    </message>
    <message>
        <source>&amp;Tahun lahir</source>
        <translation>Birth &amp;year</translation>
    </message>
    <message>
        <source>Kate&amp;gori</source>
        <translation>Cate&amp;gory</translation>
    </message>
    <message>
        <source>&amp;Desa/Kelurahan</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <source>No. &amp;HP</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>N&amp;IK</source>
        <translation>N&amp;IK</translation>
    </message>
    <message>
        <source>Orang tua/&amp;wali</source>
        <translation>Parent/guar&amp;dian</translation>
    </message>
    <message>
        <source>Tanda tangan</source>
        <translation>Signature</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Daftar hadir — {0}</source>
        <translation>Attendance — {0}</translation>
    </message>
    <message>
        <source>Dari ke&amp;rtas: menyalin daftar hadir kertas</source>
        <translation>&amp;From paper: typing in a paper attendance list</translation>
    </message>
    <message>
        <source>Untuk mengetik daftar hadir yang diisi di kertas: tercatat pada waktu kegiatan dan ditandai disalin dari kertas (Alt+R)</source>
        <translation>For typing in an attendance list filled in on paper: recorded at the session&apos;s time and marked as copied from paper (Alt+F)</translation>
    </message>
    <message>
        <source>Pernah hadir: Ctrl+1…9 atau ↓ lalu Enter</source>
        <translation>Attended before: Ctrl+1…9 or ↓ then Enter</translation>
    </message>
    <message>
        <source>&amp;Simpan (Enter)</source>
        <translation>&amp;Save (Enter)</translation>
    </message>
    <message>
        <source>Kosongkan (Esc)</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <source>&amp;Batalkan terakhir (Ctrl+Z)</source>
        <translation>&amp;Undo last (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Orang baru, bukan yang di daftar</source>
        <translation>A new person, not one in the list</translation>
    </message>
    <message>
        <source>Simpan sebagai orang baru walau mirip dengan yang pernah hadir</source>
        <translation>Save as a new person even though similar to someone who came before</translation>
    </message>
    <message>
        <source>&lt;b&gt;Peserta&lt;/b&gt;</source>
        <translation>&lt;b&gt;Participant&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Pernah hadir (Ctrl+1…9):</source>
        <translation>Attended before (Ctrl+1…9):</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Asal</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Enter atau klik ganda: ubah data peserta; Delete: hapus</source>
        <translation>Enter or double-click: edit the participant; Delete: remove</translation>
    </message>
    <message>
        <source>&amp;Ubah data peserta…</source>
        <translation>&amp;Edit participant…</translation>
    </message>
    <message>
        <source>Ha&amp;pus tanda hadir</source>
        <translation>&amp;Remove sign-in</translation>
    </message>
    <message>
        <source>Data belum disimpan</source>
        <translation>Unsaved data</translation>
    </message>
    <message>
        <source>Data peserta yang sedang diketik belum disimpan. Simpan dahulu?</source>
        <translation>The participant being typed has not been saved. Save it first?</translation>
    </message>
    <message>
        <source>&lt;b&gt;MODE DARI KERTAS&lt;/b&gt; — yang diketik tercatat hadir pada waktu kegiatan ({0}), bukan sekarang, dan ditandai “disalin dari daftar hadir kertas”. Tanda tangannya ada di kertas. Matikan dengan Alt+R bila selesai.</source>
        <translation>&lt;b&gt;FROM PAPER MODE&lt;/b&gt; — everyone typed is recorded as present at the session&apos;s time ({0}), not now, and marked “copied from the paper attendance list”. Their signatures are on the paper. Turn it off with Alt+F when done.</translation>
    </message>
    <message>
        <source>Mode dari kertas aktif.</source>
        <translation>From paper mode is on.</translation>
    </message>
    <message>
        <source>Mode dari kertas selesai.</source>
        <translation>From paper mode is off.</translation>
    </message>
    <message>
        <source>NIK sama</source>
        <translation>same NIK</translation>
    </message>
    <message>
        <source>NIK sama, nama lain</source>
        <translation>same NIK, other name</translation>
    </message>
    <message>
        <source>nama, jenis kelamin, tahun lahir dan tempat sama</source>
        <translation>same name, sex, birth year and place</translation>
    </message>
    <message>
        <source>nama mirip, jenis kelamin, tahun lahir dan tempat sama</source>
        <translation>similar name, same sex, birth year and place</translation>
    </message>
    <message>
        <source>NIK ini sudah tercatat untuk orang lain. Periksa NIK-nya.</source>
        <translation>This NIK is already recorded for someone else. Check the NIK.</translation>
    </message>
    <message>
        <source>Sudah pernah hadir dengan NIK ini: pilih orangnya (Enter atau Ctrl+1).</source>
        <translation>Came before with this NIK: choose the person (Enter or Ctrl+1).</translation>
    </message>
    <message>
        <source>Mungkin sudah pernah hadir: pilih orangnya (Enter atau Ctrl+1), atau tekan “Orang baru” bila memang berbeda.</source>
        <translation>May have come before: choose the person (Enter or Ctrl+1), or press “A new person” if they really differ.</translation>
    </message>
    <message>
        <source>NIK ini sudah tercatat untuk {0}. Periksa NIK-nya.</source>
        <translation>This NIK is already recorded for {0}. Check the NIK.</translation>
    </message>
    <message>
        <source>✔ {0} tercatat hadir (nomor {1}, disalin dari kertas).</source>
        <translation>✔ {0} recorded as present (number {1}, copied from paper).</translation>
    </message>
    <message>
        <source>✔ {0} tercatat hadir (nomor {1}).</source>
        <translation>✔ {0} signed in (number {1}).</translation>
    </message>
    <message>
        <source>{0} kembali tercatat hadir.</source>
        <translation>{0} is signed in again.</translation>
    </message>
    <message>
        <source>Tanda hadir terakhir dibatalkan.</source>
        <translation>The last sign-in was undone.</translation>
    </message>
    <message>
        <source>Pilih baris di daftar hadir dahulu.</source>
        <translation>Select a row of the attendance list first.</translation>
    </message>
    <message>
        <source>Data peserta nomor {0} disimpan.</source>
        <translation>Participant number {0} saved.</translation>
    </message>
    <message>
        <source>{0} dihapus dari daftar hadir. &lt;a href=&quot;undo&quot;&gt;Urungkan&lt;/a&gt; (Ctrl+Z)</source>
        <translation>{0} removed from the attendance list. &lt;a href=&quot;undo&quot;&gt;Undo&lt;/a&gt; (Ctrl+Z)</translation>
    </message>
    <message>
        <source>kertas</source>
        <translation>paper</translation>
    </message>
    <message>
        <source>Disalin dari daftar hadir kertas</source>
        <translation>Copied from the paper attendance list</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hadir: {0}&lt;/b&gt; — L: {1}, P: {2}</source>
        <translation>&lt;b&gt;Present: {0}&lt;/b&gt; — M: {1}, F: {2}</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Tanda tangan di sini (opsional)</source>
        <translation>Sign here (optional)</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>Kirim dan terima data</source>
        <translation>Send and receive data</translation>
    </message>
    <message>
        <source>&amp;Impor bundel… (Ctrl+I)</source>
        <translation>&amp;Import bundles… (Ctrl+I)</translation>
    </message>
    <message>
        <source>Pera&amp;ngkat dan kunci…</source>
        <translation>Devices and &amp;keys…</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&lt;b&gt;Konflik&lt;/b&gt; — pilih nilai yang benar, lalu Gunakan</source>
        <translation>&lt;b&gt;Conflicts&lt;/b&gt; — select the right value, then Use</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Bundel ditulis: {0} ({1} perubahan).</source>
        <translation>Bundle written: {0} ({1} changes).</translation>
    </message>
    <message>
        <source>Rekaman</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Ekspor bundel ke &amp;folder… (Ctrl+E)</source>
        <translation>E&amp;xport bundle to folder… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Terima bundel tanpa tanda tangan pada impor berikutnya, di tab ini atau di Kotak masuk (sekali ini)</source>
        <translation>Accept unsigned bundles in the next import, on this tab or in the Inbox (this once)</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Sementara dipakai</source>
        <translation>Provisional winner</translation>
    </message>
    <message>
        <source>&amp;Gunakan nilai terpilih</source>
        <translation>Use selected &amp;value</translation>
    </message>
    <message>
        <source>Pilih folder tujuan (flashdisk, folder bersama)</source>
        <translation>Choose the destination (USB stick, shared folder)</translation>
    </message>
    <message>
        <source>Mengekspor…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Bundel kantor tanpa enkripsi</source>
        <translation>Office bundle without encryption</translation>
    </message>
    <message>
        <source>Bundel ditandatangani kunci kantor ini tetapi TIDAK dienkripsi, dan berkas foto tidak bertanda tangan: siapa pun yang memegang flashdisk dapat membaca data peserta di dalamnya. Serahkan flashdisk hanya ke orang yang berhak.

Tulis bundel?</source>
        <translation>The bundle is signed with this office&apos;s key but NOT encrypted, and the photo files are not signed: anyone holding the USB stick can read the participants&apos; data on it. Hand the stick only to people entitled to it.

Write the bundle?</translation>
    </message>
    <message>
        <source>Tulis bundel</source>
        <translation>Write the bundle</translation>
    </message>
    <message>
        <source>Kantor belum punya kunci</source>
        <translation>The office has no keys yet</translation>
    </message>
    <message>
        <source>Kantor ini belum punya kunci — bundel akan ditulis TANPA tanda tangan dan TANPA segel: siapa pun yang memegang flashdisk dapat membaca data peserta di dalamnya.

Untuk menandatangani: tekan Batal, lalu Perangkat dan kunci… → Buat kunci kantor.

Tulis tanpa tanda tangan?</source>
        <translation>This office has no keys yet — the bundle will be written WITHOUT a signature and WITHOUT a seal: anyone holding the USB stick can read the participants&apos; data in it.

To sign it: press Cancel, then Devices and keys… → Create office keys.

Write without a signature?</translation>
    </message>
    <message>
        <source>Tulis tanpa tanda tangan</source>
        <translation>Write without a signature</translation>
    </message>
    <message>
        <source>Bundel tanpa segel</source>
        <translation>Unsealed bundle</translation>
    </message>
    <message>
        <source>Kantor belum terdaftar — bundel akan ditulis TANPA segel: siapa pun yang memegang flashdisk dapat membaca data peserta di dalamnya.

Untuk menyegel: tekan Batal, lalu Perangkat dan kunci… → daftarkan berkas kunci kantor (kunci-kantor.json) yang diberikan kantor.

Tulis tanpa segel?</source>
        <translation>No office is enrolled — the bundle will be written WITHOUT a seal: anyone holding the USB stick can read the participants&apos; data in it.

To seal it: press Cancel, then Devices and keys… → enrol the office key file (kunci-kantor.json) the office gave you.

Write without a seal?</translation>
    </message>
    <message>
        <source>Tulis tanpa segel</source>
        <translation>Write without a seal</translation>
    </message>
    <message>
        <source>Buat kunci kantor (Perangkat dan kunci…) agar bundel bertanda tangan kantor ini.</source>
        <translation>Create office keys (Devices and keys…) so that bundles carry this office&apos;s signature.</translation>
    </message>
    <message>
        <source>Daftarkan kantor (Perangkat dan kunci…) agar bundel dienkripsi.</source>
        <translation>Enrol the office (Devices and keys…) so that bundles are encrypted.</translation>
    </message>
    <message>
        <source>{0} TIDAK tersegel: siapa pun yang memegang berkas dapat membacanya.</source>
        <translation>{0} NOT sealed: anyone holding the file can read it.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tidak ada perubahan baru untuk dikirim.</source>
        <translation>No new changes to send.</translation>
    </message>
    <message>
        <source>Bundel bertanda tangan kantor ini, tetapi TIDAK terenkripsi: siapa pun yang memegang berkas dapat membacanya.</source>
        <translation>The bundle is signed by this office but NOT encrypted: anyone holding the file can read it.</translation>
    </message>
    <message>
        <source>Berkas foto TIDAK tersegel dan tidak bertanda tangan: kantor penerima yang punya kunci hanya menerimanya bila &quot;Terima bundel tanpa tanda tangan&quot; dicentang.</source>
        <translation>The photo files are NOT sealed and not signed: a receiving office with keys accepts them only when &quot;Accept unsigned bundles&quot; is ticked.</translation>
    </message>
    <message>
        <source>Bundel dan berkas foto ini</source>
        <translation>This bundle and its photo files are</translation>
    </message>
    <message>
        <source>Bundel ini</source>
        <translation>This bundle is</translation>
    </message>
    <message>
        <source>Berkas foto ini</source>
        <translation>These photo files are</translation>
    </message>
    <message>
        <source>Pilih bundel</source>
        <translation>Choose bundles</translation>
    </message>
    <message>
        <source>Mengimpor…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Diimpor</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Sudah pernah</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <source>Dilewati</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>Perangkat dan kunci</source>
        <translation>Devices and keys</translation>
    </message>
    <message>
        <source>Perangkat</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Sidik jari</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Daftarkan berkas kunci…</source>
        <translation>&amp;Enrol a key file…</translation>
    </message>
    <message>
        <source>Ekspor kunci &amp;perangkat ini…</source>
        <translation>Export this &amp;device&apos;s key…</translation>
    </message>
    <message>
        <source>&amp;Buat kunci kantor</source>
        <translation>&amp;Create office keys</translation>
    </message>
    <message>
        <source>Ekspor kunci &amp;kantor…</source>
        <translation>Export the &amp;office key…</translation>
    </message>
    <message>
        <source>&amp;Cabut perangkat terpilih</source>
        <translation>&amp;Revoke the selected device</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Kunci kantor ini: {0} — sidik jari &lt;b&gt;{1}&lt;/b&gt;</source>
        <translation>This office&apos;s key: {0} — fingerprint &lt;b&gt;{1}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Basis data ini belum punya kunci kantor.</source>
        <translation>This database has no office keys yet.</translation>
    </message>
    <message>
        <source>Kantor terdaftar: {0} ({1}) — sidik jari &lt;b&gt;{2}&lt;/b&gt;</source>
        <translation>Enrolled office: {0} ({1}) — fingerprint &lt;b&gt;{2}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Belum ada kantor terdaftar: bundel dikirim tanpa segel.</source>
        <translation>No office enrolled yet: bundles are sent unsealed.</translation>
    </message>
    <message>
        <source>Kantor relai: {0} ({1}) — sidik jari &lt;b&gt;{2}&lt;/b&gt;</source>
        <translation>Relay office: {0} ({1}) — fingerprint &lt;b&gt;{2}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>dicabut {0}</source>
        <translation>revoked {0}</translation>
    </message>
    <message>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <source>{0} bundel yang ditulis sebelum kantor ini didaftarkan tidak tersegel untuknya, dan kantor menolaknya: bundel itu tidak lagi dihitung terkirim. Isinya ikut di ekspor berikutnya, tersegel: ekspor lagi ke flashdisk atau tekan Kirim sekarang di tab Sinkronisasi.</source>
        <translation>{0} bundle(s) written before this office was enrolled are not sealed to it, and the office refuses them: they no longer count as sent. Their contents go in the next export, sealed: export to the USB stick again or press Send now on the Sync tab.</translation>
    </message>
    <message>
        <source>Berkas ini kunci perangkat petugas: {0}.</source>
        <translation>This file is the device key of officer: {0}.</translation>
    </message>
    <message>
        <source>layar perangkat petugas itu</source>
        <translation>that officer&apos;s device screen</translation>
    </message>
    <message>
        <source>Berkas ini kunci kantor: {0}.</source>
        <translation>This file is the office key of: {0}.</translation>
    </message>
    <message>
        <source>layar kantor (Perangkat dan kunci)</source>
        <translation>the office&apos;s screen (Devices and keys)</translation>
    </message>
    <message>
        <source>{0} Bacakan sidik jari ini dan cocokkan dengan {1}:&lt;br&gt;&lt;br&gt;&lt;b&gt;{2}&lt;/b&gt;&lt;br&gt;&lt;br&gt;Daftarkan hanya bila sama persis. Bila berbeda, tekan Batal dan tanyakan ke kantor.</source>
        <translation>{0} Read this fingerprint aloud and compare it with {1}:&lt;br&gt;&lt;br&gt;&lt;b&gt;{2}&lt;/b&gt;&lt;br&gt;&lt;br&gt;Enrol only if it is exactly the same. If it differs, press Cancel and ask the office.</translation>
    </message>
    <message>
        <source>Cocokkan sidik jari</source>
        <translation>Compare the fingerprint</translation>
    </message>
    <message>
        <source>Sama, daftarkan</source>
        <translation>Same, enrol</translation>
    </message>
    <message>
        <source>Pilih berkas kunci</source>
        <translation>Choose a key file</translation>
    </message>
    <message>
        <source>Berkas tidak dapat ditulis: {0}</source>
        <translation>The file cannot be written: {0}</translation>
    </message>
    <message>
        <source>Ditulis ke {0}. Sidik jari: &lt;b&gt;{1}&lt;/b&gt;</source>
        <translation>Written to {0}. Fingerprint: &lt;b&gt;{1}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Simpan kunci perangkat</source>
        <translation>Save the device key</translation>
    </message>
    <message>
        <source>Simpan kunci kantor</source>
        <translation>Save the office key</translation>
    </message>
    <message>
        <source>Kunci kantor dibuat. Sidik jari: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Office keys created. Fingerprint: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Jadikan laptop ini kantor?</source>
        <translation>Make this laptop an office?</translation>
    </message>
    <message>
        <source>Laptop ini tercatat sebagai laptop petugas lapangan. Kunci kantor hanya dibuat SEKALI, di komputer kantor imigrasi yang menerima bundel para petugas.

Membuatnya di sini menjadikan laptop ini kantor: basis data ini hanya menerima bundel tersegel dari perangkat terdaftar, dan kunci ini tidak dapat dihapus.

Petugas lapangan cukup mendaftarkan berkas kunci kantor (kunci-kantor.json) dari kantor lewat Daftarkan berkas kunci…</source>
        <translation>This laptop is set up as a field officer&apos;s laptop. Office keys are made ONCE, on the computer of the immigration office that receives the officers&apos; bundles.

Making them here turns this laptop into an office: this database then accepts only sealed bundles from enrolled devices, and these keys cannot be removed.

A field officer only needs to enrol the office key file (kunci-kantor.json) from the office with Enrol a key file…</translation>
    </message>
    <message>
        <source>Jadikan laptop ini kantor</source>
        <translation>Make this laptop an office</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tidak didaftarkan. Daftarkan hanya berkas yang sidik jarinya sama persis.</source>
        <translation>Not enrolled. Enrol only a file whose fingerprint is exactly the same.</translation>
    </message>
    <message>
        <source>Terdaftar. Sidik jari: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Enrolled. Fingerprint: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Buat kunci kantor</source>
        <translation>Create office keys</translation>
    </message>
    <message>
        <source>Setelah kunci kantor dibuat, basis data ini hanya menerima bundel tersegel dari perangkat terdaftar. Lanjutkan?</source>
        <translation>Once office keys exist, this database accepts only sealed bundles from enrolled devices. Continue?</translation>
    </message>
    <message>
        <source>Pilih perangkat yang akan dicabut.</source>
        <translation>Choose the device to revoke.</translation>
    </message>
    <message>
        <source>Perangkat {0} dicabut.</source>
        <translation>Device {0} revoked.</translation>
    </message>
    <message>
        <source>Cabut perangkat</source>
        <translation>Revoke device</translation>
    </message>
    <message>
        <source>Semua bundel berikutnya dari perangkat ini akan ditolak. Lanjutkan?</source>
        <translation>Every later bundle from this device will be refused. Continue?</translation>
    </message>
</context>
<context>
    <name>VillagePicker</name>
    <message>
        <source>Ketik nama desa/kelurahan, lalu pilih dari daftar</source>
        <translation>Type a village name, then pick it from the list</translation>
    </message>
</context>
<context>
    <name>desa_views</name>
    <message>
        <source>Berakhir {0}</source>
        <translation>Ended {0}</translation>
    </message>
    <message>
        <source>⚠ belum pernah dikunjungi</source>
        <translation>⚠ never visited</translation>
    </message>
    <message>
        <source>⚠ {0} hari tanpa kegiatan</source>
        <translation>⚠ {0} days without activity</translation>
    </message>
    <message>
        <source>Profil desa</source>
        <translation>Village profile</translation>
    </message>
    <message>
        <source>Pilih desa di daftar dahulu.</source>
        <translation>Pick a village in the list first.</translation>
    </message>
    <message>
        <source>Simpan profil desa binaan</source>
        <translation>Save the desa binaan profile</translation>
    </message>
    <message>
        <source>Profil tersimpan.</source>
        <translation>Profile saved.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Berkas tidak dapat dibaca atau ditulis</source>
        <translation>The file cannot be read or written</translation>
    </message>
    <message>
        <source>Basis data tidak dapat dibaca atau ditulis. Coba lagi, atau buka ulang aplikasi.</source>
        <translation>The database cannot be read or written. Try again, or reopen the app.</translation>
    </message>
    <message>
        <source>Terjadi kesalahan</source>
        <translation>An error occurred</translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga, dan tindakan tadi tidak diselesaikan. Data yang sudah tersimpan tetap aman.

Coba lagi. Bila terulang, tekan “Salin rincian” dan kirimkan ke petugas TI kantor.</source>
        <translation>An unexpected error occurred, and the last action was not completed. Data already saved is safe.

Try again. If it happens again, press “Copy details” and send them to the office IT staff.</translation>
    </message>
    <message>
        <source>Salin rincian</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Mohon tunggu</source>
        <translation>Please wait</translation>
    </message>
</context>
</TS>
