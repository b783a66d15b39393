"""The query layer: the only module that imports duckdb.

One DuckDB connection per process and dataset version, with a view per contract table over the
version's Parquet files (and `wilayah` over the committed reference). `query(name, **params)` runs
`queries/<name>.sql` on a fresh cursor with `$named` parameters only; results are cached per version.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from pantau import dataset, schema

QUERIES = dataset.ROOT / "queries"
_NAMA = re.compile(r"^[a-z0-9_]+$")
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")


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


@lru_cache(maxsize=4)
def _connection(version_id: str | None) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:", config={"threads": 2, "memory_limit": "1GB"})
    root = dataset.versions_dir() / version_id if version_id else Path("/nonexistent")
    for tabel in schema.TABEL.values():
        con.execute(_view_sql(tabel, root))   # names and paths come from the contract, never from users
    return con


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
    vid = dataset.active_id()
    try:
        return _cached(name, vid, frozen)
    except QueryError as e:
        if vid is None or not _dalam_streamlit():
            raise
        dataset.tandai_rusak(vid, str(e).splitlines()[0])
        st.rerun()


def _dalam_streamlit() -> bool:
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    return get_script_run_ctx() is not None
