"""Dataset versions on disk: `data/versions/<id>/<table>/…parquet` plus an atomically switched pointer.

A version is written completely into a hidden staging folder, then renamed into place; the pointer
file `data/versions/AKTIF` is replaced with `os.replace`, so a crash at any moment leaves the previous
version active and readable. Nothing here edits a version after it is published.
"""
from __future__ import annotations

import json
import os
import shutil
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

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
    def demo(self) -> bool:
        return self.manifest.get("jenis") == "demo"

    @property
    def tanggal_data(self) -> dict[str, str]:
        return self.manifest.get("tanggal_data", {})

    @property
    def baris(self) -> dict[str, int]:
        return self.manifest.get("baris", {})


def _read_manifest(path: Path) -> dict:
    return json.loads((path / MANIFEST).read_text(encoding="utf-8"))


def active_id() -> str | None:
    """The id of the active version, or None when there is none (or the pointer is unreadable)."""
    pointer = versions_dir() / POINTER
    try:
        vid = json.loads(pointer.read_text(encoding="utf-8"))["versi"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return vid if (versions_dir() / vid / MANIFEST).is_file() else None


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
    found = [get(p.name) for p in root.iterdir() if p.is_dir() and (p / MANIFEST).is_file()]
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
    """Yield a hidden folder to write a version into; publish it by rename only if the block succeeds."""
    root = versions_dir()
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".staging-{vid}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        yield tmp
        if not (tmp / MANIFEST).is_file():
            raise RuntimeError(f"version {vid} has no manifest")
        os.replace(tmp, root / vid)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_manifest(path: Path, **fields) -> None:
    fields.setdefault("dibuat", datetime.now(timezone.utc).isoformat(timespec="seconds"))
    (path / MANIFEST).write_text(json.dumps(fields, indent=2, ensure_ascii=False, sort_keys=True), encoding="utf-8")
