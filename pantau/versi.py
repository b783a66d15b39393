"""Dataset versions as the admin sees them: import a file as a new version, compare, roll back, delete.

An import is copy-on-write: the new version hard-links every untouched Parquet file of the active version
(falling back to a copy), writes only the imported table (replaced, or appended as an extra file), and is
published by `dataset.staging` (rename) and switched in with `dataset.set_active` (atomic pointer). A crash
or kill at any moment leaves the previous version active and readable; a rejected file writes nothing.
Functions that change anything take an `auth.Admin`, which only `pantau.auth` can make.

Test hook: PANTAU_INGEST_JEDA=<seconds> sleeps between the writes of a new version (see pantau.ingest).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pantau import dataset, db, fmt, schema
from pantau.auth import Admin
from pantau.i18n import t
from pantau.ingest import Bacaan, baca
from pantau.validasi import Laporan, periksa as periksa_bacaan

TABEL_IMPOR = schema.TABEL_DATASET
MODE = ("ganti", "tambah")
RIWAYAT = "riwayat.jsonl"
ZONA = ZoneInfo("Asia/Jakarta")


class Ditolak(Exception):
    """An action that is not allowed (the reason is a locale key under kelola.tolak)."""

    def __init__(self, kode: str, **args):
        super().__init__(kode)
        self.kode, self.args_ = kode, args

    def pesan(self, lang: str = "id") -> str:
        return t(f"kelola.tolak.{self.kode}", lang, **self.args_)


class Tabel(NamedTuple):
    """A table ready for `layout.tabel`: readable column names and their number formats."""

    df: pd.DataFrame
    format: dict[str, str]


def tampil(df: pd.DataFrame, format_kolom: dict[str, str | None], lang: str) -> Tabel:
    """Keep the columns named in `format_kolom`, headed in the user's language (kelola.judul_kolom.*)."""
    judul = {k: t(f"kelola.judul_kolom.{k}", lang) for k in format_kolom}
    return Tabel(df[list(format_kolom)].rename(columns=judul), {judul[k]: v for k, v in format_kolom.items() if v})


@dataclass
class Hasil:
    """What an import (or a check) gives back: the report, and the new version when one was published."""

    laporan: Laporan
    bacaan: Bacaan
    versi: dataset.Versi | None = None


def nama_tabel(nama: str, lang: str = "id") -> str:
    return t(f"kelola.tabel.{nama}", lang)


def wajib_admin(admin: object) -> Admin:
    if not isinstance(admin, Admin):
        raise Ditolak("perlu_admin")
    return admin


def _cek_pilihan(tabel: str, mode: str) -> None:
    if tabel not in TABEL_IMPOR:
        raise Ditolak("tabel_tidak_dikenal", tabel=str(tabel)[:40])
    if mode not in MODE:
        raise Ditolak("mode_tidak_dikenal", mode=str(mode)[:20])


def periksa(isi: bytes, berkas: str, tabel: str, mode: str = "ganti") -> Hasil:
    """Read and validate a file against the active version; writes nothing (open to every user)."""
    _cek_pilihan(tabel, mode)
    bacaan = baca(isi, berkas, tabel)
    return Hasil(periksa_bacaan(bacaan, mode, dataset.active()), bacaan)


def impor(isi: bytes, berkas: str, tabel: str, mode: str, admin: Admin | None) -> Hasil:
    """Validate a file and, when it has no errors, publish it as the new active version."""
    admin = wajib_admin(admin)
    _cek_pilihan(tabel, mode)
    bacaan = baca(isi, berkas, tabel)
    with dataset.lock():
        induk = dataset.active()
        laporan = periksa_bacaan(bacaan, mode, induk)
        if not laporan.ok:
            return Hasil(laporan, bacaan)
        try:
            dataset.clean_leftovers()
            versi = _terbitkan(bacaan, mode, admin, induk, hashlib.sha256(isi).hexdigest())
            dataset.set_active(versi.id)
        except OSError as e:       # read-only folder, disk full: nothing was switched, the active version stays
            raise Ditolak("tidak_bisa_menulis", alasan=f"{type(e).__name__}: {e.strerror or e}") from e
        _catat("impor", admin, versi.id, induk.id if induk else None)
    return Hasil(laporan, bacaan, versi)


# ---------------------------------------------------------------- writing a version


def _jeda() -> None:
    """Test hook (PANTAU_INGEST_JEDA): sleep between writes so a test can kill the process mid-write."""
    detik = os.environ.get("PANTAU_INGEST_JEDA")
    if detik:
        time.sleep(float(detik))


