"""Photo budgets (issue "Dokumentasi"): JPEG quality by measurement, and F1-F3.

Q:  stored size and PSNR against the downscaled picture for JPEG quality 60…95, on photo-like
    12 MP pictures (tests/photos/imagegen.py): the quality used is where the curve flattens.
F1: 20 photos of 12 MP added through the session editor's Dokumentasi tab (background task, two
    preparing threads) ≤ 5 s, with the longest event-loop stall (10 ms heartbeat, P9) ≤ 100 ms.
F2: the session's photos add ≤ 10 MB to its bundle parts (the photo part written by export).
F3: the laporan kegiatan with 20 photos renders in ≤ 3 s.

Run: ``PYTHONPATH=. uv run python -m tests.bench.bench_photos``
"""

from __future__ import annotations

import io
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

sys.path.insert(0, str(Path(__file__).parents[1]))  # the tests folder: photos.imagegen

from photos.imagegen import phone_jpeg

CACHE = Path(tempfile.gettempdir()) / "petugaspembina-bench" / "photos-12mp"
COUNT = 20


def phone_files() -> list[Path]:
    """20 distinct 4000×3000 phone JPEGs with EXIF (made once, then reused)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    files = []
    for index in range(COUNT):
        path = CACHE / f"IMG_{index:04d}.jpg"
        if not path.exists():
            path.write_bytes(phone_jpeg(4000, 3000, seed=100 + index, gps=index % 4 == 0))
        files.append(path)
    return files


def psnr(a: Image.Image, b: Image.Image) -> float:
    diff = ImageChops.difference(a, b)
    mse = statistics.mean(v * v for v in ImageStat.Stat(diff).rms)
    return 99.0 if mse == 0 else 20 * math.log10(255 / math.sqrt(mse))


def quality_table(files: list[Path]) -> list[tuple[int, float, float]]:
    rows = []
    pictures = []
    for path in files[:4]:
        with Image.open(path) as picture:
            picture.draft("RGB", (1600, 1200))
            small = picture.convert("RGB")
            small.thumbnail((1600, 1600), Image.Resampling.LANCZOS)
            pictures.append(small)
    for quality in (60, 70, 75, 80, 85, 90, 95):
        sizes, scores = [], []
        for small in pictures:
            out = io.BytesIO()
            small.save(out, "JPEG", quality=quality, optimize=True)
            sizes.append(out.tell() / 1024)
            with Image.open(io.BytesIO(out.getvalue())) as back:
                scores.append(psnr(small, back.convert("RGB")))
        rows.append((quality, statistics.mean(sizes), statistics.mean(scores)))
    return rows


def gui_add(db: Path, files: list[Path]) -> tuple[float, float]:
    """Seconds to add the 20 photos through the Dokumentasi tab, and the longest stall."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from petugaspembina.gui.session_editor import SessionEditor
    from petugaspembina.store.store import Store

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = Store.open(db)
    session = store.write("sessions", {"title": "Sosialisasi TPPO", "date": "2026-06-14"})
    editor = SessionEditor(store, session)
    editor.show()
    app.processEvents()
    strip = editor.photo_strip
    assert strip is not None
    clock, worst = QElapsedTimer(), [0]
    heartbeat = QTimer()
    heartbeat.setInterval(10)

    def beat() -> None:
        worst[0] = max(worst[0], clock.restart())

    heartbeat.timeout.connect(beat)
    clock.start()
    heartbeat.start()
    start = time.perf_counter()
    strip.add_paths(files)
    while strip.strip.count() < len(files) or strip._pending:
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.perf_counter() - start
    heartbeat.stop()
    editor.close()
    store.close()
    return elapsed, worst[0] / 1000


def main() -> None:
    from petugaspembina.documents.produce import make_report
    from petugaspembina.store.store import Store
    from petugaspembina.sync.exporter import export_bundles

    files = phone_files()
    print("Q: quality, mean KB, mean PSNR dB (4 pictures of 12 MP downscaled to 1600×1200)")
    for quality, size, score in quality_table(files):
        print(f"   q{quality}: {size:6.0f} KB  {score:5.2f} dB")
    runs = []
    for run in range(3):
        folder = Path(tempfile.mkdtemp())
        elapsed, stall = gui_add(folder / "data.sqlite3", files)
        runs.append((elapsed, stall, folder))
        print(f"F1 run {run + 1}: {elapsed:.2f} s, longest stall {stall * 1000:.0f} ms")
    elapsed = statistics.median(r[0] for r in runs)
    stall = max(r[1] for r in runs)
    db = runs[-1][2] / "data.sqlite3"
    out = runs[-1][2] / "out"
    out.mkdir()
    with Store.open(db) as store:
        results = export_bundles(store, out)
        session = store.rows("SELECT id FROM sessions")[0]["id"]
        renders = []
        for run in range(5):
            start = time.perf_counter()
            make_report(store, session, runs[-1][2] / f"laporan-{run}.pdf")
            renders.append(time.perf_counter() - start)
    photo_bytes = sum(r.path.stat().st_size for r in results if r.photos and r.path)
    record_bytes = sum(r.path.stat().st_size for r in results if not r.photos and r.path)
    render = statistics.median(renders)
    print(
        f"F1: median {elapsed:.2f} s (≤ 5 s: {elapsed / 5:.2f}); worst stall {stall * 1000:.0f} ms"
    )
    print(
        f"F2: photo part {photo_bytes / 1e6:.2f} MB (≤ 10 MB: {photo_bytes / 10e6:.2f}); "
        f"records bundle {record_bytes / 1024:.1f} KB"
    )
    pdf = (runs[-1][2] / "laporan-0.pdf").stat().st_size
    print(
        f"F3: report with 20 photos {render:.2f} s (≤ 3 s: {render / 3:.2f}); PDF {pdf / 1e6:.1f} MB"
    )
    sys.stdout.flush()
    os._exit(0)  # skip PySide6's teardown at interpreter exit (it can crash after a bench)


if __name__ == "__main__":
    main()
