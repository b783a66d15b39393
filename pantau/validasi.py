"""Validation of an imported table before anything is written, and the report the user gets back.

Every problem is a `Masalah`: the spreadsheet row as the user sees it (1-based, counting title and header
rows), the contract column, the offending value and a reason whose text lives in the locale files
(`kelola.alasan.*`), so the report reads in Bahasa Indonesia (or English). A `galat` (error) blocks the
import; a `peringatan` (warning) is shown but does not.

Rules checked here (reading problems such as text in a number column come from `pantau.ingest`):
required values, allowed values, ranges (no negative money, percentages 0–100, years 1990–2100), region
codes known in `wilayah` at the level the column declares, unique keys (also against the active version
when appending), cross-column rules (`ATURAN_SILANG`, mirrored in `queries/kualitas_pelanggaran.sql`),
a trailing JUMLAH row that must equal the column sums, and the template's example row left in the file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pantau import dataset, ekspor, fmt, schema
from pantau.i18n import t

if TYPE_CHECKING:
    from pantau.ingest import Bacaan

TAHUN_MIN, TAHUN_MAKS = 1990, 2100      # the contract's year range, also applied to dates
SATUAN_JUMLAH = ("rupiah", "orang", "KK", "ha", "RT", "jiwa")   # columns a JUMLAH row may total
MAKS_MASALAH = 100_000                   # a report longer than this ends with a "… and N more" line


@dataclass(frozen=True)
class Aturan:
    """A cross-column rule: on every row where both are filled, `kecil` ≤ `besar`."""

    id: str
    kecil: str
    besar: str


ATURAN_SILANG = (
    Aturan("air_minum_melebihi_kk", "kk_air_minum_layak", "jumlah_kk"),
    Aturan("sanitasi_melebihi_kk", "kk_sanitasi_layak", "jumlah_kk"),
    Aturan("kumuh_melebihi_luas", "luas_kumuh_ha", "luas_wilayah_ha"),
    Aturan("perempuan_melebihi_anggota", "anggota_perempuan", "anggota"),
    Aturan("miskin_melebihi_anggota", "anggota_miskin", "anggota"),
    Aturan("pemanfaat_miskin_melebihi", "pemanfaat_miskin", "pemanfaat"),
    Aturan("pemanfaat_perempuan_melebihi", "pemanfaat_perempuan", "pemanfaat"),
    Aturan("selesai_sebelum_mulai", "tahun_mulai", "tahun_selesai"),
    Aturan("serah_terima_sebelum_bangun", "tahun_bangun", "tahun_serah_terima"),
)


@dataclass(frozen=True)
class Masalah:
    """One problem: where (row, column), what (value) and why (a locale key plus its arguments)."""

    baris: int | None
    kolom: str
    kode: str
    nilai: str = ""
    args: tuple[tuple[str, object], ...] = ()
    galat: bool = True

    def alasan(self, lang: str = "id") -> str:
        return t(f"kelola.alasan.{self.kode}", lang, **{k: _teks_arg(k, v, lang) for k, v in self.args})


def masalah(baris, kolom: str, kode: str, /, nilai: object = "", galat: bool = True, **args) -> Masalah:
    teks = "" if nilai is None else str(nilai)
    return Masalah(None if baris is None else int(baris), kolom, kode, teks[:80], tuple(args.items()), galat)


def label_kolom(nama: str, lang: str = "id") -> str:
    """The template's label of a contract column ('Kode Kelurahan/Desa')."""
    teks = t(f"kelola.kolom.{nama}", lang)
    return nama if teks.startswith("kelola.kolom.") else teks


def _teks_arg(kunci: str, nilai: object, lang: str) -> str:
    if kunci.startswith("kolom") and isinstance(nilai, str):
        return label_kolom(nilai, lang)
    if isinstance(nilai, bool) or not isinstance(nilai, (int, float, np.number)):
        return str(nilai)
    bulat = float(nilai).is_integer()
    return fmt.angka(nilai, 0 if bulat else 2, lang=lang)


