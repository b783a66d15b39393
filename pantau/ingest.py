"""Reading the spreadsheets people really have into frames typed by the data contract.

Real files are CSV or XLSX exports from the programme MIS or an office. `baca` accepts what they contain:
Indonesian numbers (`1.234.567`, `12,5`, `Rp 9.381.893.000`), dates as `27/04/2015`, `27 April 2015` or
Excel serials, codes with or without dots (`1372011001` -> `13.72.01.1001`), headers in any case and with
extra spaces (the template's Indonesian labels or the contract's column names), a title row above the
header, a trailing JUMLAH/total row and empty rows. The result is a `Bacaan`: the typed rows, the
spreadsheet row number each came from, and every problem met while reading. `pantau.validasi` then
checks the contract's rules; `pantau.versi` publishes a clean file as a new dataset version.

Command line (shell access to the server counts as an admin login):

    python -m pantau.ingest FILE --table NAME [--mode ganti|tambah] [--oleh NAME] [--periksa] [--laporan X.xlsx]

Exit status: 0 = published (or clean, with --periksa), 1 = rejected (the report is printed), 2 = bad usage.

Settings: PANTAU_IMPOR_MAKS_MB (default 40) is the largest file accepted; a larger file is refused by its
size before it is parsed. Test hook: PANTAU_INGEST_JEDA=<seconds> makes `pantau.versi` sleep between the
writes of a new version so a test can kill the process mid-write; never set it in production.
"""
from __future__ import annotations

import argparse
import csv
import getpass
import io
import math
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from pantau import katalog, schema
from pantau.i18n import t
from pantau.pilihan import normalisasi_kode
from pantau.validasi import Masalah, masalah

MAKS_MB_BAWAAN = 40
BARIS_CARI_KEPALA = 30
EXCEL_NOL = date(1899, 12, 30)
SINONIM = {"kode_kelurahan": ("kode_desa", "kode_kel", "kode_kelurahan_desa", "kode_desa_kelurahan"),
           "kode_bkm": ("kode_lkm", "kode_bkm_lkm"), "jumlah_kk": ("jml_kk", "jumlah_kepala_keluarga")}
