"""The session's photos in the session editor (tab "Dokumentasi"): a thumbnail strip to add from
files or a folder (or by dropping them), caption, reorder, remove, and keep or drop the GPS
position of each photo. Adding runs in the background; every change is saved at once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QSize, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.display import wall_clock_moment
from ..core.records import Session
from ..store.errors import StoreError
from ..store.photos import PhotoInfo, drop_location, list_photos, move_photo, photo_data
from ..store.photos import remove_photo as erase_photo
from ..store.store import Store
from . import messages
from .form_labels import fit_form_labels
from .worker import Progress, run_task

THUMB = QSize(128, 96)
THUMBS_PER_TURN = 4  # ~5 ms each
PICTURES = "Gambar (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.JPG *.JPEG *.PNG);;Semua (*)"


def thumbnail(data: bytes) -> QPixmap:
    """A small picture of stored JPEG bytes, decoded at reduced size (fast for a 1600 px photo)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
    return QPixmap.fromImage(reader.read())


class _Strip(QListWidget):
    """The thumbnails: reordered by dragging, picture files dropped from outside are added."""

    def __init__(self, owner: PhotoStrip) -> None:
        super().__init__()
        self.owner = owner
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 16, THUMB.height() + 36))
        # Static: each thumbnail sits in the grid cell of its row, whatever arrives later (with
        # Snap, positions kept from before the icons came drew photos over each other, and a
        # click chose the neighbour). Dragging still reorders the rows.
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)
        self.setWordWrap(False)
        self.setFixedHeight(THUMB.height() + 60)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if event.mimeData().hasUrls():
            paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            event.acceptProposedAction()
            self.owner.add_paths(paths)
            return
        moving = self.currentItem()
        super().dropEvent(event)
        if moving is not None:
            self.owner.moved(moving.data(Qt.ItemDataRole.UserRole), self.row(moving))