def _tautkan_turunan(induk: dataset.Versi, root: Path, tabel: str) -> None:
    """Hard-link the parent's derived tables that do not read the imported table (the others are written
    again when the version is published)."""
    for nama in db.TURUNAN:
        asal = db.berkas_turunan(induk.path, nama)
        if tabel not in db.sumber_turunan(nama) and asal.is_file():
            tujuan = db.berkas_turunan(root, nama)
            tujuan.parent.mkdir(exist_ok=True)
            try:
                os.link(asal, tujuan)
            except OSError:
                shutil.copy2(asal, tujuan)


def _tautkan(asal: Path, tujuan: Path) -> None:
    """Hard-link every file of a table folder into the new version (copy where links are impossible)."""
    if not asal.is_dir():
        return
    for f in sorted(asal.rglob("*")):
        sasaran = tujuan / f.relative_to(asal)
        if f.is_dir():
            sasaran.mkdir(parents=True, exist_ok=True)
            continue
        sasaran.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(f, sasaran)
        except OSError:
            shutil.copy2(f, sasaran)


def _arrow(tabel: schema.Tabel, df: pd.DataFrame) -> pa.Table:
    kolom = [k for k in tabel.kolom if not (tabel.partisi_tahun and k.nama == "tahun")]
    arrays = [pa.array(df[k.nama].astype(object).where(df[k.nama].notna(), None).tolist(), type=k.arrow)
              for k in kolom]
    return pa.Table.from_arrays(arrays, schema=pa.schema([pa.field(k.nama, k.arrow) for k in kolom]))


def tulis_tabel(root: Path, nama: str, df: pd.DataFrame, berkas: str) -> None:
    """Write rows of a table in contract order (one file per `tahun` for partitioned tables)."""
    tabel = schema.TABEL[nama]
    df = df.sort_values(list(tabel.kunci), kind="stable").reset_index(drop=True)
    bagian = df.groupby("tahun", sort=True) if tabel.partisi_tahun else [(None, df)]
    for tahun, isi in bagian:
        folder = root / nama / (f"tahun={int(tahun)}" if tahun is not None else "")
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(_arrow(tabel, isi), folder / berkas, compression="zstd")
        _jeda()


def tanggal_data(nama: str, df: pd.DataFrame) -> str | None:
    """The date a table's rows refer to (its latest period), for the 'data per …' notices."""
    kolom = schema.TABEL[nama].kolom_periode
    nilai = df[kolom].dropna() if kolom and kolom in df else pd.Series(dtype=object)
    if nilai.empty:
        return None
    if kolom.startswith("tahun"):
        return f"{int(nilai.max())}-12-31"
    return pd.Timestamp(max(nilai)).date().isoformat()


def _manifest(induk: dataset.Versi | None, bacaan: Bacaan, mode: str, root: Path, admin: Admin, sidik: str) -> dict:
    nama = bacaan.tabel
    lama = induk.manifest if induk else {}
    baru = tanggal_data(nama, bacaan.data)
    tanggal = dict(lama.get("tanggal_data", {}))
    if mode == "tambah" and tanggal.get(nama) and baru:
        baru = max(baru, tanggal[nama])
    tanggal[nama] = baru or tanggal.get(nama)
    baris = dict(lama.get("baris", {}))
    baris[nama] = sum(pq.ParquetFile(f).metadata.num_rows for f in (root / nama).rglob("*.parquet"))
    demo = set(lama.get("tabel_demo", schema.TABEL_DATASET if induk and induk.jenis == "demo" else ()))
    if mode == "ganti":
        demo.discard(nama)
    diperbarui = dict(lama.get("diperbarui", {}))
    diperbarui[nama] = {"berkas": bacaan.berkas, "mode": mode}
    return dict(jenis="impor", dibuat=datetime.now(timezone.utc).isoformat(timespec="microseconds"),
                oleh=admin.nama, cara_masuk=admin.cara, berkas=bacaan.berkas, berkas_sha256=sidik, tabel=nama,
                mode=mode, baris=baris, baris_berkas=len(bacaan.data),
                tanggal_data={k: v for k, v in tanggal.items() if v}, induk=induk.id if induk else None,
                tabel_demo=sorted(demo), diperbarui=diperbarui)


