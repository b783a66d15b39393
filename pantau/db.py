"""The query layer: the only module that imports duckdb.

One DuckDB connection per process and dataset version, with a view per contract table over the
version's Parquet files (and `wilayah` over the committed reference). `query(name, **params)` runs
`queries/<name>.sql` on a fresh cursor with `$named` parameters only; results are cached per version.

Derived tables (`queries/turunan/*.sql`: sums of the 10-million-row loan book, year-to-date UPK accounts) are written into a version's
`_turunan/` folder when it is published (`bangun_turunan`). Where a version has none, or one cannot be read,
the same SQL serves as a view, so answers never depend on them, only speed does.
"""
from __future__ import annotations

import os
import re
import uuid
from functools import lru_cache, partial
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import streamlit as st

from pantau import dataset, schema

QUERIES = dataset.ROOT / "queries"
_NAMA = re.compile(r"^[a-z0-9_]+$")
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
TURUNAN = ("pinjaman_kelurahan_bulanan", "pinjaman_kab_bulanan", "upk_keuangan_ytd")   # in build order: each may read the ones before
FOLDER_TURUNAN = "_turunan"


class QueryError(Exception):
    """A query could not run on the active data (missing or unreadable files)."""


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _view_sql(tabel: schema.Tabel, root: Path) -> str:
    """A view over the table's Parquet files, or an empty typed relation when the table has none."""
    folder = dataset.REFERENCE_DIR / "wilayah.parquet" if tabel.referensi else root / tabel.nama
    files = [folder] if tabel.referensi else sorted(folder.rglob("*.parquet")) if folder.is_dir() else []
    if not files:
        kolom = ", ".join(f"null::{k.duckdb} as {k.nama}" for k in tabel.kolom)
        return f"create or replace view {tabel.nama} as select {kolom} where false"
    pola = _sql_path(folder) if tabel.referensi else _sql_path(folder) + "/**/*.parquet"
    hive = ", hive_partitioning = true" if tabel.partisi_tahun else ""
    return f"create or replace view {tabel.nama} as select * from read_parquet('{pola}'{hive})"


def sumber_turunan(nama: str) -> set[str]:
    """The contract tables a derived table is computed from (read from its SQL, through the derived tables
    it reads in turn)."""
    sql = _sql_turunan(nama)
    langsung = {t for t in schema.TABEL if re.search(rf"\b{t}\b", sql)}
    for lain in TURUNAN:
        if lain != nama and re.search(rf"\b{lain}\b", sql):
            langsung |= sumber_turunan(lain)
    return langsung


def berkas_turunan(root: Path, nama: str) -> Path:
    """Where a version keeps derived table `nama`."""
    return root / FOLDER_TURUNAN / f"{nama}.parquet"


def _turunan_terbaca(path: Path) -> bool:
    try:
        pq.read_metadata(path)
        return True
    except (OSError, pa.ArrowException):
        return False


def _buka(root: Path) -> duckdb.DuckDBPyConnection:
    """A connection with a view per contract table over the Parquet under `root`, and the derived tables: their
    file where it is readable, else their SQL as a view; and the table macros of `queries/makro/`."""
    con = duckdb.connect(":memory:", config={"threads": 2, "memory_limit": "1GB"})
    con.execute("set enable_progress_bar = false")
    con.execute("set parquet_metadata_cache = true")   # versions never change: read each file footer once
    for tabel in schema.TABEL.values():
        con.execute(_view_sql(tabel, root))   # names and paths come from the contract, never from users
    for nama in TURUNAN:
        berkas = berkas_turunan(root, nama)
        if berkas.is_file() and _turunan_terbaca(berkas):
            con.execute(f"create or replace view {nama} as select * from read_parquet('{_sql_path(berkas)}')")
        else:
            con.execute(f"create or replace view {nama} as {_sql_turunan(nama)}")
    for makro in sorted((QUERIES / "makro").glob("*.sql")):
        con.execute(makro.read_text(encoding="utf-8"))   # table macros shared by several queries (files, not users)
    return con


@lru_cache(maxsize=4)
def _connection(version_id: str | None) -> duckdb.DuckDBPyConnection:
    return _buka(dataset.versions_dir() / version_id if version_id else Path("/nonexistent"))


