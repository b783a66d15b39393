"""Dataset versions on disk: `data/versions/<id>/<table>/…parquet` plus an atomically switched pointer.

A version is written completely into a hidden staging folder, then renamed into place; the pointer
file `data/versions/AKTIF` is replaced with `os.replace`, so a crash at any moment leaves the previous
version active and readable. Nothing here edits a version after it is published: imports write a new one
(`pantau.versi`, hard-linking unchanged files), and deletion renames a version out of sight before removing it.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from pantau import schema

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = ROOT / "data" / "reference"
POINTER = "AKTIF"
MANIFEST = "manifest.json"


def data_dir() -> Path:
    """The folder that holds `versions/`; `PANTAU_DATA` overrides it (tests, benchmarks)."""
    return Path(os.environ.get("PANTAU_DATA", ROOT / "data"))


def versions_dir() -> Path:
    return data_dir() / "versions"


@dataclass(frozen=True)
class Versi:
    """A published dataset version and what its manifest says about it."""

    id: str
    path: Path
    manifest: dict

    @property
    def jenis(self) -> str:
        """'demo' (generated), 'impor' (a file imported over a parent version), 'uji' (tests), …"""
        return self.manifest.get("jenis", "")

    @property
    def demo(self) -> bool:
        """True when the version shows demo data: a demo version, or an import whose other tables are demo."""
        return self.jenis == "demo" or bool(self.manifest.get("tabel_demo"))

    @property
    def tanggal_data(self) -> dict[str, str]:
        return self.manifest.get("tanggal_data", {})

    @property
    def baris(self) -> dict[str, int]:
        return self.manifest.get("baris", {})


def _read_manifest(path: Path) -> dict:
    return json.loads((path / MANIFEST).read_text(encoding="utf-8"))


def pointer_id() -> str | None:
    """The version the pointer names, or None when there is none (or the pointer is unreadable)."""
    pointer = versions_dir() / POINTER
    try:
        vid = json.loads(pointer.read_text(encoding="utf-8"))["versi"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return vid if isinstance(vid, str) and (versions_dir() / vid / MANIFEST).is_file() else None


_PERIKSA_DETIK = 2.0
_hasil_periksa: dict[tuple[str, str], tuple[float, str | None]] = {}
_rusak_saat_baca: dict[tuple[str, str], str] = {}


def _periksa_berkas(vid: str) -> str | None:
    """Why version `vid` cannot be served (a table's files missing or unreadable), or None when it is sound."""
    try:
        versi = get(vid)
    except (OSError, ValueError):
        return "manifest"
    for nama in schema.TABEL_DATASET:
        files = sorted((versi.path / nama).rglob("*.parquet")) if (versi.path / nama).is_dir() else []
        if not files and versi.baris.get(nama, 0) > 0:
            return f"{nama}: berkas hilang"
        for f in files:
            try:
                _footer_terbaca(f)
            except (OSError, pa.ArrowException) as e:
                return f"{nama}/{f.name}: {type(e).__name__}"
    return None


_footer_sah: set[tuple[str, int, int]] = set()


def _footer_terbaca(f: Path) -> None:
    """Read the Parquet footer of `f` (raises when unreadable); a file already read whose size and modification
    time have not changed since is only stat-ed."""
    info = f.stat()
    kunci = (str(f), info.st_size, info.st_mtime_ns)
    if kunci not in _footer_sah:
        pq.read_metadata(f)
        _footer_sah.add(kunci)


def masalah(vid: str) -> str | None:
    """Why `vid` is unsound (checked at most every 2 s per process, or flagged by a failed read), else None."""
    kunci = (str(versions_dir()), vid)
    if kunci in _rusak_saat_baca:
        return _rusak_saat_baca[kunci]
    waktu, alasan = _hasil_periksa.get(kunci, (0.0, None))
    if time.monotonic() - waktu > _PERIKSA_DETIK:
        alasan = _periksa_berkas(vid)
        _hasil_periksa[kunci] = (time.monotonic(), alasan)
    return alasan


def tandai_rusak(vid: str, alasan: str) -> None:
    """Record that reading `vid` failed, so the app serves the last good version instead."""
    _rusak_saat_baca[(str(versions_dir()), vid)] = alasan[:200]


def active_id() -> str | None:
    """The version the app serves: the pointer's, or, when its files are missing or unreadable, the newest
    sound version (the last good one). The pointer itself is not changed: an admin decides on Kelola Data."""
    vid = pointer_id()
    if vid is None or masalah(vid) is None:
        return vid
    return next((v.id for v in all_versions() if v.id != vid and masalah(v.id) is None), None)


def gangguan() -> tuple[str, str, str | None] | None:
    """(pointer version, reason, served version or None) when the pointer's version cannot be served."""
    vid = pointer_id()
    if vid is None or (alasan := masalah(vid)) is None:
        return None
    return vid, alasan, active_id()


def active() -> Versi | None:
    vid = active_id()
    return get(vid) if vid else None


def get(vid: str) -> Versi:
    path = versions_dir() / vid
    return Versi(vid, path, _read_manifest(path))


def all_versions() -> list[Versi]:
    """Every published version, newest first."""
    root = versions_dir()
    if not root.is_dir():
        return []
    found = [get(p.name) for p in root.iterdir()
             if p.is_dir() and not p.name.startswith(".") and (p / MANIFEST).is_file()]
    return sorted(found, key=lambda v: v.manifest.get("dibuat", ""), reverse=True)


def set_active(vid: str) -> None:
    """Point the app at version `vid` atomically (write a temp file, fsync, rename)."""
    get(vid)  # raises when the version does not exist
    root = versions_dir()
    tmp = root / f".{POINTER}.{uuid.uuid4().hex}"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({"versi": vid}, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, root / POINTER)


def new_id(prefix: str) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    return f"{stamp}-{prefix}-{uuid.uuid4().hex[:6]}"


@contextmanager
def staging(vid: str) -> Iterator[Path]:
    """Yield a hidden folder to write a version into; if the block succeeds, write the derived tables beside
    it (`db.bangun_turunan`) and publish it by rename."""
    root = versions_dir()
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".staging-{vid}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        yield tmp
        if not (tmp / MANIFEST).is_file():
            raise RuntimeError(f"version {vid} has no manifest")
        from pantau import db                  # db imports this module
        db.bangun_turunan(tmp, hanya_yang_hilang=True)   # an import may have linked its parent's
        os.replace(tmp, root / vid)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_manifest(path: Path, **fields) -> None:
    fields.setdefault("dibuat", datetime.now(timezone.utc).isoformat(timespec="seconds"))
    (path / MANIFEST).write_text(json.dumps(fields, indent=2, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def write_manifest_atomic(path: Path, **fields) -> None:
    """`write_manifest`, then flush the folder's new files to disk (a published version survives a power cut)."""
    write_manifest(path, **fields)
    for f in path.rglob("*"):
        if f.is_file():
            with open(f, "rb") as h:
                os.fsync(h.fileno())


@contextmanager
def lock() -> Iterator[None]:
    """An exclusive lock for changes to the set of versions (imports, rollbacks, deletions), across processes.

    The lock file lives beside `versions/`, so taking it leaves no trace inside the versions folder."""
    data_dir().mkdir(parents=True, exist_ok=True)
    with open(data_dir() / ".kelola.lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def remove(vid: str) -> None:
    """Delete a published version: rename it out of sight first, so a crash leaves no half version."""
    root = versions_dir()
    tmp = root / f".hapus-{vid}"
    os.replace(root / vid, tmp)
    shutil.rmtree(tmp, ignore_errors=True)


def clean_leftovers(pola: str = ".staging-*-impor-*") -> None:
    """Remove staging and deletion folders a killed process left behind (call under `lock()`)."""
    root = versions_dir()
    if root.is_dir():
        for p in [*root.glob(pola), *root.glob(".hapus-*")]:
            shutil.rmtree(p, ignore_errors=True)


def table_files(versi: Versi, nama: str) -> list[Path]:
    folder = versi.path / nama
    return sorted(folder.rglob("*.parquet")) if folder.is_dir() else []


def row_count(versi: Versi, nama: str) -> int:
    """Rows of a table, from the Parquet footers (no data read)."""
    return sum(pq.ParquetFile(f).metadata.num_rows for f in table_files(versi, nama))


def open_table(versi: Versi, nama: str, files: list[Path] | None = None) -> pads.Dataset | None:
    """A pyarrow dataset over a version's table (or some of its files), typed by the contract (with `tahun`
    from the partition path)."""
    tabel = schema.TABEL[nama]
    files = table_files(versi, nama) if files is None else files
    if not files:
        return None
    partisi = pads.partitioning(pa.schema([("tahun", pa.int64())]), flavor="hive") if tabel.partisi_tahun else None
    return pads.dataset([str(f) for f in files], schema=tabel.arrow_schema, partitioning=partisi,
                        partition_base_dir=str(versi.path / nama))


def read_table(versi: Versi, nama: str, kolom: list[str] | None = None,
               isin: tuple[str, list] | None = None) -> pd.DataFrame:
    """A version's table (or some of its columns, optionally only rows whose column `isin[0]` is one of
    `isin[1]`) as pandas, dates as `datetime.date`."""
    ds = open_table(versi, nama)
    if ds is None:
        return pd.DataFrame({k: pd.Series(dtype=object) for k in (kolom or schema.TABEL[nama].kolom_nama())})
    saring = pads.field(isin[0]).isin(isin[1]) if isin else None
    return ds.to_table(columns=kolom, filter=saring).to_pandas(date_as_object=True)