def _terbitkan(bacaan: Bacaan, mode: str, admin: Admin, induk: dataset.Versi | None, sidik: str) -> dataset.Versi:
    vid = dataset.new_id("impor")
    with dataset.staging(vid) as root:
        for nama in TABEL_IMPOR:
            if induk is not None and (nama != bacaan.tabel or mode == "tambah"):
                _tautkan(induk.path / nama, root / nama)
                _jeda()
        berkas = f"part-{vid}.parquet" if mode == "tambah" else "part-0.parquet"
        tulis_tabel(root, bacaan.tabel, bacaan.data, berkas)
        if induk is not None:
            _tautkan_turunan(induk, root, bacaan.tabel)
        manifest = _manifest(induk, bacaan, mode, root, admin, sidik)
        manifest["diperbarui"][bacaan.tabel]["versi"] = vid
        dataset.write_manifest_atomic(root, **manifest)
    return dataset.get(vid)


# ---------------------------------------------------------------- rollback, deletion, history


def _catat(aksi: str, admin: Admin, vid: str, dari: str | None) -> None:
    """Append one line to the history of version changes (who, when, what)."""
    baris = {"waktu": datetime.now(timezone.utc).isoformat(timespec="seconds"), "aksi": aksi, "oleh": admin.nama,
             "versi": vid, "dari": dari}
    with open(dataset.data_dir() / RIWAYAT, "a", encoding="utf-8") as f:
        f.write(json.dumps(baris, ensure_ascii=False) + "\n")


def pulihkan(vid: str, admin: Admin | None) -> None:
    """Roll back (or forward): make version `vid` the active one."""
    admin = wajib_admin(admin)
    with dataset.lock():
        if vid not in {v.id for v in dataset.all_versions()}:
            raise Ditolak("versi_tidak_ada", versi=str(vid)[:60])
        dari = dataset.active_id()
        dataset.set_active(vid)
        _catat("pulihkan", admin, vid, dari)


def alasan_tidak_bisa_dihapus(vid: str) -> str | None:
    """Why a version may not be deleted (a kelola.tolak key), or None when it may."""
    if vid == dataset.active_id():
        return "hapus_aktif"
    if vid not in {v.id for v in dataset.all_versions()}:
        return "versi_tidak_ada"
    return "hapus_demo" if dataset.get(vid).jenis == "demo" else None


def hapus(vid: str, admin: Admin | None) -> None:
    """Delete a version that is neither active nor the demo (files shared by hard links stay in the others)."""
    admin = wajib_admin(admin)
    with dataset.lock():
        alasan = alasan_tidak_bisa_dihapus(vid)
        if alasan:
            raise Ditolak(alasan, versi=str(vid)[:60])
        dataset.remove(vid)
        _catat("hapus", admin, vid, None)


def riwayat(lang: str = "id") -> pd.DataFrame:
    """Imports, rollbacks and deletions, newest first."""
    path = dataset.data_dir() / RIWAYAT
    baris = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()] \
        if path.is_file() else []
    df = pd.DataFrame(baris[::-1], columns=["waktu", "aksi", "oleh", "versi", "dari"])
    df["waktu"] = [waktu(w, lang) for w in df.waktu]
    df["aksi"] = [t(f"kelola.riwayat.{a}", lang) for a in df.aksi]
    return df


def tabel_riwayat(lang: str = "id") -> Tabel:
    return tampil(riwayat(lang), {"waktu": None, "aksi": None, "oleh": None, "versi": None, "dari": None}, lang)


def waktu(iso: str | None, lang: str = "id") -> str:
    """'27 April 2015 14.03 WIB' from a stored UTC timestamp."""
    if not iso:
        return fmt.KOSONG
    d = datetime.fromisoformat(iso).astimezone(ZONA)
    jam = f"{d:%H.%M}" if lang == "id" else f"{d:%H:%M}"
    return f"{fmt.tanggal(d.date(), lang=lang)} {jam} WIB"


# ---------------------------------------------------------------- listing and comparing


KOLOM_DAFTAR = ["id", "aktif", "jenis", "dibuat", "oleh", "berkas", "tabel", "mode", "baris_berkas", "baris_total"]


def _baris_daftar(v: dataset.Versi, aktif: str | None, lang: str) -> dict:
    m = v.manifest
    jenis = t(f"kelola.jenis.{v.jenis}", lang) if v.jenis in ("demo", "impor", "uji") else v.jenis
    return {"id": v.id, "aktif": "✔" if v.id == aktif else "", "jenis": jenis, "dibuat": waktu(m.get("dibuat"), lang),
            "oleh": m.get("oleh") or "", "berkas": m.get("berkas") or "",
            "tabel": nama_tabel(m["tabel"], lang) if m.get("tabel") in TABEL_IMPOR else "",
            "mode": t(f"kelola.mode.{m['mode']}", lang) if m.get("mode") in MODE else "",
            "baris_berkas": m.get("baris_berkas"), "baris_total": sum(m.get("baris", {}).values())}


