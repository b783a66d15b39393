"""The data contract: every table Pantau reads, its columns, types, units, allowed values and keys.

This module is the single source of truth for the tables of design.md §3. `data/README.md` is generated
from it (`python -m pantau.schema > data/README.md`) and a test checks that the two agree.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field

import pyarrow as pa

KOMPONEN = ("lingkungan", "sosial", "ekonomi")
PROGRAM = ("P2KP-1", "P2KP-2", "P2KP-3", "PNPM-MP", "P2KP-PKP", "KOTAKU")
SUMBER_KEMISKINAN = ("PS", "BPS", "DTKS", "BKKBN", "Raskin")
KRITERIA_KUMUH = ("1a", "1b", "1c", "2a", "2b", "3a", "3b", "4a", "4b", "4c", "5a", "5b", "6a", "6b", "7a", "7b")

_ARROW = {
    "text": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32(),
}
_DUCKDB = {"text": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "date": "DATE"}


@dataclass(frozen=True)
class Kolom:
    """One column: name, type (text/int/float/date), unit, meaning, allowed values, nullability, range."""

    nama: str
    tipe: str
    arti: str
    satuan: str = ""
    nilai: tuple[str, ...] = ()
    wajib: bool = True
    minimum: float | None = None
    maksimum: float | None = None
    wilayah: str = ""          # level in `wilayah` this code must exist at ("kelurahan", ...)

    @property
    def arrow(self) -> pa.DataType:
        return _ARROW[self.tipe]

    @property
    def duckdb(self) -> str:
        return _DUCKDB[self.tipe]


@dataclass(frozen=True)
class Tabel:
    """One table of the contract: grain, key, columns, and whether it is partitioned by `tahun`."""

    nama: str
    butir: str
    kunci: tuple[str, ...]
    kolom: tuple[Kolom, ...]
    partisi_tahun: bool = False
    referensi: bool = False
    keterangan: str = ""
    kolom_periode: str = ""    # the column that dates a row (tahun or periode), for "data per" notices

    @property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(k.nama, k.arrow, nullable=not k.wajib) for k in self.kolom])

    def kolom_nama(self) -> list[str]:
        return [k.nama for k in self.kolom]

    def __getitem__(self, nama: str) -> Kolom:
        return next(k for k in self.kolom if k.nama == nama)


def _kel() -> Kolom:
    return Kolom("kode_kelurahan", "text", "kode Kemendagri kelurahan/desa", wilayah="kelurahan")


def _uang(nama: str, arti: str, wajib: bool = True) -> Kolom:
    return Kolom(nama, "int", arti, "rupiah", wajib=wajib, minimum=0)


def _jumlah(nama: str, arti: str, satuan: str = "orang", wajib: bool = True) -> Kolom:
    return Kolom(nama, "int", arti, satuan, wajib=wajib, minimum=0)


def _sumber() -> Kolom:
    return Kolom("sumber", "text", "asal data (provenance): dokumen, MIS, atau berkas impor", wajib=False)


def _tahun(arti: str = "tahun anggaran") -> Kolom:
    return Kolom("tahun", "int", arti, "tahun", minimum=1990, maksimum=2100)


def _periode() -> Kolom:
    return Kolom("periode", "date", "bulan laporan (hari pertama bulan)")


WILAYAH = Tabel(
    "wilayah", "satu wilayah di tingkat mana pun", ("kode",), (
        Kolom("kode", "text", "kode Kemendagri bertitik (PP, PP.KK, PP.KK.CC, PP.KK.CC.DDDD)"),
        Kolom("tingkat", "text", "tingkat wilayah", nilai=("provinsi", "kabkota", "kecamatan", "kelurahan")),
        Kolom("nama", "text", "nama resmi"),
        Kolom("kode_induk", "text", "kode wilayah satu tingkat di atas", wajib=False),
        Kolom("jenis", "text", "kota/kabupaten untuk kab/kota; kelurahan/desa untuk desa/kelurahan",
              nilai=("kota", "kabupaten", "kelurahan", "desa"), wajib=False),
        Kolom("lat", "float", "lintang titik tengah", "derajat", wajib=False, minimum=-90, maksimum=90),
        Kolom("lon", "float", "bujur titik tengah", "derajat", wajib=False, minimum=-180, maksimum=180),
    ), referensi=True, keterangan="Data acuan Kepmendagri 2025, dibangun ulang dengan `python -m pantau.reference`.")

LOKASI_PROGRAM = Tabel(
    "lokasi_program", "kelurahan × program", ("kode_kelurahan", "program"), (
        _kel(),
        Kolom("program", "text", "program", nilai=PROGRAM),
        Kolom("tahun_mulai", "int", "tahun pertama program di kelurahan", "tahun", minimum=1990, maksimum=2100),
        Kolom("tahun_selesai", "int", "tahun terakhir (kosong bila masih berjalan)", "tahun", wajib=False,
              minimum=1990, maksimum=2100),
        Kolom("jenis_lokasi", "text", "jenis lokasi penanganan", nilai=("peningkatan", "pencegahan"), wajib=False),
        Kolom("kode_bkm", "text", "kode BKM/LKM (kode kelurahan + '.B')"),
        Kolom("nama_bkm", "text", "nama BKM/LKM"),
        _sumber(),
    ), kolom_periode="tahun_mulai")

BLM_ALOKASI = Tabel(
    "blm_alokasi", "kelurahan × program × tahun", ("kode_kelurahan", "program", "tahun"), (
        _kel(), Kolom("program", "text", "program", nilai=PROGRAM), _tahun(),
        _uang("pagu_rp", "pagu (alokasi) BLM"), _sumber(),
    ), kolom_periode="tahun")

BLM_PENCAIRAN = Tabel(
    "blm_pencairan", "satu pencairan BLM", ("id_pencairan",), (
        Kolom("id_pencairan", "text", "nomor unik pencairan"),
        _kel(),
        Kolom("kode_bkm", "text", "kode BKM/LKM penerima"),
        Kolom("program", "text", "program", nilai=PROGRAM),
        _tahun(),
        Kolom("tahap", "int", "tahap pencairan", "tahap", minimum=1, maksimum=10),
        Kolom("tanggal_cair", "date", "tanggal dana masuk rekening BKM", wajib=False),
        Kolom("komponen", "text", "komponen tridaya (kosong = tidak dirinci di sumber)", nilai=KOMPONEN,
              wajib=False),
        _uang("nilai_blm_rp", "BLM/BPM dari APBN"),
        _uang("nilai_ddub_rp", "dana daerah untuk urusan bersama (APBD)"),
        _uang("nilai_swadaya_rp", "swadaya masyarakat (uang, tenaga, bahan)"),
        Kolom("kegiatan", "text", "uraian kegiatan", wajib=False),
        _jumlah("pemanfaat", "jumlah pemanfaat", wajib=False),
        _jumlah("pemanfaat_miskin", "pemanfaat miskin", wajib=False),
        _jumlah("pemanfaat_perempuan", "pemanfaat perempuan", wajib=False),
        _sumber(),
    ), partisi_tahun=True, kolom_periode="tanggal_cair")

KSM = Tabel(
    "ksm", "satu KSM", ("kode_ksm",), (
        Kolom("kode_ksm", "text", "kode KSM (kode BKM + nomor)"),
        Kolom("kode_bkm", "text", "kode BKM/LKM"),
        _kel(),
        Kolom("nama_ksm", "text", "nama KSM"),
        Kolom("jenis", "text", "jenis kegiatan KSM", nilai=KOMPONEN),
        Kolom("tahun_bentuk", "int", "tahun dibentuk", "tahun", minimum=1990, maksimum=2100),
        _jumlah("anggota", "jumlah anggota"),
        _jumlah("anggota_perempuan", "anggota perempuan"),
        _jumlah("anggota_miskin", "anggota miskin (PS-2)", wajib=False),
        _sumber(),
    ), kolom_periode="tahun_bentuk")

PINJAMAN_BULANAN = Tabel(
    "pinjaman_bulanan", "KSM × bulan", ("kode_ksm", "periode"), (
        Kolom("kode_ksm", "text", "kode KSM"),
        Kolom("kode_bkm", "text", "kode BKM/LKM (UPK)"),
        _kel(), _periode(), _tahun("tahun periode"),
        _uang("pencairan_rp", "pinjaman dicairkan bulan ini"),
        _uang("pokok_jatuh_tempo_rp", "pokok jatuh tempo bulan ini"),
        _uang("pokok_dibayar_rp", "pokok dibayar bulan ini"),
        _uang("jasa_dibayar_rp", "jasa dibayar bulan ini"),
        _uang("saldo_pinjaman_rp", "saldo pinjaman (outstanding) akhir bulan"),
        Kolom("tunggakan_angsuran", "int", "jumlah angsuran yang menunggak", "angsuran", minimum=0),
        Kolom("siklus", "int", "siklus pinjaman ke-", "siklus", minimum=1),
    ), partisi_tahun=True, kolom_periode="periode")

UPK_KEUANGAN_BULANAN = Tabel(
    "upk_keuangan_bulanan", "BKM × bulan", ("kode_bkm", "periode"), (
        Kolom("kode_bkm", "text", "kode BKM/LKM (UPK)"),
        _kel(), _periode(), _tahun("tahun periode"),
        _uang("pendapatan_rp", "pendapatan UPK bulan ini"),
        _uang("biaya_rp", "biaya operasional UPK bulan ini"),
        _uang("modal_rp", "modal dana bergulir akhir bulan"),
        _uang("cadangan_risiko_rp", "cadangan risiko pinjaman akhir bulan"),
    ), partisi_tahun=True, kolom_periode="periode")

INDIKATOR_PERMUKIMAN = Tabel(
    "indikator_permukiman", "kelurahan × tahun", ("kode_kelurahan", "tahun"), (
        _kel(), _tahun("tahun pendataan"),
        _jumlah("jumlah_kk", "jumlah kepala keluarga", "KK"),
        _jumlah("kk_air_minum_layak", "KK dengan akses air minum layak", "KK"),
        _jumlah("kk_sanitasi_layak", "KK dengan akses sanitasi layak", "KK"),
        Kolom("luas_wilayah_ha", "float", "luas kelurahan", "ha", minimum=0),
        Kolom("luas_kumuh_ha", "float", "luas permukiman kumuh", "ha", minimum=0),
        _sumber(),
    ), kolom_periode="tahun")

KAWASAN_KUMUH = Tabel(
    "kawasan_kumuh", "kawasan kumuh (SK) × kelurahan", ("kode_kawasan", "kode_kelurahan"), (
        Kolom("kode_kawasan", "text", "kode kawasan (kode kab/kota + '.KW' + nomor)"),
        _kel(),
        Kolom("nama_kawasan", "text", "nama kawasan menurut SK"),
        Kolom("nomor_sk", "text", "nomor SK Kumuh Bupati/Walikota"),
        Kolom("tahun_sk", "int", "tahun SK", "tahun", minimum=1990, maksimum=2100),
        Kolom("luas_sk_ha", "float", "luas kumuh bagian kelurahan ini menurut SK (garis dasar)", "ha", minimum=0),
        _sumber(),
    ), kolom_periode="tahun_sk")

PENILAIAN_KUMUH = Tabel(
    "penilaian_kumuh", "kawasan × tahun × subkriteria", ("kode_kawasan", "tahun", "kriteria"), (
        Kolom("kode_kawasan", "text", "kode kawasan"),
        _tahun("tahun penilaian"),
        Kolom("kriteria", "text", "subkriteria Permen PUPR 14/2018", nilai=KRITERIA_KUMUH),
        Kolom("persen_terdampak", "float", "bagian kawasan yang terdampak (skor dan kelas diturunkan, tidak disimpan)",
              "%", minimum=0, maksimum=100),
        _sumber(),
    ), kolom_periode="tahun")

DATA_KEMISKINAN = Tabel(
    "data_kemiskinan", "kelurahan × tahun × sumber", ("kode_kelurahan", "tahun", "sumber"), (
        _kel(), _tahun("tahun data"),
        Kolom("sumber", "text", "sumber data kemiskinan", nilai=SUMBER_KEMISKINAN),
        _jumlah("rumah_tangga_miskin", "rumah tangga miskin", "RT"),
        _jumlah("jiwa_miskin", "jiwa miskin", "jiwa", wajib=False),
    ), kolom_periode="tahun")

ASET = Tabel(
    "aset", "satu aset tridaya", ("kode_aset",), (
        Kolom("kode_aset", "text", "kode aset"),
        _kel(),
        Kolom("kode_bkm", "text", "kode BKM/LKM pembangun", wajib=False),
        Kolom("jenis", "text", "komponen tridaya", nilai=KOMPONEN),
        Kolom("uraian", "text", "uraian aset"),
        Kolom("tahun_bangun", "int", "tahun dibangun", "tahun", minimum=1990, maksimum=2100),
        _uang("nilai_rp", "nilai aset"),
        Kolom("kondisi", "text", "kondisi", nilai=("baik", "rusak_ringan", "rusak_berat")),
        Kolom("status_serah_terima", "text", "status alih kelola ke Pemda", nilai=("belum", "proses", "selesai")),
        Kolom("tahun_serah_terima", "int", "tahun serah terima selesai", "tahun", wajib=False,
              minimum=1990, maksimum=2100),
        Kolom("pengelola", "text", "kelompok pemelihara (KPP) atau pengelola; kosong = belum ada", wajib=False),
        _sumber(),
    ), kolom_periode="tahun_bangun")

TABEL: dict[str, Tabel] = {t.nama: t for t in (
    WILAYAH, LOKASI_PROGRAM, BLM_ALOKASI, BLM_PENCAIRAN, KSM, PINJAMAN_BULANAN, UPK_KEUANGAN_BULANAN,
    INDIKATOR_PERMUKIMAN, KAWASAN_KUMUH, PENILAIAN_KUMUH, DATA_KEMISKINAN, ASET)}

TABEL_DATASET = tuple(n for n, t in TABEL.items() if not t.referensi)


def _baris_kolom(k: Kolom) -> str:
    aturan = []
    if k.nilai:
        aturan.append("salah satu dari " + ", ".join(f"`{v}`" for v in k.nilai))
    if k.minimum is not None:
        aturan.append(f"≥ {k.minimum:g}")
    if k.maksimum is not None:
        aturan.append(f"≤ {k.maksimum:g}")
    if k.wilayah:
        aturan.append(f"ada di `wilayah` ({k.wilayah})")
    wajib = "ya" if k.wajib else "tidak"
    return f"| `{k.nama}` | {k.tipe} | {k.satuan or '–'} | {wajib} | {k.arti} | {'; '.join(aturan) or '–'} |"


def dokumentasi() -> str:
    """Markdown documentation of the whole contract (the content of data/README.md)."""
    baris = [
        "# Kontrak data Pantau", "",
        "Dibuat dari `pantau/schema.py` dengan `python -m pantau.schema > data/README.md`; "
        "sebuah tes memastikan berkas ini sama dengan modulnya. Jangan disunting dengan tangan.", "",
        "Setiap tabel adalah folder berkas Parquet di `data/versions/<versi>/<tabel>/`; tabel besar dipartisi "
        "per `tahun` (gaya Hive). Kode wilayah memakai titik (`13.72.01.1001`), uang dalam rupiah bulat.", "",
    ]
    for t in TABEL.values():
        baris += [f"## `{t.nama}`", "", f"Butir: {t.butir}. Kunci: " + ", ".join(f"`{k}`" for k in t.kunci) + "."]
        if t.partisi_tahun:
            baris.append("Dipartisi per `tahun`.")
        if t.keterangan:
            baris.append(t.keterangan)
        baris += ["", "| kolom | tipe | satuan | wajib | arti | aturan |", "|---|---|---|---|---|---|"]
        baris += [_baris_kolom(k) for k in t.kolom] + [""]
    return "\n".join(baris)


if __name__ == "__main__":
    sys.stdout.write(dokumentasi())