def _sql_turunan(nama: str) -> str:
    if nama not in TURUNAN:
        raise ValueError(f"bad derived table {nama!r}")
    return (QUERIES / "turunan" / f"{nama}.sql").read_text(encoding="utf-8")


def bangun_turunan(root: Path, hanya_yang_hilang: bool = False) -> list[str]:
    """Write the derived tables of the version under `root` (zstd Parquet, rows in order; each written to a
    temporary name and renamed, so a reader never sees half a file). `hanya_yang_hilang`: only those missing or
    unreadable (a version published before they existed). Returns the names written."""
    folder = root / FOLDER_TURUNAN
    folder.mkdir(exist_ok=True)
    ditulis = []
    for nama in TURUNAN:
        berkas = berkas_turunan(root, nama)
        if hanya_yang_hilang and berkas.is_file() and _turunan_terbaca(berkas):
            continue
        sementara = berkas.with_name(f".{nama}.{uuid.uuid4().hex}.tmp.parquet")   # two writers never share it
        con = _buka(root)                      # sees the derived tables already written
        try:
            con.execute(f"copy ({_sql_turunan(nama)}) to '{_sql_path(sementara)}' (format parquet, compression zstd)")
        except BaseException:
            sementara.unlink(missing_ok=True)
            raise
        finally:
            con.close()
        os.replace(sementara, berkas)
        ditulis.append(nama)
    return ditulis


@st.cache_resource(show_spinner=False)
def _shared(version_id: str | None) -> duckdb.DuckDBPyConnection:
    return _connection(version_id)


def load_sql(name: str) -> str:
    if not _NAMA.match(name):
        raise ValueError(f"bad query name {name!r}")
    return (QUERIES / f"{name}.sql").read_text(encoding="utf-8")


def header(name: str) -> dict[str, str]:
    """The `-- key: value` header comment of a query file (grain, params, columns)."""
    hasil = {}
    for baris in load_sql(name).splitlines():
        if not baris.startswith("--"):
            break
        kunci, _, nilai = baris[2:].partition(":")
        hasil[kunci.strip()] = nilai.strip()
    return hasil


def run(name: str, version_id: str | None, **params) -> pd.DataFrame:
    """Run one query file on a fresh cursor; only the parameters the SQL names are bound."""
    sql = load_sql(name)
    dipakai = set(_PARAM.findall(sql))
    hilang = dipakai - params.keys()
    if hilang:
        raise ValueError(f"query {name} needs parameters {sorted(hilang)}")
    cursor = _shared(version_id).cursor()
    try:
        return cursor.execute(sql, {k: v for k, v in params.items() if k in dipakai}).df()
    except duckdb.Error as e:
        raise QueryError(str(e)) from e
    finally:
        cursor.close()


@st.cache_data(show_spinner=False, max_entries=2000)
def _cached(name: str, version_id: str | None, params: tuple) -> pd.DataFrame:
    return run(name, version_id, **{k: (list(v) if isinstance(v, tuple) else v) for k, v in params})


def query(name: str, **params) -> pd.DataFrame:
    """Run `queries/<name>.sql` on the served dataset version with bound `$named` parameters (cached).
    When the files cannot be read, the version is flagged and the run starts again on the last good one."""
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return _di_versi_aktif(lambda vid: _cached(name, vid, frozen))


def query_langsung(name: str, **params) -> pd.DataFrame:
    """`query` without its cache, for a caller that keeps the result as one shared frame itself (a large frame
    is then neither pickled into the cache nor held twice)."""
    return _di_versi_aktif(lambda vid: run(name, vid, **params))


def _di_versi_aktif(jalankan) -> pd.DataFrame:
    vid = dataset.active_id()
    try:
        return jalankan(vid)
    except QueryError as e:
        if vid is None or not _dalam_streamlit():
            raise
        dataset.tandai_rusak(vid, str(e).splitlines()[0])
        st.rerun()


def query_serentak(*permintaan: tuple[str, dict]) -> list[pd.DataFrame]:
    """`query` for several (name, parameters) pairs at the same time (DuckDB runs them in parallel while
    Python waits); the frames in the given order, each also cached as by `query`."""
    from pantau import serentak
    return serentak.jalankan(*[partial(query, nama, **params) for nama, params in permintaan])


def _dalam_streamlit() -> bool:
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    return get_script_run_ctx() is not None
