<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AgenciesDialog</name>
    <message>
        <location filename="../src/petugaspembina/gui/agencies_dialog.py" line="32" />
        <source>Instansi penerima rujukan</source>
        <translation>Receiving agencies</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/agencies_dialog.py" line="36" />
        <source>Singkatan</source>
        <translation>Abbreviation</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/agencies_dialog.py" line="37" />
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/agencies_dialog.py" line="38" />
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/agencies_dialog.py" line="39" />
        <source>Narahubung</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/agencies_dialog.py" line="40" />
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/agencies_dialog.py" line="41" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/agencies_dialog.py" line="42" />
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/agencies_dialog.py" line="51" />
        <source>&amp;Tambah instansi</source>
        <translation>&amp;Add agency</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/agencies_dialog.py" line="59" />
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/agencies_dialog.py" line="106" />
        <source>Baris {0}: isi singkatan dan nama lengkap.</source>
        <translation>Row {0}: fill in the abbreviation and full name.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/agencies_dialog.py" line="112" />
        <source>Baris {0}: {1}</source>
        <translation>Row {0}: {1}</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="49" />
        <source>Dokumen kegiatan</source>
        <translation>Activity documents</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="52" />
        <source>&amp;Kegiatan:</source>
        <translation>&amp;Activity:</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="53" />
        <source>Samarkan nomor HP di daftar hadir</source>
        <translation>Mask phone numbers on the attendance sheet</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="57" />
        <source>&amp;Sertifikat semua peserta</source>
        <translation>&amp;Certificates for all participants</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="58" />
        <source>&amp;Daftar hadir</source>
        <translation>&amp;Attendance sheet</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="59" />
        <source>&amp;Laporan kegiatan</source>
        <translation>Activity &amp;report</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="60" />
        <source>&amp;Berita acara</source>
        <translation>Official &amp;minutes</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="69" />
        <source>Profil &amp;kantor (kop surat, penanda tangan)…</source>
        <translation>Office &amp;profile (letterhead, signatory)…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="72" />
        <source>Verifikasi sertifikat</source>
        <translation>Verify a certificate</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="75" />
        <source>Tempel atau pindai kode verifikasi (PP1…)</source>
        <translation>Paste or scan the verification code (PP1…)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="76" />
        <source>&amp;Periksa</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="102" />
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="102" />
        <source>Pilih kegiatan terlebih dahulu.</source>
        <translation>Select an activity first.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="111" />
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="122" />
        <source>Membuat {0}…</source>
        <translation>Making {0}…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="130" />
        <source>Dokumen gagal dibuat</source>
        <translation>The document could not be made</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="159" />
        <source>✔ {0}
Nama: {1}
Kegiatan: {2} ({3})</source>
        <translation>✔ {0}
