"""Data quality of the active dataset: what is missing (programme kelurahan × year per table), what looks
wrong (BLM per household far from its kab/kota peers, jumps in slum hectares), which contract rules the
data breaks, and how recent each table is."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pantau import katalog, dataset, db, fmt, schema
from pantau.i18n import t
from pantau.layout import Angka
from pantau.pilihan import Pilihan
from pantau.versi import Tabel, tampil

# Pantau's own outlier rules, from the catalogue's [kualitas] table (see its comments)
_ATURAN = katalog.data()["kualitas"]
BATAS_Z = float(_ATURAN["batas_z"])
SEBAYA_MIN = int(_ATURAN["sebaya_min"])
LONJAKAN_HA = float(_ATURAN["lonjakan_ha"])
LONJAKAN_PERSEN = float(_ATURAN["lonjakan_persen"])
BAGIAN = ("hilang", "pencilan", "lonjakan", "langgar")     # the panel's tables, in screen order


@dataclass(frozen=True)
class Kualitas:
    """Everything the data quality panel shows, ready for the screen."""

    kosong: bool
    angka: list[Angka]
    kelengkapan: pd.DataFrame        # tabel (label) × tahun: kelurahan_harapan, kelurahan_ada, lengkap (chart)
    hilang: Tabel
    pencilan: Tabel
    lonjakan: Tabel
    langgar: Tabel
    tanggal: Tabel
    pesan_kosong: dict[str, str]     # section -> locale key of the message shown when its table is empty


def batas(lang: str) -> dict[str, str]:
    """The rules' limits as text for the explanations under each table."""
    return {"batas": fmt.angka(BATAS_Z, 1, lang=lang), "sebaya": str(SEBAYA_MIN), "persen": str(LONJAKAN_PERSEN),
            "ha": str(LONJAKAN_HA)}


def _label_tabel(df: pd.DataFrame, lang: str, kolom: str = "tabel") -> pd.DataFrame:
    return df.assign(**{kolom: [t(f"kelola.tabel.{n}", lang) for n in df[kolom]]})


def pencilan_blm(p: Pilihan) -> pd.DataFrame:
    """Kelurahan whose BLM per household is far from the median of their kab/kota."""
    df = db.query("kualitas_pencilan_blm", **p.params())
    jauh = (df.skor_z.abs() > BATAS_Z) & (df.jumlah_sebaya >= SEBAYA_MIN)
    return df[jauh.fillna(False)].reset_index(drop=True)


def lonjakan_kumuh(p: Pilihan) -> pd.DataFrame:
    params = {k: v for k, v in p.params().items() if k != "program"}
    return db.query("kualitas_lonjakan_kumuh", batas_ha=LONJAKAN_HA, batas_persen=LONJAKAN_PERSEN, **params)


def pelanggaran(p: Pilihan, lang: str) -> pd.DataFrame:
    df = db.query("kualitas_pelanggaran", wilayah=p.prefix)
    df = df.assign(aturan=[t(f"kelola.aturan.{a}", lang) for a in df.aturan])
    return _label_tabel(df, lang)


def tanggal_tabel(lang: str) -> pd.DataFrame:
    """Each table of the active version: rows, the date its data refers to, and where it came from."""
    versi = dataset.active()
    m = versi.manifest if versi else {}
    baris = []
    for nama in schema.TABEL_DATASET:
        asal = m.get("diperbarui", {}).get(nama, {}).get("berkas")
        demo = versi is not None and (versi.jenis == "demo" or nama in m.get("tabel_demo", ()))
        baris.append({"tabel": t(f"kelola.tabel.{nama}", lang), "baris": m.get("baris", {}).get(nama, 0),
                      "tanggal_data": m.get("tanggal_data", {}).get(nama),
                      "asal": t("kelola.kualitas.asal_demo", lang) if demo else asal or fmt.KOSONG})
    return pd.DataFrame(baris, columns=["tabel", "baris", "tanggal_data", "asal"])