class PhotoStrip(QWidget):
    """The photos of one saved session."""

    def __init__(self, store: Store, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.session_id = session_id
        self.photos: dict[str, PhotoInfo] = {}
        self._pending: list[tuple[QListWidgetItem, str]] = []
        self._shown: str | None = None  # the photo whose caption is in the field
        self.strip = _Strip(self)
        self.strip.currentItemChanged.connect(self._selected)
        add_files = QPushButton(self.tr("Tambah &foto…"))
        add_files.clicked.connect(self.on_add_files_clicked)
        add_folder = QPushButton(self.tr("Tambah dari f&older…"))
        add_folder.clicked.connect(self.on_add_folder_clicked)
        self.keep_new = QCheckBox(self.tr("Simpan &lokasi GPS foto baru"))
        self.keep_new.setToolTip(
            self.tr("Biasanya dimatikan: lokasi foto dihapus agar tidak ikut tersebar.")
        )
        top = QHBoxLayout()
        top.addWidget(add_files)
        top.addWidget(add_folder)
        top.addStretch(1)
        top.addWidget(self.keep_new)

        self.caption = QLineEdit()
        self.caption.setMaxLength(300)
        self.caption.setPlaceholderText(self.tr("mis. Pembukaan oleh Kepala Desa"))
        self.caption.editingFinished.connect(self.on_caption_edited)
        self.keeps_location = QCheckBox(self.tr("Lokasi GPS foto ini &disimpan"))
        self.keeps_location.toggled.connect(self.on_keep_location_toggled)
        self.left = QPushButton(self.tr("◀ &Geser"))
        self.left.clicked.connect(lambda: self.shift(-1))
        self.right = QPushButton(self.tr("G&eser ▶"))
        self.right.clicked.connect(lambda: self.shift(1))
        self.remove = QPushButton(self.tr("&Hapus foto"))
        self.remove.clicked.connect(self.on_remove_clicked)
        actions = QHBoxLayout()
        actions.addWidget(self.left)
        actions.addWidget(self.right)
        actions.addWidget(self.keeps_location)
        actions.addStretch(1)
        actions.addWidget(self.remove)
        form = QFormLayout()
        caption_label = QLabel(self.tr("&Keterangan"))
        caption_label.setBuddy(self.caption)
        form.addRow(caption_label, self.caption)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Foto diperkecil (sisi terpanjang 1600 piksel) dan langsung tersimpan; seret "
                "berkas ke sini untuk menambah, seret gambar kecil untuk mengubah urutan. "
                "Foto tampil di Lampiran: Dokumentasi pada laporan kegiatan."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(top)
        layout.addWidget(self.strip)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.reload()
        fit_form_labels(self)

    # -- showing ---------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Show the session's photos again (after any change)."""
        current = select or self.current_id()
        self.strip.blockSignals(True)
        self.strip.clear()
        self.photos = {p.id: p for p in list_photos(self.store, self.session_id)}
        self._pending = []
        for number, photo in enumerate(self.photos.values(), start=1):
            item = QListWidgetItem()
            self._label(item, number, photo)
            if photo.available:
                self._pending.append((item, photo.sha256))
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            self.strip.addItem(item)
            if photo.id == current:
                self.strip.setCurrentItem(item)
        self.strip.blockSignals(False)
        if self.strip.currentItem() is None and self.strip.count():
            self.strip.setCurrentRow(0)
        self._selected()
        QTimer.singleShot(0, self.strip, self._next_thumbnails)

    def _label(self, item: QListWidgetItem, number: int, photo: PhotoInfo) -> None:
        label = f"{number}. {photo.caption}" if photo.caption else str(number)
        if len(label) > 20:
            label = label[:19] + "…"
        item.setText(label if photo.available else self.tr("{0} (belum diterima)").format(number))
        item.setToolTip(photo.caption or "")

    def _next_thumbnails(self) -> None:
        """A few thumbnails per turn of the event loop: the window never waits for all of them."""
        batch, self._pending = self._pending[:THUMBS_PER_TURN], self._pending[THUMBS_PER_TURN:]
        for item, digest in batch:
            data = photo_data(self.store, digest)
            if data is not None:
                item.setIcon(QIcon(thumbnail(data)))
        self.strip.doItemsLayout()
        if self._pending:
            QTimer.singleShot(0, self.strip, self._next_thumbnails)

    def current_id(self) -> str | None:
        """The selected photo's id."""
        item = self.strip.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _selected(self, *_: object) -> None:
        if self._shown is not None and self._shown != self.current_id():
            self._save_caption(self._shown)  # typed for the photo chosen before: kept with it
        photo = self.photos.get(self.current_id() or "")
        self._shown = photo.id if photo else None
        for widget in (self.caption, self.left, self.right, self.remove):
            widget.setEnabled(photo is not None)
        self.caption.setText(photo.caption or "" if photo else "")
        self.keeps_location.blockSignals(True)
        self.keeps_location.setChecked(bool(photo and photo.keep_location))
        self.keeps_location.setEnabled(bool(photo and photo.keep_location))
        self.keeps_location.blockSignals(False)
        if photo is None:
            self.details.setText(self.tr("Belum ada foto.") if not self.photos else "")
            return
        zone = self.store.get(Session, self.session_id, include_deleted=True).time_zone
        taken = wall_clock_moment(photo.taken_at, zone) or "-"
        self.details.setText(
            self.tr("Diambil {0} · {1}×{2} piksel · {3} KB").format(
                taken, photo.width, photo.height, round((photo.byte_size or 0) / 1024)
            )
        )

    # -- adding ----------------------------------------------------------------------------------
    def on_add_files_clicked(self) -> None:
        files = messages.ask_open_files(self, self.tr("Pilih foto kegiatan"), PICTURES, "photos")
        if files:
            self.add_paths(files)

    def on_add_folder_clicked(self) -> None:
        folder = messages.ask_folder(
            self, self.tr("Pilih folder foto (kartu kamera, ponsel)"), "photos"
        )
        if folder is not None:
            self.add_paths([folder])

    def add_paths(self, paths: list[Path]) -> None:
        """Prepare and store pictures in the background, with progress; the window stays usable."""
        if not paths or self.store.path is None:
            return
        db_path, session_id, keep = self.store.path, self.session_id, self.keep_new.isChecked()

        def work(progress: Progress) -> list[Any]:
            from ..store.photo_files import add_photo_files

            with Store.open(db_path, full_check=False) as store:
                return add_photo_files(
                    store, session_id, paths, keep_location=keep, progress=progress
                )

        run_task(self, self.tr("Menambahkan foto…"), work, self._added, self._failed)

    def _added(self, outcomes: list[Any]) -> None:
        added = [o for o in outcomes if o.result == "added"]
        refused = [o for o in outcomes if o.result == "refused"]
        same = len(outcomes) - len(added) - len(refused)
        self.reload(select=added[-1].photo_id if added else None)
        text = self.tr("{0} foto ditambahkan.").format(len(added))
        if same:
            text += " " + self.tr("{0} sudah ada.").format(same)
        if refused:  # said where the count is, not only in a box that may be closed unread
            text += " " + self.tr("{0} ditolak: {1}").format(
                len(refused),
                "; ".join(f"{o.file}: {o.message}" for o in refused[:2])
                + ("; …" if len(refused) > 2 else ""),
            )
        if not outcomes:
            text = self.tr("Tidak ada berkas gambar di sana.")
        messages.show_status(self.status, text, error=not outcomes or bool(refused))
        if refused:
            messages.warn(
                self,
                self.tr("Sebagian foto ditolak"),
                "\n".join(f"{o.file}: {o.message}" for o in refused[:15]),
            )

    def _failed(self, message: str) -> None:
        messages.show_status(self.status, message, error=True)

    # -- editing ---------------------------------------------------------------------------------
    def _act(self, action: Any, select: str | None = None) -> None:
        try:
            action()
        except StoreError as exc:
            messages.show_status(self.status, str(exc), error=True)
            return
        self.reload(select)

    def on_caption_edited(self) -> None:
        if self._shown is not None:
            self._save_caption(self._shown)

    def _save_caption(self, photo_id: str) -> None:
        """Save the caption field to the photo it was typed for. The strip is not rebuilt: a
        click on another thumbnail that ended the typing still chooses that thumbnail."""
        from ..store.photos import set_caption

        photo = self.photos.get(photo_id)
        text = self.caption.text().strip() or None
        if photo is None or text == photo.caption:
            return
        try:
            set_caption(self.store, photo.id, text)
        except StoreError as exc:
            messages.show_status(self.status, str(exc), error=True)
            return
        self.photos[photo.id] = replace(photo, caption=text)
        row = list(self.photos).index(photo.id)
        item = self.strip.item(row)
        if item is not None:
            self._label(item, row + 1, self.photos[photo.id])
        messages.show_status(self.status, self.tr("Keterangan disimpan."))

    def shift(self, step: int) -> None:
        """Move the selected photo one place left (-1) or right (1)."""
        photo_id = self.current_id()
        if photo_id is None:
            return
        index = list(self.photos).index(photo_id) + step
        self._act(lambda: move_photo(self.store, photo_id, max(0, index)), photo_id)

    def moved(self, photo_id: str, index: int) -> None:
        """A thumbnail was dragged to ``index``."""
        self._act(lambda: move_photo(self.store, photo_id, index), photo_id)

    def on_keep_location_toggled(self, checked: bool) -> None:
        photo_id = self.current_id()
        if checked or photo_id is None:
            return
        if not messages.confirm_danger(
            self,
            self.tr("Hapus lokasi foto"),
            self.tr("Lokasi GPS dihapus dari foto ini dan tidak dapat dikembalikan. Lanjutkan?"),
            self.tr("Hapus lokasi"),
        ):
            self._selected()
            return
        self._act(lambda: drop_location(self.store, photo_id), photo_id)

    def on_remove_clicked(self) -> None:
        photo_id = self.current_id()
        if photo_id is None:
            return
        if not messages.confirm_danger(
            self,
            self.tr("Hapus foto"),
            self.tr(
                "Foto ini dihapus permanen dari perangkat ini dan, lewat sinkronisasi, dari "
                "kantor. Lanjutkan?"
            ),
            self.tr("Hapus foto"),
        ):
            return
        self._act(lambda: erase_photo(self.store, photo_id))