def daftar(lang: str = "id") -> pd.DataFrame:
    """Every version, newest first: when, who, which file and table, how, row counts; the active one marked."""
    aktif = dataset.active_id()
    return pd.DataFrame([_baris_daftar(v, aktif, lang) for v in dataset.all_versions()], columns=KOLOM_DAFTAR)


def tabel_daftar(lang: str = "id") -> Tabel:
    return tampil(daftar(lang), {"aktif": None, "dibuat": None, "jenis": None, "oleh": None, "berkas": None,
                                 "tabel": None, "mode": None, "baris_berkas": "angka", "baris_total": "angka",
                                 "id": None}, lang)


def label_versi(lang: str = "id") -> dict[str, str]:
    """Version id -> 'kind · created · file' for drop-downs (newest first, the active one marked)."""
    return {r.id: " · ".join(x for x in (("✔ " if r.aktif else "") + r.jenis, r.dibuat, r.berkas or r.oleh) if x)
            for r in daftar(lang).itertuples()}


def _berkas(versi: dataset.Versi, nama: str) -> dict[tuple[int, int], Path]:
    """A table's files by their identity on disk (files shared by hard links have the same identity)."""
    return {(f.stat().st_dev, f.stat().st_ino): f for f in dataset.table_files(versi, nama)}


def _sidik(versi: dataset.Versi, nama: str, berkas: list[Path]) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of each row's key and of its whole content, for the rows of some files (read in batches);
    one row per key, sorted by key hash."""
    ds = dataset.open_table(versi, nama, berkas) if berkas else None
    tabel, kunci, isi = schema.TABEL[nama], [np.empty(0, "uint64")], [np.empty(0, "uint64")]
    for batch in ds.to_batches(batch_size=500_000) if ds is not None else ():
        df = batch.to_pandas()
        for k in (k for k in tabel.kolom if k.tipe in ("int", "float")):
            df[k.nama] = df[k.nama].astype("float64")           # same hash whether a file has nulls or not
        kunci.append(pd.util.hash_pandas_object(df[list(tabel.kunci)], index=False).to_numpy())
        isi.append(pd.util.hash_pandas_object(df, index=False).to_numpy())
    k, posisi = np.unique(np.concatenate(kunci), return_index=True)
    return k, np.concatenate(isi)[posisi]


def _banding_tabel(a: dataset.Versi, b: dataset.Versi, nama: str) -> dict:
    """Only files that are not shared between the two versions are read: shared files hold the same rows."""
    fa, fb = _berkas(a, nama), _berkas(b, nama)
    ka, ra = _sidik(a, nama, [f for i, f in fa.items() if i not in fb])
    kb, rb = _sidik(b, nama, [f for i, f in fb.items() if i not in fa])
    _, ia, ib = np.intersect1d(ka, kb, assume_unique=True, return_indices=True)
    return {"ditambah": len(kb) - len(ia), "dihapus": len(ka) - len(ia), "diubah": int((ra[ia] != rb[ib]).sum()),
            "baris_a": dataset.row_count(a, nama), "baris_b": dataset.row_count(b, nama)}


def bandingkan(vid_a: str, vid_b: str, lang: str = "id") -> pd.DataFrame:
    """Rows added, removed and changed (same key, other values) per table from version A to version B."""
    a, b = dataset.get(vid_a), dataset.get(vid_b)
    baris = [{"tabel": t(f"kelola.tabel.{nama}", lang), **_banding_tabel(a, b, nama)} for nama in TABEL_IMPOR]
    df = pd.DataFrame(baris, columns=["tabel", "baris_a", "baris_b", "ditambah", "dihapus", "diubah"])
    df["sama"] = np.where(df[["ditambah", "dihapus", "diubah"]].sum(axis=1) == 0, "✔", "")
    return df


def tabel_banding(df: pd.DataFrame, lang: str = "id") -> Tabel:
    return tampil(df, {"tabel": None, "baris_a": "angka", "baris_b": "angka", "ditambah": "angka",
                       "dihapus": "angka", "diubah": "angka", "sama": None}, lang)