Name: {1}
Activity: {2} ({3})</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/documents_view.py" line="164" />
        <source>✘ {0}</source>
        <translation>✘ {0}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="44" />
        <source>Selamat datang di Petugas Pembina</source>
        <translation>Welcome to Petugas Pembina</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="49" />
        <source>Isi profil petugas untuk perangkat ini. Data tersimpan di laptop ini dan dapat dikirim ke kantor sebagai bundel.</source>
        <translation>Fill in the officer profile for this device. Data stays on this laptop and can be sent to the office as a bundle.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="75" />
        <source>Ubah…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="80" />
        <source>&amp;Nama petugas</source>
        <translation>Officer's &amp;name</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="81" />
        <source>N&amp;IP</source>
        <translation>N&amp;IP</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="82" />
        <source>&amp;Kantor</source>
        <translation>&amp;Office</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="83" />
        <source>&amp;Jabatan</source>
        <translation>&amp;Position</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="84" />
        <source>&amp;Bahasa</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="87" />
        <source>Lokasi data</source>
        <translation>Data location</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="92" />
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="92" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="97" />
        <source>Pilih folder data (di disk laptop)</source>
        <translation>Choose the data folder (on the laptop's disk)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="107" />
        <source>Nama petugas wajib diisi.</source>
        <translation>The officer's name is required.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/first_run.py" line="111" />
        <source>Nama kantor wajib diisi.</source>
        <translation>The office name is required.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../src/petugaspembina/gui/kiosk.py" line="70" />
        <source>Daftar hadir mandiri</source>
        <translation>Self sign-in</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/kiosk.py" line="77" />
        <source>&lt;h1&gt;Selamat datang&lt;/h1&gt;&lt;p&gt;{0}&lt;/p&gt;&lt;p&gt;Isi data Anda lalu tekan &lt;b&gt;Simpan&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Welcome&lt;/h1&gt;&lt;p&gt;{0}&lt;/p&gt;&lt;p&gt;Fill in your details, then press &lt;b&gt;Save&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/kiosk.py" line="83" />
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/kiosk.py" line="85" />
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/kiosk.py" line="125" />
        <source>Anda sudah tercatat hadir. Terima kasih.</source>
        <translation>You are already signed in. Thank you.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/kiosk.py" line="132" />
        <source>Terima kasih, Anda sudah tercatat hadir.</source>
        <translation>Thank you, you are signed in.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/kiosk.py" line="150" />
        <source>Keluar dari mode kiosk</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/kiosk.py" line="156" />
        <source>PIN salah.</source>
        <translation>Wrong PIN.</translation>
    </message>
</context>
<context>
    <name>ListImportDialog</name>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="50" />
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="115" />
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="183" />
        <source>Impor daftar peserta</source>
        <translation>Import participant list</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="53" />
        <source>Belum ada berkas.</source>
        <translation>No file yet.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="54" />
        <source>Pilih berkas CSV/XLSX…</source>
        <translation>Choose a CSV/XLSX file…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="61" />
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="62" />
        <source>Jenis kelamin (L/P)</source>
        <translation>Sex (L/P)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="63" />
        <source>Tahun lahir</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="64" />
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="65" />
        <source>No. HP</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="66" />
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="67" />
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="68" />
        <source>Instansi</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="69" />
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="78" />
        <source>(hanya tambahkan ke data peserta)</source>
        <translation>(only add to participants)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="81" />
        <source>Catat juga sebagai hadir di kegiatan:</source>
        <translation>Also sign them in to activity:</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="94" />
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="96" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="105" />
        <source>Pilih daftar peserta</source>
        <translation>Choose participant list</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="117" />
        <source>{0}: {1} baris</source>
        <translation>{0}: {1} rows</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="122" />
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="124" />
        <source>kolom {0}</source>
        <translation>column {0}</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="143" />
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="157" />
        <source>Baris {0}: {1}</source>
        <translation>Row {0}: {1}</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="159" />
        <source>{0} baris siap, {1} baris bermasalah.</source>
        <translation>{0} rows ready, {1} rows with problems.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/list_import_dialog.py" line="175" />
        <source>Mengimpor daftar peserta…</source>
        <translation>Importing participant list…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="46" />
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="47" />
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="48" />
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="49" />
        <location filename="../src/petugaspembina/gui/main_window.py" line="69" />
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="50" />
        <source>Hadir</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="51" />
        <source>L</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="52" />
        <source>P</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="58" />
        <source>Cari kegiatan (judul, desa, tempat)…</source>
        <translation>Search activities (title, village, venue)…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="66" />
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="67" />
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="68" />
        <source>Tahun Lahir</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="70" />
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="71" />
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="72" />
        <source>Kehadiran</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="78" />
        <source>Cari nama, NIK, desa atau nomor HP…</source>
        <translation>Search name, NIK, village or phone…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="85" />
        <source>Tanggal Rujuk</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="86" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="87" />
        <source>Jenis Risiko</source>
        <translation>Risk type</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="88" />
        <source>Urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="89" />
        <source>Instansi Penerima</source>
        <translation>Receiving agency</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="90" />
        <source>Tindak Lanjut</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="96" />
        <source>Cari status, jenis risiko, instansi…</source>
        <translation>Search status, risk type, agency…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="105" />
        <source>&amp;Kegiatan</source>
        <translation>&amp;Activities</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="106" />
        <source>&amp;Peserta</source>
        <translation>&amp;Participants</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="107" />
        <source>&amp;Rujukan</source>
        <translation>&amp;Referrals</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="108" />
        <source>&amp;Sinkronisasi</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="109" />
        <source>&amp;Dokumen</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="112" />
        <source>Kegiatan baru (Ctrl+N)</source>
        <translation>New activity (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="113" />
        <source>Ubah…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="114" />
        <source>Daftar hadir (Ctrl+D)</source>
        <translation>Attendance (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="115" />
        <source>Mode kiosk (F11)</source>
        <translation>Kiosk mode (F11)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="117" />
        <source>Rujuk peserta ini…</source>
        <translation>Refer this participant…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="119" />
        <source>Impor daftar peserta (CSV/XLSX)…</source>
        <translation>Import participant list (CSV/XLSX)…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="122" />
        <source>Hapus data pribadi (UU PDP)…</source>
        <translation>Erase personal data (PDP law)…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="125" />
        <source>Buka…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="135" />
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="137" />
        <source>Kegiatan baru</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="138" />
        <source>Daftar hadir kegiatan terpilih</source>
        <translation>Attendance of the selected activity</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="139" />
        <source>Mode kiosk</source>
        <translation>Kiosk mode</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="140" />
        <source>Ekspor bundel</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="141" />
        <source>Impor bundel</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="142" />
        <source>Instansi penerima rujukan…</source>
        <translation>Receiving agencies…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="143" />
        <source>Cari</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="144" />
        <source>Segarkan</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="145" />
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="152" />
        <source>B&amp;ahasa</source>
        <translation>L&amp;anguage</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="205" />
        <source>Basis data: {0}   Perangkat: {1}   Perubahan belum dikirim: {2}</source>
        <translation>Database: {0}   Device: {1}   Changes not yet sent: {2}</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="215" />
        <source>Bahasa berganti setelah aplikasi dibuka ulang.</source>
        <translation>The language changes when the app is opened again.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="248" />
        <source>Pilih kegiatan di tab Kegiatan dahulu.</source>
        <translation>Select an activity in the Activities tab first.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="276" />
        <location filename="../src/petugaspembina/gui/main_window.py" line="286" />
        <source>Pilih peserta di tab Peserta dahulu.</source>
        <translation>Select a participant in the Participants tab first.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="291" />
        <source>Hapus permanen semua data orang ini (kehadiran, rujukan, sertifikat)? Penghapusan ikut terkirim dalam bundel dan tidak dapat dibatalkan.</source>
        <translation>Permanently erase all data about this person (attendance, referrals, certificates)? The erasure travels in bundles and cannot be undone.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/main_window.py" line="294" />
        <source>Hapus data pribadi</source>
        <translation>Erase personal data</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="47" />
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="131" />
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="137" />
        <source>Profil kantor</source>
        <translation>Office profile</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="52" />
        <source>Kop surat (satu baris per baris)</source>
        <translation>Letterhead (one line per line)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="64" />
        <source>Awalan (a.n./Plh./Plt.)</source>
        <translation>Prefix (a.n./Plh./Plt.)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="68" />
        <source>Kalimat sertifikat
{kegiatan} {kantor} {tanggal} {tempat}</source>
        <translation>Certificate wording
{kegiatan} {kantor} {tanggal} {tempat}</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="74" />
        <source>ada</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="74" />
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="75" />
        <source>Pilih PNG…</source>
        <translation>Choose PNG…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="81" />
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="81" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="87" />
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="88" />
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="89" />
        <source>Situs web</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="90" />
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="91" />
        <source>Nama penanda tangan</source>
        <translation>Signatory's name</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="92" />
        <source>NIP penanda tangan</source>
        <translation>Signatory's NIP</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="93" />
        <source>Jabatan penanda tangan</source>
        <translation>Signatory's position</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="94" />
        <source>Judul sertifikat</source>
        <translation>Certificate title</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="95" />
        <source>Pola nomor sertifikat</source>
        <translation>Certificate number pattern</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="96" />
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="97" />
        <source>Tanda tangan</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="98" />
        <source>Cap/stempel</source>
        <translation>Stamp</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="102" />
        <source>Pilih gambar PNG</source>
        <translation>Choose a PNG image</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="107" />
        <source>Gambar</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="107" />
        <source>Pilih berkas PNG di bawah 1,4 MB.</source>
        <translation>Choose a PNG file under 1.4 MB.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/office_dialog.py" line="110" />
        <source>dipilih</source>
        <translation>chosen</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../src/petugaspembina/gui/kiosk.py" line="39" />
        <source>PIN petugas</source>
        <translation>Officer PIN</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/kiosk.py" line="44" />
        <source>Ulangi PIN</source>
        <translation>Repeat PIN</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/kiosk.py" line="45" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/kiosk.py" line="45" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="66" />
        <source>Rujukan — {0}</source>
        <translation>Referral — {0}</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="79" />
        <source>&lt;b&gt;Orang:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Person:&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="84" />
        <source>Uraian kejadian</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="88" />
        <source>Kelola daftar instansi…</source>
        <translation>Manage agencies…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="99" />
        <source>Yang bersangkutan setuju datanya dibagikan ke instansi</source>
        <translation>The person agrees to their data being shared with the agency</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="101" />
        <source>Orang tua/wali setuju (wajib untuk anak)</source>
        <translation>Parent/guardian consents (required for children)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="104" />
        <source>&amp;Jenis risiko</source>
        <translation>Risk &amp;type</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="105" />
        <source>&amp;Urgensi</source>
        <translation>&amp;Urgency</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="106" />
        <source>Ura&amp;ian</source>
        <translation>Narrat&amp;ive</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="107" />
        <source>&amp;Modus</source>
        <translation>&amp;Modus operandi</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="108" />
        <source>Sumber informasi</source>
        <translation>Source of information</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="109" />
        <source>&amp;Instansi penerima</source>
        <translation>Receiving &amp;agency</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="110" />
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="111" />
        <source>Narahubung</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="112" />
        <source>Tanggal rujuk</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="121" />
        <source>Catatan tindak lanjut (opsional)</source>
        <translation>Follow-up note (optional)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="133" />
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="133" />
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="175" />
        <source>Tersimpan.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="190" />
        <source>Status menjadi {0}.</source>
        <translation>Status is now {0}.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="201" />
        <source>Status: belum disimpan</source>
        <translation>Status: not saved yet</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="204" />
        <source>Status: {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/referral_dialog.py" line="206" />
        <source>→ {0}</source>
        <translation>→ {0}</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="65" />
        <source>Ubah kegiatan</source>
        <translation>Edit activity</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="65" />
        <source>Kegiatan baru</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="73" />
        <source>&amp;Jenis kegiatan</source>
        <translation>Activity &amp;type</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="75" />
        <source>&amp;Judul</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="82" />
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="92" />
        <source>&amp;Waktu</source>
        <translation>&amp;Time</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="94" />
        <source>Tem&amp;pat</source>
        <translation>&amp;Venue</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="100" />
        <source>&amp;Desa/Kelurahan</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="102" />
        <source>Nomor surat tugas</source>
        <translation>Assignment letter number</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="112" />
        <source>L</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="114" />
        <source>P</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="116" />
        <source>Hadir tanpa tanda tangan</source>
        <translation>Present without signing</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="117" />
        <source>Kegiatan</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="122" />
        <source>Materi/topik</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="124" />
        <source>Pisahkan dengan koma: Timpora, BP3MI, Disnaker</source>
        <translation>Separate with commas: Timpora, BP3MI, Disnaker</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="125" />
        <source>Instansi mitra</source>
        <translation>Partner agencies</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="133" />
        <source>Satu narasumber per baris: Nama; Instansi; Jabatan</source>
        <translation>One speaker per line: Name; Agency; Position</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="136" />
        <source>Narasumber</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="142" />
        <source>Petugas</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="144" />
        <source>Hasil diskusi</source>
        <translation>Discussion results</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="146" />
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="147" />
        <source>Materi dan hasil</source>
        <translation>Topics and results</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="153" />
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="153" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="201" />
        <source>Judul kegiatan wajib diisi.</source>
        <translation>The activity title is required.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="203" />
        <source>Jam selesai harus setelah jam mulai.</source>
        <translation>The end time must be after the start time.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/session_editor.py" line="205" />
        <source>Pilih desa/kelurahan dari daftar (ketik minimal 3 huruf).</source>
        <translation>Pick the village from the list (type at least 3 letters).</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="61" />
        <source>Nama lengkap (atau NIK untuk mencari)</source>
        <translation>Full name (or NIK to search)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="68" />
        <source>mis. 1990</source>
        <translation>e.g. 1990</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="82" />
        <source>opsional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="84" />
        <source>wajib bila di bawah 18 tahun</source>
        <translation>required under 18</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="85" />
        <source>Setuju data dicatat untuk kegiatan ini</source>
        <translation>Agrees to their data being recorded for this activity</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="87" />
        <source>Setuju difoto untuk dokumentasi</source>
        <translation>Agrees to be photographed for the record</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="89" />
        <source>Hapus tanda tangan</source>
        <translation>Clear signature</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="93" />
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="94" />
        <source>Jenis &amp;kelamin</source>
        <translation>&amp;Sex</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="95" />
        <source>&amp;Tahun lahir</source>
        <translation>Birth &amp;year</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="96" />
        <source>Kate&amp;gori</source>
        <translation>Cate&amp;gory</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="97" />
        <source>&amp;Desa/Kelurahan</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="98" />
        <source>No. &amp;HP</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="99" />
        <source>N&amp;IK</source>
        <translation>N&amp;IK</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="100" />
        <source>Orang tua/&amp;wali</source>
        <translation>Parent/&amp;guardian</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="106" />
        <source>Tanda tangan</source>
        <translation>Signature</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="159" />
        <source>Daftar hadir — {0}</source>
        <translation>Attendance — {0}</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="163" />
        <source>Pernah hadir: Ctrl+1…9 atau ↓ lalu Enter</source>
        <translation>Attended before: Ctrl+1…9 or ↓ then Enter</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="166" />
        <source>&amp;Simpan (Enter)</source>
        <translation>&amp;Save (Enter)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="167" />
        <source>Kosongkan (Esc)</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="168" />
        <source>&amp;Batalkan terakhir (Ctrl+Z)</source>
        <translation>&amp;Undo last (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="171" />
        <source>&lt;b&gt;Peserta&lt;/b&gt;</source>
        <translation>&lt;b&gt;Participant&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="173" />
        <source>Pernah hadir (Ctrl+1…9):</source>
        <translation>Attended before (Ctrl+1…9):</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="186" />
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="186" />
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="186" />
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="186" />
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="300" />
        <source>✔ {0} tercatat hadir (nomor {1}).</source>
        <translation>✔ {0} signed in (number {1}).</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="309" />
        <source>Tanda hadir terakhir dibatalkan.</source>
        <translation>The last sign-in was undone.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/signin_window.py" line="328" />
        <source>&lt;b&gt;Hadir: {0}&lt;/b&gt; — L: {1}, P: {2}</source>
        <translation>&lt;b&gt;Present: {0}&lt;/b&gt; — M: {1}, F: {2}</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../src/petugaspembina/gui/signature_pad.py" line="30" />
        <source>Tanda tangan di sini (opsional)</source>
        <translation>Sign here (optional)</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="37" />
        <source>Kirim dan terima data</source>
        <translation>Send and receive data</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="39" />
        <source>&amp;Ekspor bundel ke folder… (Ctrl+E)</source>
        <translation>&amp;Export bundle to folder… (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="40" />
        <source>&amp;Impor bundel… (Ctrl+I)</source>
        <translation>&amp;Import bundles… (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="49" />
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="49" />
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="49" />
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="54" />
        <source>&lt;b&gt;Konflik&lt;/b&gt; — pilih nilai yang benar, lalu Gunakan</source>
        <translation>&lt;b&gt;Conflicts&lt;/b&gt; — select the right value, then Use</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="58" />
        <source>Tabel</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="59" />
        <source>Kolom</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="60" />
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="61" />
        <source>Dari perangkat</source>
        <translation>From device</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="62" />
        <source>Sementara dipakai</source>
        <translation>Provisional winner</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="69" />
        <source>&amp;Gunakan nilai terpilih</source>
        <translation>&amp;Use selected value</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="79" />
        <source>Pilih folder tujuan (flashdisk, folder bersama)</source>
        <translation>Choose the destination (USB stick, shared folder)</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="91" />
        <source>Mengekspor…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="95" />
        <source>Tidak ada perubahan baru untuk dikirim.</source>
        <translation>No new changes to send.</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="100" />
        <source>Bundel ditulis: {0} ({1} versi kolom).</source>
        <translation>Bundle written: {0} ({1} field versions).</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="105" />
        <source>Pilih bundel</source>
        <translation>Choose bundles</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="122" />
        <source>Mengimpor…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="128" />
        <source>Diimpor</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="129" />
        <source>Sudah pernah</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="130" />
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="131" />
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="147" />
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/sync_view.py" line="158" />
        <source>(diubah setelah dihapus)</source>
        <translation>(edited after deletion)</translation>
    </message>
</context>
<context>
    <name>VillagePicker</name>
    <message>
        <location filename="../src/petugaspembina/gui/village_picker.py" line="19" />
        <source>Ketik nama desa/kelurahan, lalu pilih dari daftar</source>
        <translation>Type a village name, then pick it from the list</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../src/petugaspembina/gui/worker.py" line="112" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../src/petugaspembina/gui/worker.py" line="116" />
        <source>Mohon tunggu</source>
        <translation>Please wait</translation>
    </message>
</context>
</TS>