@dataclass
class Laporan:
    """The validation report of one file: every problem, and whether the file may be imported."""

    tabel: str
    berkas: str
    mode: str
    baris: int
    masalah: list[Masalah] = field(default_factory=list)
    label: dict[str, str] = field(default_factory=dict)     # column -> as it is headed in the file

    @property
    def ok(self) -> bool:
        return not any(m.galat for m in self.masalah)

    @property
    def jumlah_galat(self) -> int:
        return sum(m.galat for m in self.masalah)

    @property
    def jumlah_peringatan(self) -> int:
        return len(self.masalah) - self.jumlah_galat

    def ringkas(self, lang: str = "id") -> str:
        kunci = "kelola.laporan.bersih" if self.ok else "kelola.laporan.ditolak"
        return t(kunci, lang, baris=fmt.angka(self.baris, lang=lang), galat=fmt.angka(self.jumlah_galat, lang=lang),
                 peringatan=fmt.angka(self.jumlah_peringatan, lang=lang))

    def _kolom(self, nama: str, lang: str) -> str:
        if not nama:
            return ""
        return self.label.get(nama) or f"{label_kolom(nama, lang)} ({nama})"

    def tabel_df(self, lang: str = "id") -> pd.DataFrame:
        """The problems as a table (row, column, value, reason, kind), in row order."""
        urut = sorted(self.masalah, key=lambda m: (m.baris is not None, m.baris or 0, not m.galat))
        jenis = {True: t("kelola.laporan.galat", lang), False: t("kelola.laporan.peringatan", lang)}
        return pd.DataFrame({
            t("kelola.laporan.kolom_baris", lang): pd.array([m.baris for m in urut], dtype="Int64"),
            t("kelola.laporan.kolom_kolom", lang): [self._kolom(m.kolom, lang) for m in urut],
            t("kelola.laporan.kolom_nilai", lang): [m.nilai for m in urut],
            t("kelola.laporan.kolom_alasan", lang): [m.alasan(lang) for m in urut],
            t("kelola.laporan.kolom_jenis", lang): [jenis[m.galat] for m in urut]})

    def xlsx(self, lang: str = "id") -> bytes:
        """The report as an XLSX download, with the file, table and verdict in its header rows."""
        kepala = [("Pantau", t("kelola.laporan.judul", lang)), (t("kelola.laporan.berkas", lang), self.berkas),
                  (t("kelola.laporan.tabel", lang), self.tabel), (t("kelola.laporan.mode", lang),
                                                                 t(f"kelola.mode.{self.mode}", lang)),
                  (t("kelola.laporan.diperiksa", lang), fmt.tanggal(datetime.now(timezone.utc).date(), lang=lang)),
                  (t("kelola.laporan.hasil", lang), self.ringkas(lang))]
        return ekspor.xlsx_bytes({t("kelola.laporan.lembar", lang): self.tabel_df(lang)}, kepala)


# ---------------------------------------------------------------- the checks


def _per_baris(b: Bacaan, mask, kolom: str, kode: str, galat: bool = True, **args) -> list[Masalah]:
    mask = np.asarray(mask, dtype=bool)
    nilai = b.data[kolom].to_numpy(dtype=object) if kolom in b.data else np.full(len(mask), "")
    return [masalah(baris, kolom, kode, _teks_nilai(v), galat, **args)
            for baris, v in zip(b.baris[mask], nilai[mask])]