def _angka(lengkap: pd.DataFrame, pencilan: pd.DataFrame, lonjakan: pd.DataFrame, langgar: pd.DataFrame,
           lang: str) -> list[Angka]:
    harapan, ada = int(lengkap.kelurahan_harapan.sum()), int(lengkap.kelurahan_ada.sum())
    bagian = ada / harapan if harapan else None
    jumlah_langgar = int(langgar.jumlah_baris.sum())
    return [
        Angka(t("kelola.kualitas.lengkap", lang), fmt.persen(bagian, lang=lang),
              catatan=t("kelola.kualitas.lengkap_catatan", lang, hilang=fmt.angka(harapan - ada, lang=lang))
              if harapan else t("kelola.kualitas.lengkap_kosong", lang)),
        Angka(t("kelola.kualitas.pencilan", lang), fmt.angka(len(pencilan), lang=lang),
              catatan=t("kelola.kualitas.pencilan_catatan", lang, **batas(lang)), aturan_sendiri=True),
        Angka(t("kelola.kualitas.lonjakan", lang), fmt.angka(len(lonjakan), lang=lang),
              catatan=t("kelola.kualitas.lonjakan_catatan", lang, **batas(lang)), aturan_sendiri=True),
        Angka(t("kelola.kualitas.langgar", lang), fmt.angka(jumlah_langgar, lang=lang),
              "baik" if jumlah_langgar == 0 else "buruk", t("kelola.kualitas.langgar_catatan", lang)),
    ]


def _tabel(pencilan: pd.DataFrame, lonjakan: pd.DataFrame, langgar: pd.DataFrame, hilang: pd.DataFrame,
           lang: str) -> dict[str, Tabel]:
    pencilan = pencilan.assign(skor_z=[fmt.angka(z, 1, lang=lang) for z in pencilan.skor_z])
    return {
        "hilang": tampil(hilang, {"tabel": None, "kode_kelurahan": None, "nama_kelurahan": None, "tahun": None},
                         lang),
        "pencilan": tampil(pencilan, {"kode_kelurahan": None, "nama_kelurahan": None, "blm_rp": "rupiah",
                                      "jumlah_kk": "angka", "blm_per_kk": "rupiah", "median_kabkota": "rupiah",
                                      "skor_z": None}, lang),
        "lonjakan": tampil(lonjakan, {"kode_kelurahan": None, "nama_kelurahan": None, "tahun_sebelum": None,
                                      "tahun": None, "luas_sebelum_ha": "hektar", "luas_kumuh_ha": "hektar",
                                      "perubahan_ha": "hektar", "perubahan": "persen"}, lang),
        "langgar": tampil(langgar, {"aturan": None, "tabel": None, "jumlah_baris": "angka", "contoh": None},
                              lang),
        "tanggal": tampil(tanggal_tabel(lang), {"tabel": None, "baris": "angka", "tanggal_data": "tanggal",
                                                "asal": None}, lang),
    }


def hilang(p: Pilihan, lang: str) -> pd.DataFrame | None:
    """Missing kelurahan-years, listed from the kab/kota level down (None above: too long to be useful)."""
    if p.tingkat in ("nasional", "provinsi"):
        return None
    return _label_tabel(db.query("kualitas_hilang", **p.params()), lang)


def ringkasan(p: Pilihan) -> Kualitas:
    """The data quality panel for the current filter."""
    lang = p.lang
    lengkap = db.query("kualitas_kelengkapan", **p.params())
    pencilan, lonjakan, langgar = pencilan_blm(p), lonjakan_kumuh(p), pelanggaran(p, lang)
    daftar_hilang = hilang(p, lang)
    pesan = {b: f"kelola.kualitas.tidak_ada_{b}" for b in BAGIAN}
    if daftar_hilang is None:
        pesan["hilang"] = "kelola.kualitas.hilang_pilih_kabkota"
        daftar_hilang = pd.DataFrame(columns=["tabel", "kode_kelurahan", "nama_kelurahan", "tahun"])
    kosong = lengkap.empty and langgar.empty and pencilan.empty and lonjakan.empty
    return Kualitas(kosong, _angka(lengkap, pencilan, lonjakan, langgar, lang), _label_tabel(lengkap, lang),
                    **_tabel(pencilan, lonjakan, langgar, daftar_hilang, lang), pesan_kosong=pesan)