_TOTAL = re.compile(r"^(jumlah|total|grand_total|sub_?total)(_|$)")
_KOSONG = {"", "-", "–", "—", "n/a", "na", "#n/a", "null", "none", "nan"}
_BULAN = {"jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7, "agu": 8,
          "agt": 8, "ags": 8, "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11, "des": 12, "dec": 12}
_TAJUK_BERKAS = {b"%PDF": "PDF", b"\x89PNG": "PNG", b"GIF8": "GIF", b"\xff\xd8\xff": "JPEG", b"\x1f\x8b": "GZIP",
                 b"Rar!": "RAR", b"7z\xbc\xaf": "7Z", b"MZ": "EXE"}


class Salah(Exception):
    """A cell that cannot be read as its column's type (a locale key under kelola.alasan, with arguments)."""

    def __init__(self, kode: str, **args):
        super().__init__(kode)
        self.kode, self.args_ = kode, args


class PersenExcel(float):
    """A number from an Excel cell formatted as a percentage (0,125 shown as 12,5 %)."""


@dataclass
class Bacaan:
    """A file read against one table of the contract."""

    tabel: str
    berkas: str
    data: pd.DataFrame                               # contract columns, typed; unreadable cells empty
    baris: np.ndarray                                # spreadsheet row number of each data row
    gagal: dict[str, pd.Series]                      # per column: True where the cell could not be read
    masalah: list[Masalah] = field(default_factory=list)
    label: dict[str, str] = field(default_factory=dict)      # column -> "C · Kode Kelurahan" as in the file
    jumlah: tuple[int, dict[str, object]] | None = None      # trailing JUMLAH row: (row, raw values)
    lembar: str = ""
    terbaca: bool = True                             # False when the file itself could not be read


def batas_mb() -> float:
    try:
        return float(os.environ.get("PANTAU_IMPOR_MAKS_MB", MAKS_MB_BAWAAN))
    except ValueError:
        return MAKS_MB_BAWAAN


def periksa_ukuran(ukuran: int) -> Masalah | None:
    """Refuse a file by its size alone, before reading it."""
    if ukuran > batas_mb() * 1024 * 1024:
        return masalah(None, "", "berkas_terlalu_besar", ukuran=f"{ukuran / 1024 / 1024:.0f}", batas=f"{batas_mb():g}")
    return None


def norm(teks: object) -> str:
    """'  Kode  Kelurahan ' -> 'kode_kelurahan'; 'Nilai BLM (Rp)' -> 'nilai_blm_rp'."""
    return re.sub(r"[^0-9a-z]+", "_", str(teks).lower()).strip("_")


@lru_cache(maxsize=None)
def peta_kepala(tabel: str) -> dict[str, str]:
    """Header text (normalised) -> contract column: column names, template labels (id, en), synonyms."""
    peta: dict[str, str] = {}
    for k in schema.TABEL[tabel].kolom:
        nama = [k.nama, t(f"kelola.kolom.{k.nama}", "id"), t(f"kelola.kolom.{k.nama}", "en"), *SINONIM.get(k.nama, ())]
        for n in nama:
            peta.setdefault(norm(n), k.nama)
    return peta


# ---------------------------------------------------------------- cell values


def kosong(v: object) -> bool:
    if v is None:
        return True
    if isinstance(v, float):
        return math.isnan(v)
    return isinstance(v, str) and v.strip().lower() in _KOSONG


def _teks_angka(s: str) -> float | int:
    """Parse Indonesian (and plain) number text: '1.234.567', '12,5', 'Rp 9.381.893.000,-', '(5.000)', '12,5 %'."""
    s = s.replace("\u00a0", " ").replace("\u202f", " ").strip().rstrip("%").strip()
    if len(s) > 40:
        raise Salah("terlalu_besar")
    negatif = s.startswith("(") and s.endswith(")")
    s = re.sub(r"^(rp\.?|idr)\s*", "", s.strip("()").strip(), flags=re.I)
    if s.startswith(("+", "-")):           # not `s[:1] in "+-"`: that is also true for an empty rest ("Rp")
        negatif, s = negatif or s[0] == "-", s[1:]
    s = re.sub(r"^(rp\.?|idr)\s*", "", s.strip(), flags=re.I).replace(" ", "")
    s = s[:-2] if s.endswith((",-", ".-")) else s
    if re.fullmatch(r"\d+([.,]\d+)?e[+-]?\d+", s, re.I):
        raise Salah("angka_ilmiah")
    if re.fullmatch(r"[1-9]\d{0,2}(\.\d{3})+(,\d+)?", s):          # 1.234.567 / 1.234,5
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+(,\d+)?", s):                             # 12,5
        s = s.replace(",", ".")
    elif re.fullmatch(r"[1-9]\d{0,2}(,\d{3})+(\.\d+)?", s):          # 1,234,567.5
        s = s.replace(",", "")
    elif not re.fullmatch(r"\d+\.?\d*|\.\d+", s):
        raise Salah("bukan_angka")
    nilai = float(s) if "." in s else int(s)
    return -nilai if negatif else nilai


def ke_angka(v: object, k: schema.Kolom) -> float | int:
    if isinstance(v, bool) or isinstance(v, (date, datetime)):
        raise Salah("bukan_angka")
    if isinstance(v, (int, float, np.number)):
        if not math.isfinite(v):
            raise Salah("bukan_angka")
        return round(float(v) * 100, 10) if isinstance(v, PersenExcel) and k.satuan == "%" else v
    return _teks_angka(str(v))


def ke_int(v: object, k: schema.Kolom) -> int:
    x = ke_angka(v, k)
    if isinstance(x, float):
        if not x.is_integer():
            raise Salah("bukan_bulat")
        x = int(x)
    if abs(x) >= 2 ** 63:
        raise Salah("terlalu_besar")
    return int(x)


def ke_float(v: object, k: schema.Kolom) -> float:
    return float(ke_angka(v, k))


def _tahun_dua(y: int) -> int:
    return y + 2000 if y < 70 else y + 1900 if y < 100 else y


def _teks_tanggal(s: str) -> date:
    s = re.sub(r"^[a-z]+,\s*", "", s.strip().lower())                  # "senin, 27 april 2015"
    s = re.sub(r"[ t]\d{1,2}[:.]\d{2}([:.]\d{2}(\.\d+)?)?$", "", s).strip()   # a trailing time of day
    if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", s):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})", s):
        return date(_tahun_dua(int(m[3])), int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(\d{1,2})[-/.](\d{4})", s):
        return date(int(m[2]), int(m[1]), 1)
    if m := re.fullmatch(r"(\d{4})[-/](\d{1,2})", s):
        return date(int(m[1]), int(m[2]), 1)
    if m := re.fullmatch(r"((19|20)\d{2})(\d{2})(\d{2})", s):
        return date(int(m[1]), int(m[3]), int(m[4]))
    if m := re.fullmatch(r"(\d{1,2})?[\s\-]*([a-z]{3,})\.?[\s\-]*(\d{4}|\d{2})", s):
        bulan = _BULAN.get(m[2][:3])
        if bulan is None:
            raise Salah("bukan_tanggal")
        return date(_tahun_dua(int(m[3])), bulan, int(m[1] or 1))
    if re.fullmatch(r"\d{1,7}(\.\d+)?", s):
        return _serial(float(s))
    raise Salah("bukan_tanggal")


def _serial(x: float) -> date:
    if not 1 <= x < 2958466:
        raise Salah("bukan_tanggal")
    return EXCEL_NOL + timedelta(days=int(x))


def ke_tanggal(v: object, k: schema.Kolom) -> date:
    if isinstance(v, datetime):
        d = v.date()
    elif isinstance(v, date):
        d = v
    elif isinstance(v, bool):
        raise Salah("bukan_tanggal")
    elif isinstance(v, (int, float, np.number)):
        d = _serial(float(v))
    else:
        try:
            d = _teks_tanggal(str(v))
        except ValueError as e:          # e.g. 31/02/2015
            raise Salah("bukan_tanggal") from e
    return d.replace(day=1) if k.nama == "periode" else d


def _kode_turunan(s: str) -> str:
    """'1372011001.B.001' -> '13.72.01.1001.B.001', '1372KW01' -> '13.72.KW01' (derived codes)."""
    m = re.match(r"^([\d.]+)(.*)$", s)
    if not m:
        return s
    awal, sisa = m[1].strip("."), m[2]
    kode = normalisasi_kode(awal) if (sisa or len(awal.replace(".", "")) == 10) else None
    if kode is None:
        return s
    return kode + ("" if not sisa or sisa.startswith(".") else ".") + sisa


@lru_cache(maxsize=None)
def _peta_pilihan(nilai: tuple[str, ...]) -> dict[str, str]:
    """Allowed values by their normalised text, plus their catalogue labels ('PNPM Mandiri Perkotaan')."""
    peta = {norm(v).replace("_", ""): v for v in nilai}
    for kelompok in ("program", "komponen"):
        for kunci, entri in katalog.data().get(kelompok, {}).items():
            if kunci in nilai:
                for lang in ("id", "en"):
                    peta.setdefault(norm(entri[lang]).replace("_", ""), kunci)
    return peta


def ke_teks(v: object, k: schema.Kolom) -> str:
    if isinstance(v, float) and v.is_integer():
        s = str(int(v))
    elif isinstance(v, (date, datetime)):
        s = v.isoformat()[:10]
    else:
        s = " ".join(str(v).split())
    if k.wilayah:
        kode = normalisasi_kode(s)
        if kode is None:
            raise Salah("kode_format")
        return kode
    if k.nama.startswith("kode_"):
        return _kode_turunan(s)
    return _peta_pilihan(k.nilai).get(norm(s).replace("_", ""), s) if k.nilai else s


PENGUBAH = {"int": ke_int, "float": ke_float, "date": ke_tanggal, "text": ke_teks}
DTYPE = {"int": "Int64", "float": "Float64", "date": object, "text": object}


def angka_total(v: object) -> float | None:
    """The number in a JUMLAH row's cell, or None when it holds none."""
    try:
        return None if kosong(v) else float(ke_angka(v, schema.Kolom("jumlah", "float", "")))
    except Salah:
        return None


# ---------------------------------------------------------------- files into grids of cells


@dataclass
class Grid:
    """The cells of one sheet: the spreadsheet row number of each row and its values."""

    nomor: list[int]
    sel: list[list]
    lembar: str = ""


def _jenis_biner(isi: bytes) -> str | None:
    for tajuk, nama in _TAJUK_BERKAS.items():
        if isi.startswith(tajuk):
            return nama
    return None


def _teks(isi: bytes) -> str | None:
    """Decode a text file (UTF-8, UTF-16 with BOM, or Windows-1252); None when it is not text."""
    if isi.startswith((b"\xff\xfe", b"\xfe\xff")):
        teks = isi.decode("utf-16", errors="replace")
    elif b"\x00" in isi[:65536]:
        return None
    else:
        try:
            teks = isi.decode("utf-8-sig")
        except UnicodeDecodeError:
            teks = isi.decode("cp1252", errors="replace")
    contoh = teks[:65536]
    kendali = sum(1 for c in contoh if c < " " and c not in "\t\r\n")
    return None if kendali > max(3, len(contoh) // 200) else teks


def _pemisah(baris: list[str]) -> str:
    """The CSV delimiter that splits most of the first lines into the same number (≥ 2) of fields."""
    terbaik, skor_terbaik = ",", (0, 0)
    for d in (";", ",", "\t", "|"):
        jumlah = [len(r) for r in csv.reader(baris, delimiter=d) if any(c.strip() for c in r)]
        jumlah = [n for n in jumlah if n >= 2]
        if jumlah:
            modus = max(set(jumlah), key=jumlah.count)
            skor = (jumlah.count(modus), modus)
            if skor > skor_terbaik:
                terbaik, skor_terbaik = d, skor
    return terbaik


def grid_csv(teks: str) -> Grid:
    baris = teks.splitlines(keepends=True)          # line ends kept: quoted fields may span lines
    if baris and re.fullmatch(r"\s*sep=(.)\s*", baris[0], re.I):
        pemisah, awal = baris[0].strip()[-1], 1
    else:
        pemisah, awal = _pemisah(baris[:60]), 0
    sel = list(csv.reader(baris[awal:] if awal else baris, delimiter=pemisah))
    return Grid(list(range(awal + 1, awal + 1 + len(sel))), sel)


def _nilai_sel(c) -> object:
    v = c.value
    if isinstance(v, (int, float)) and not isinstance(v, bool) and str(c.number_format or "").endswith("%"):
        return PersenExcel(v)
    return v


def _urutan_lembar(wb, tabel: str) -> list:
    nama_tabel = {norm(tabel), norm(t(f"kelola.tabel.{tabel}", "id")), norm(t(f"kelola.tabel.{tabel}", "en"))}
    return sorted(wb.worksheets, key=lambda ws: norm(ws.title) not in nama_tabel)


def _skor_lembar(ws, tabel: str) -> int:
    ws.reset_dimensions()
    awal = [[_nilai_sel(c) for c in r] for r in ws.iter_rows(max_row=BARIS_CARI_KEPALA)]
    return max((_skor_kepala(r, tabel) for r in awal), default=0)


def grid_xlsx(isi: bytes, tabel: str) -> Grid:
    """The sheet named after the table, else the sheet whose header matches the table best."""
    wb = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    try:
        lembar = _urutan_lembar(wb, tabel)
        pilih = max(lembar, key=lambda ws: _skor_lembar(ws, tabel)) if len(lembar) > 1 else lembar[0]
        pilih.reset_dimensions()
        sel = [[_nilai_sel(c) for c in r] for r in pilih.iter_rows()]
        return Grid(list(range(1, len(sel) + 1)), sel, pilih.title)
    finally:
        wb.close()


def baca_grid(isi: bytes, tabel: str) -> Grid | Masalah:
    """The cells of a CSV or XLSX file, or the reason it cannot be read as a spreadsheet."""
    if not isi.strip():
        return masalah(None, "", "berkas_kosong")
    if isi.startswith(b"PK\x03\x04"):
        try:
            return grid_xlsx(isi, tabel)
        except Exception:  # any failure of the XLSX parser on the user's bytes means a damaged workbook
            return masalah(None, "", "xlsx_rusak")
    if isi.startswith(b"\xd0\xcf\x11\xe0"):
        return masalah(None, "", "xls_lama")
    if jenis := _jenis_biner(isi):
        return masalah(None, "", "bukan_spreadsheet", jenis=jenis)
    teks = _teks(isi)
    if teks is None:
        return masalah(None, "", "bukan_spreadsheet", jenis="biner")
    if re.match(r"\s*<", teks):
        return masalah(None, "", "html")
    return grid_csv(teks)


# ---------------------------------------------------------------- grid into a typed table


def _skor_kepala(sel: list, tabel: str) -> int:
    peta = peta_kepala(tabel)
    return len({peta[norm(c)] for c in sel if isinstance(c, str) and norm(c) in peta})


def _cari_kepala(grid: Grid, tabel: str) -> int | None:
    """Index of the header row among the first rows: the one naming most contract columns (≥ 2)."""
    skor = [(_skor_kepala(r, tabel), -i) for i, r in enumerate(grid.sel[:BARIS_CARI_KEPALA])]
    if not skor or max(skor)[0] < 2:
        return None
    return -max(skor)[1]


def _peta_kolom(kepala: list, nomor: int, tabel: str) -> tuple[dict[str, int], dict[str, str], list[Masalah]]:
    """Contract column -> position in the row, its label as in the file, and header problems."""
    peta, posisi, label, hasil = peta_kepala(tabel), {}, {}, []
    for j, teks in enumerate(kepala):
        if kosong(teks):
            continue
        nama = peta.get(norm(teks))
        if nama is None:
            hasil.append(masalah(nomor, "", "kolom_tak_dikenal", teks, galat=False, huruf=get_column_letter(j + 1)))
        elif nama in posisi:
            hasil.append(masalah(nomor, nama, "kolom_ganda", teks, kolom=nama))
        else:
            posisi[nama], label[nama] = j, f"{get_column_letter(j + 1)} · {' '.join(str(teks).split())}"
    for k in schema.TABEL[tabel].kolom:
        if k.wajib and k.nama not in posisi:
            hasil.append(masalah(nomor, k.nama, "kolom_hilang", kolom=k.nama))
    return posisi, label, hasil


def _baris_total(sel: list) -> bool:
    pertama = next((c for c in sel if c is not None and c != ""), None)
    if not isinstance(pertama, str) or pertama.strip()[:1].lower() not in ("j", "t", "g", "s"):
        return False
    return bool(_TOTAL.match(norm(pertama)))


def _ada_isi(sel: list) -> bool:
    return any(c is not None and (c.strip() if isinstance(c, str) else not kosong(c)) for c in sel)


def _pisah_data(grid: Grid, i_kepala: int) -> tuple[list[int], list[list], int | None]:
    """Data rows after the header without empty rows; the index of a trailing JUMLAH row, if any."""
    isi = [(n, r) for n, r in zip(grid.nomor[i_kepala + 1:], grid.sel[i_kepala + 1:])
           if _ada_isi(r)]
    total = len(isi) - 1 if isi and _baris_total(isi[-1][1]) else None
    return [n for n, _ in isi], [r for _, r in isi], total


def _ubah_sel(ubah, v: object, k: schema.Kolom) -> tuple[object, Salah | None]:
    if kosong(v):
        return None, None
    try:
        return ubah(v, k), None
    except Salah as e:
        return None, e


def _ketik_kolom(mentah: list, k: schema.Kolom) -> tuple[list, list[tuple[int, Salah]]]:
    """Convert one column's cells (each distinct value once); the failures by position."""
    ubah, hasil, salah, cache = PENGUBAH[k.tipe], [], [], {}
    for i, v in enumerate(mentah):
        kunci = (v.__class__, v)
        if kunci not in cache:
            cache[kunci] = _ubah_sel(ubah, v, k)
        x, e = cache[kunci]
        hasil.append(x)
        if e is not None:
            salah.append((i, e))
    return hasil, salah


def _catatan_periode(mentah: list, nomor: list[int]) -> list[Masalah]:
    """Periods given as a day other than the 1st are read as their month (one warning per column)."""
    tanggal = _KolomTanggal()
    geser = [n for v, n in zip(mentah, nomor) if (d := tanggal.baca(v)) is not None and d.day != 1]
    return [masalah(geser[0], "periode", "periode_digeser", galat=False, jumlah=len(geser))] if geser else []


class _KolomTanggal:
    """Reads each distinct cell of a column as a date once (None when it is not one)."""

    KOLOM = schema.Kolom("tanggal", "date", "")

    def __init__(self):
        self.cache: dict = {}

    def baca(self, v: object):
        kunci = (v.__class__, v)
        if kunci not in self.cache:
            self.cache[kunci] = _ubah_sel(ke_tanggal, v, self.KOLOM)[0]
        return self.cache[kunci]


def _susun(tabel: str, nomor: list[int], baris: list[list], posisi: dict[str, int]) -> tuple:
    """The typed frame, per-column failure masks and the reading problems of every cell."""
    kolom, gagal, hasil = {}, {}, []
    for k in schema.TABEL[tabel].kolom:
        j = posisi.get(k.nama)
        mentah = [r[j] if j is not None and j < len(r) else None for r in baris]
        nilai, salah = _ketik_kolom(mentah, k)
        kolom[k.nama] = pd.array(nilai, dtype=DTYPE[k.tipe]) if k.tipe in ("int", "float") else \
            pd.Series(nilai, dtype=object)
        mask = np.zeros(len(baris), dtype=bool)
        mask[[i for i, _ in salah]] = True
        gagal[k.nama] = pd.Series(mask | (j is None and k.wajib))
        hasil += [masalah(nomor[i], k.nama, e.kode, mentah[i], **e.args_) for i, e in salah]
        if k.nama == "periode":
            hasil += _catatan_periode(mentah, nomor)
    return pd.DataFrame(kolom), gagal, hasil


def kosong_bacaan(tabel: str, berkas: str, hasil: list[Masalah]) -> Bacaan:
    """A `Bacaan` with no rows (the file could not be read as a table)."""
    data = pd.DataFrame({k.nama: pd.Series(dtype=DTYPE[k.tipe]) for k in schema.TABEL[tabel].kolom})
    gagal = {k: pd.Series(dtype=bool) for k in data.columns}
    return Bacaan(tabel, berkas, data, np.array([], dtype=int), gagal, hasil, terbaca=False)


def dari_grid(grid: Grid, tabel: str, berkas: str = "") -> Bacaan:
    """Find the header, map the columns, drop empty rows, set the JUMLAH row aside, type every cell."""
    i_kepala = _cari_kepala(grid, tabel)
    if i_kepala is None:
        harapan = ", ".join(k.nama for k in schema.TABEL[tabel].kolom if k.wajib)
        return kosong_bacaan(tabel, berkas, [masalah(None, "", "kepala_tidak_ditemukan", harapan=harapan,
                                                     baris_cari=BARIS_CARI_KEPALA)])
    posisi, label, hasil = _peta_kolom(grid.sel[i_kepala], grid.nomor[i_kepala], tabel)
    nomor, baris, total = _pisah_data(grid, i_kepala)
    jumlah = None
    if total is not None:
        jumlah = (nomor[total], {k: baris[total][j] for k, j in posisi.items() if j < len(baris[total])})
        nomor, baris = nomor[:total], baris[:total]
    hasil += [masalah(n, "", "baris_subtotal", r[0] if r else "") for n, r in zip(nomor, baris) if _baris_total(r)]
    if not baris:
        hasil.append(masalah(grid.nomor[i_kepala], "", "tanpa_baris_data"))
    data, gagal, salah_sel = _susun(tabel, nomor, baris, posisi)
    terbaca = not any(m.kode in ("kolom_hilang", "kolom_ganda") for m in hasil)
    return Bacaan(tabel, berkas, data, np.array(nomor, dtype=int), gagal, hasil + salah_sel, label, jumlah,
                  grid.lembar, terbaca=terbaca and bool(baris))


def baca(isi: bytes, berkas: str, tabel: str) -> Bacaan:
    """Read a CSV or XLSX file's bytes as rows of contract table `tabel` (never raises on bad input)."""
    besar = periksa_ukuran(len(isi))
    if besar is not None:
        return kosong_bacaan(tabel, berkas, [besar])
    grid = baca_grid(isi, tabel)
    if isinstance(grid, Masalah):
        return kosong_bacaan(tabel, berkas, [grid])
    return dari_grid(grid, tabel, berkas)


# ---------------------------------------------------------------- command line


def _argumen() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m pantau.ingest", description=t("kelola.cli.deskripsi", "id"))
    ap.add_argument("berkas", help="CSV/XLSX")
    ap.add_argument("--table", required=True, choices=schema.TABEL_DATASET)
    ap.add_argument("--mode", choices=("ganti", "tambah"), default="ganti")
    ap.add_argument("--oleh", default=getpass.getuser())
    ap.add_argument("--periksa", action="store_true", help=t("kelola.cli.periksa", "id"))
    ap.add_argument("--laporan", help=t("kelola.cli.laporan", "id"))
    return ap


def _cetak(laporan, batas: int = 200) -> None:
    for m in laporan.masalah[:batas]:
        tempat = " · ".join(x for x in (f"baris {m.baris}" if m.baris else "", m.kolom) if x)
        print(f"[{'galat' if m.galat else 'peringatan'}] {tempat}: {m.alasan('id')}")
    if len(laporan.masalah) > batas:
        print(t("kelola.cli.lebih", "id", jumlah=len(laporan.masalah) - batas))
    print(laporan.ringkas("id"))


def main(argv: list[str] | None = None) -> int:
    """Validate FILE as table NAME and, unless --periksa, publish it as the new active version."""
    args = _argumen().parse_args(argv)
    from pantau import auth, versi      # versi imports this module
    path = Path(args.berkas)
    if not path.is_file():
        print(t("kelola.cli.tidak_ada", "id", berkas=args.berkas), file=sys.stderr)
        return 2
    besar = periksa_ukuran(path.stat().st_size)
    if besar is not None:
        print(besar.alasan("id"))
        return 1
    isi = path.read_bytes()
    if args.periksa:
        hasil = versi.periksa(isi, path.name, args.table, args.mode)
    else:
        try:
            hasil = versi.impor(isi, path.name, args.table, args.mode, auth.admin_cli(args.oleh))
        except versi.Ditolak as e:
            print(e.pesan("id"), file=sys.stderr)
            return 1
    _cetak(hasil.laporan)
    if args.laporan:
        Path(args.laporan).write_bytes(hasil.laporan.xlsx("id"))
    if hasil.versi is not None:
        print(t("kelola.cli.terbit", "id", versi=hasil.versi.id))
    return 0 if hasil.laporan.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