def _teks_nilai(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return v.isoformat() if isinstance(v, date) else str(v)


def _bisa(b: Bacaan, kolom: str) -> np.ndarray:
    """Cells that were read fine and are filled (checks skip cells ingest already reported)."""
    return (b.data[kolom].notna() & ~b.gagal[kolom]).to_numpy(dtype=bool)


def _wajib(b: Bacaan, tabel: schema.Tabel) -> list[Masalah]:
    hasil = []
    for k in tabel.kolom:
        if k.wajib:
            hasil += _per_baris(b, b.data[k.nama].isna() & ~b.gagal[k.nama], k.nama, "wajib_kosong")
    return hasil


def _pilihan(b: Bacaan, tabel: schema.Tabel) -> list[Masalah]:
    hasil = []
    for k in tabel.kolom:
        if k.nilai:
            salah = _bisa(b, k.nama) & ~b.data[k.nama].isin(k.nilai).to_numpy(dtype=bool)
            hasil += _per_baris(b, salah, k.nama, "nilai_tidak_sah", pilihan=", ".join(k.nilai))
    return hasil


def _angka(b: Bacaan, nama: str) -> np.ndarray:
    return pd.to_numeric(b.data[nama], errors="coerce").astype("float64").to_numpy(na_value=np.nan)


def _rentang_kolom(b: Bacaan, k: schema.Kolom) -> list[Masalah]:
    if k.tipe == "date":
        tahun = np.array([v.year if isinstance(v, date) else np.nan for v in b.data[k.nama]], dtype=float)
        luar = _bisa(b, k.nama) & ((tahun < TAHUN_MIN) | (tahun > TAHUN_MAKS))
        return _per_baris(b, luar, k.nama, "tanggal_luar", minimum=str(TAHUN_MIN), maksimum=str(TAHUN_MAKS))
    if k.tipe not in ("int", "float") or (k.minimum is None and k.maksimum is None):
        return []
    x, isi = _angka(b, k.nama), _bisa(b, k.nama)
    if k.satuan == "%":
        return _per_baris(b, isi & ((x < k.minimum) | (x > k.maksimum)), k.nama, "persen_luar")
    hasil = []
    if k.minimum == 0:
        hasil += _per_baris(b, isi & (x < 0), k.nama, "negatif")
    elif k.minimum is not None:
        hasil += _per_baris(b, isi & (x < k.minimum), k.nama, "di_bawah", batas=f"{k.minimum:g}")
    if k.maksimum is not None:
        hasil += _per_baris(b, isi & (x > k.maksimum), k.nama, "di_atas", batas=f"{k.maksimum:g}")
    return hasil


def _rentang(b: Bacaan, tabel: schema.Tabel) -> list[Masalah]:
    return [m for k in tabel.kolom for m in _rentang_kolom(b, k)]


@lru_cache(maxsize=1)
def wilayah_dikenal() -> dict[str, str]:
    """Every code of the reference `wilayah` and its level."""
    ref = pq.read_table(dataset.REFERENCE_DIR / "wilayah.parquet", columns=["kode", "tingkat"]).to_pydict()
    return dict(zip(ref["kode"], ref["tingkat"]))


def _kode_wilayah(b: Bacaan, tabel: schema.Tabel) -> list[Masalah]:
    hasil, dikenal = [], wilayah_dikenal()
    for k in (k for k in tabel.kolom if k.wilayah):
        tingkat = b.data[k.nama].map(lambda v: dikenal.get(v, "") if isinstance(v, str) else "")
        isi = _bisa(b, k.nama)
        hasil += _per_baris(b, isi & (tingkat == "").to_numpy(), k.nama, "kode_tidak_dikenal", tingkat=k.wilayah)
        beda = isi & (tingkat != "").to_numpy() & (tingkat != k.wilayah).to_numpy()
        hasil += _per_baris(b, beda, k.nama, "kode_tingkat_salah", tingkat=k.wilayah)
    return hasil


def kunci_teks(df: pd.DataFrame, tabel: schema.Tabel, sah: np.ndarray | None = None) -> pd.Series:
    """Each row's key as one text ('13.72.01.1001|2019'), comparable between a file and Parquet; empty where
    `sah` is False or a key part is missing."""
    sah = np.ones(len(df), dtype=bool) if sah is None else sah
    bagian = []
    for nama in tabel.kunci:
        nilai = [v if ok else None for v, ok in zip(df[nama].astype(object).where(df[nama].notna(), None), sah)]
        bagian.append(pa.array(nilai, type=tabel[nama].arrow).cast(pa.string()))
    gabung = pc.binary_join_element_wise(*bagian, "|") if len(bagian) > 1 else bagian[0]
    return pd.Series(gabung.to_pylist(), index=df.index, dtype=object)


def _kunci_ganda(b: Bacaan, tabel: schema.Tabel) -> list[Masalah]:
    kunci = list(tabel.kunci)
    teks = kunci_teks(b.data, tabel, np.logical_and.reduce([_bisa(b, k) for k in kunci]))
    ganda = (teks.duplicated(keep=False) & teks.notna()).to_numpy()
    if not ganda.any():
        return []
    pertama = pd.Series(b.baris).groupby(teks.to_numpy()).transform("min").to_numpy()
    ulang = ganda & (pertama != b.baris)
    return [masalah(baris, kunci[0], "kunci_ganda", k, kolom_kunci=" + ".join(kunci), baris_lain=str(p))
            for baris, k, p in zip(b.baris[ulang], teks.to_numpy()[ulang], pertama[ulang])]


def _kunci_sudah_ada(b: Bacaan, tabel: schema.Tabel, induk: dataset.Versi | None) -> list[Masalah]:
    """Appending: keys already present in the active version's table (only rows sharing the first key part
    are read, so a national loan book is not loaded whole)."""
    kunci = list(tabel.kunci)
    teks = kunci_teks(b.data, tabel, np.logical_and.reduce([_bisa(b, k) for k in kunci]))
    awal = sorted({v for v in b.data[kunci[0]] if isinstance(v, str)})
    if induk is None or not awal:
        return []
    lama = dataset.read_table(induk, tabel.nama, kolom=kunci, isin=(kunci[0], awal))
    ada = (teks.isin(set(kunci_teks(lama, tabel))) & teks.notna()).to_numpy()
    return [masalah(baris, kunci[0], "kunci_sudah_ada", k, kolom_kunci=" + ".join(kunci))
            for baris, k in zip(b.baris[ada], teks.to_numpy()[ada])]


def _silang(b: Bacaan, tabel: schema.Tabel) -> list[Masalah]:
    hasil, ada = [], set(tabel.kolom_nama())
    for a in (a for a in ATURAN_SILANG if {a.kecil, a.besar} <= ada):
        kecil, besar = _angka(b, a.kecil), _angka(b, a.besar)
        salah = _bisa(b, a.kecil) & _bisa(b, a.besar) & (kecil > besar)
        hasil += [masalah(baris, a.kecil, "melebihi", _teks_nilai(float(x)), kolom=a.kecil, angka=float(x),
                          kolom_lain=a.besar, angka_lain=float(y))
                  for baris, x, y in zip(b.baris[salah], kecil[salah], besar[salah])]
    if {"tahun", "periode"} <= ada:
        tahun_periode = np.array([v.year if isinstance(v, date) else np.nan for v in b.data["periode"]])
        salah = _bisa(b, "tahun") & _bisa(b, "periode") & (_angka(b, "tahun") != tahun_periode)
        hasil += _per_baris(b, salah, "tahun", "tahun_periode")
    return hasil


def _jumlah(b: Bacaan, tabel: schema.Tabel) -> list[Masalah]:
    """A trailing JUMLAH row must equal the sum of the rows above it (only columns read without problems)."""
    if b.jumlah is None:
        return []
    from pantau.ingest import angka_total
    baris, nilai = b.jumlah
    hasil = []
    for k in (k for k in tabel.kolom if k.nama in nilai and k.satuan in SATUAN_JUMLAH):
        tertulis = angka_total(nilai[k.nama])
        if tertulis is None or b.gagal[k.nama].any():
            continue
        hitung = float(np.nansum(_angka(b, k.nama)))
        if abs(tertulis - hitung) > max(0.5 if k.tipe == "int" else 0.01, abs(hitung) * 1e-9):
            hasil.append(masalah(baris, k.nama, "jumlah_tidak_cocok", nilai[k.nama], tertulis=tertulis, hitung=hitung))
    return hasil


def _contoh_templat(b: Bacaan, tabel: schema.Tabel) -> list[Masalah]:
    from pantau.templat import contoh
    sama = np.ones(len(b.data), dtype=bool)
    for nama, nilai in contoh(tabel.nama).items():
        sama &= (b.data[nama] == nilai).fillna(False).to_numpy(dtype=bool)
    return _per_baris(b, sama, tabel.kolom[0].nama, "contoh_templat")


def _persen_pecahan(b: Bacaan, tabel: schema.Tabel) -> list[Masalah]:
    """Percent columns whose every value is ≤ 1 were probably typed as fractions (0,25 for 25 %)."""
    hasil = []
    for k in (k for k in tabel.kolom if k.satuan == "%"):
        x = _angka(b, k.nama)
        if np.isfinite(x).any() and np.nanmax(x) <= 1 and np.nanmax(x) > 0:
            hasil.append(masalah(None, k.nama, "persen_pecahan", galat=False))
    return hasil


PEMERIKSA = (_wajib, _pilihan, _rentang, _kode_wilayah, _kunci_ganda, _silang, _jumlah, _contoh_templat,
             _persen_pecahan)


def periksa(b: Bacaan, mode: str = "ganti", induk: dataset.Versi | None = None) -> Laporan:
    """Check a read file against the contract (and, when appending, against the active version's keys)."""
    tabel = schema.TABEL[b.tabel]
    hasil = list(b.masalah)
    if b.terbaca:
        for pemeriksa in PEMERIKSA:
            hasil += pemeriksa(b, tabel)
        if mode == "tambah":
            hasil += _kunci_sudah_ada(b, tabel, induk)
    if len(hasil) > MAKS_MASALAH:
        lebih = len(hasil) - MAKS_MASALAH
        hasil = hasil[:MAKS_MASALAH] + [masalah(None, "", "masalah_lain", jumlah=lebih)]
    return Laporan(b.tabel, b.berkas, mode, len(b.data), hasil, dict(b.label))
