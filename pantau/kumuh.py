"""Slum scoring (Permen PUPR 14/PRT/M/2018, or the older 2/2016 rule set): % of a kawasan affected per
sub-criterion -> score 0/1/3/5, the total and its class; per kawasan its latest assessment, the change
since its first one, and the aspects that drive its score.

The bands and class thresholds come only from the catalogue (`[aturan_kumuh."<kode>"]`); which rule set
applies by default is `[indikator.skor_kumuh] aturan`. Scores and classes are derived, never stored.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from pantau import katalog


def kode_aturan() -> str:
    """The rule set the catalogue selects for the slum score (e.g. "2018")."""
    return str(katalog.indikator("skor_kumuh").raw["aturan"])


def aturan(kode: str | None = None) -> dict:
    """One rule set of the catalogue: its sub-criteria, score bands and class thresholds."""
    semua = katalog.data()["aturan_kumuh"]
    kode = kode or kode_aturan()
    if kode not in semua:
        raise ValueError(f"aturan kumuh {kode!r} tidak ada di katalog ({', '.join(semua)})")
    return semua[kode]


def _kosong(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _di_bawah_atas(persen: float, pita: dict) -> bool:
    return persen < pita["atas"] or (persen == pita["atas"] and pita.get("atas_inklusif", True))


def skor(persen: float | None, kode: str | None = None) -> int | None:
    """Score of one sub-criterion: the first band whose upper bound holds. None when the value is missing
    or is not a percentage (outside 0–100)."""
    if _kosong(persen) or not 0 <= float(persen) <= 100:
        return None
    for pita in aturan(kode)["skor"]:
        if _di_bawah_atas(float(persen), pita):
            return int(pita["skor"])
    return None


def kelas(total: float | None, kode: str | None = None) -> str | None:
    """Class key ('berat', 'sedang', 'ringan', 'tidak') of a total score: the first class whose lower
    bound holds."""
    if _kosong(total):
        return None
    for k in aturan(kode)["kelas"]:
        if float(total) >= k["bawah"]:
            return k["kelas"]
    return None


def skor_vektor(persen: pd.Series, kode: str | None = None) -> pd.Series:
    """`skor` for a whole column (NaN where the value is missing or outside 0–100)."""
    nilai = pd.to_numeric(persen, errors="coerce").to_numpy(dtype=float)
    sah = (nilai >= 0) & (nilai <= 100)
    syarat, pilihan = [], []
    for pita in aturan(kode)["skor"]:
        batas = nilai <= pita["atas"] if pita.get("atas_inklusif", True) else nilai < pita["atas"]
        syarat.append(sah & batas)
        pilihan.append(float(pita["skor"]))
    return pd.Series(np.select(syarat, pilihan, default=np.nan), index=persen.index, name="skor")


def kelas_vektor(total: pd.Series, kode: str | None = None) -> pd.Series:
    """`kelas` for a whole column of totals (None where missing)."""
    nilai = pd.to_numeric(total, errors="coerce").to_numpy(dtype=float)
    kelas_ = aturan(kode)["kelas"]
    hasil = np.select([nilai >= k["bawah"] for k in kelas_], [k["kelas"] for k in kelas_], default="")
    return pd.Series(hasil, index=total.index, name="kelas").replace("", None)


def aspek_dari(kriteria: pd.Series) -> pd.Series:
    """The aspect key ('1'…'7') of each sub-criterion, from `[aspek_kumuh]` (criteria of the 2016 set
    that the catalogue does not list fall back to their leading number)."""
    peta = {k: a for a, v in katalog.data()["aspek_kumuh"].items() for k in v["kriteria"]}
    for k in set(kriteria.unique()) - set(peta):
        peta[k] = str(k).rstrip("abcdefghijklmnopqrstuvwxyz")
    return kriteria.map(peta)


def nilai(penilaian: pd.DataFrame, kode: str | None = None) -> pd.DataFrame:
    """Penilaian rows (kode_kawasan, tahun, kriteria, persen_terdampak) with `skor` and `aspek` added;
    sub-criteria that the rule set does not list are dropped."""
    dipakai = penilaian[penilaian.kriteria.isin(aturan(kode)["kriteria"])]
    return dipakai.assign(skor=skor_vektor(dipakai.persen_terdampak, kode), aspek=aspek_dari(dipakai.kriteria))


def total(dinilai: pd.DataFrame, kode: str | None = None) -> pd.DataFrame:
    """Per kawasan × year: the total score, its class and how many sub-criteria were scored.
    A kawasan with fewer scored sub-criteria than the rule set lists is marked `lengkap = False`."""
    hasil = (dinilai.groupby(["kode_kawasan", "tahun"], as_index=False)
             .agg(total=("skor", "sum"), jumlah_kriteria=("skor", "count")))
    hasil["total"] = hasil.total.astype(int)
    hasil["kelas"] = kelas_vektor(hasil.total, kode)
    hasil["lengkap"] = hasil.jumlah_kriteria == len(aturan(kode)["kriteria"])
    return hasil


def per_aspek(dinilai: pd.DataFrame) -> pd.DataFrame:
    """Per kawasan × year × aspect: the points that aspect adds to the total."""
    hasil = dinilai.groupby(["kode_kawasan", "tahun", "aspek"], as_index=False).agg(skor=("skor", "sum"))
    hasil["skor"] = hasil.skor.astype(int)
    return hasil


# ------------------------------------------------------------------ per kawasan: latest, change, drivers
def label_unik(nama: pd.Series, kode: pd.Series) -> pd.Series:
    """Display names that are unique (a repeated name gets its code appended)."""
    ganda = nama.duplicated(keep=False)
    return nama.where(~ganda, nama + " (" + kode + ")")


def skor_kawasan(penilaian: pd.DataFrame, kawasan: pd.DataFrame, kode_aturan: str | None = None) -> dict:
    """From `permukiman_penilaian` rows and `permukiman_kawasan` (names, area): 'dinilai' (rows with skor,
    aspek), 'total' (per kawasan × year: total, kelas, lengkap, with the kawasan's names), 'aspek' (points per
    aspect) and 'terakhir' (each kawasan's latest assessment in the years chosen, highest total first)."""
    dinilai = nilai(penilaian, kode_aturan)
    hasil = total(dinilai, kode_aturan).merge(kawasan, on="kode_kawasan", how="left")
    terakhir = hasil.sort_values(["kode_kawasan", "tahun"]).drop_duplicates("kode_kawasan", keep="last")
    terakhir = terakhir.sort_values(["total", "kode_kawasan"], ascending=[False, True]).reset_index(drop=True)
    terakhir["label"] = label_unik(terakhir.nama_kawasan.astype(str), terakhir.kode_kawasan)
    return {"dinilai": dinilai, "total": hasil, "aspek": per_aspek(dinilai), "terakhir": terakhir}


def bukan_kumuh(kode: str | None = None) -> str:
    """The class key that means "not a slum": the rule set's class with the lowest bound."""
    return min(aturan(kode)["kelas"], key=lambda k: k["bawah"])["kelas"]


def perubahan(per_tahun: pd.DataFrame, kode: str | None = None) -> pd.DataFrame:
    """Per kawasan: first vs latest assessment in the years chosen, and what changed: 'keluar' (left slum
    status), 'membaik' (score down), 'tetap', 'memburuk' (score up); kawasan assessed once are left out."""
    urut = per_tahun.sort_values(["kode_kawasan", "tahun"])
    awal = urut.drop_duplicates("kode_kawasan", keep="first").set_index("kode_kawasan")
    akhir = urut.drop_duplicates("kode_kawasan", keep="last").set_index("kode_kawasan")
    hasil = awal[["nama_kawasan", "kode_kelurahan", "nama_kelurahan"]].join(
        awal[["tahun", "total", "kelas"]].add_suffix("_awal")).join(akhir[["tahun", "total", "kelas"]]
                                                                    .add_suffix("_akhir"))
    hasil = hasil[hasil.tahun_akhir > hasil.tahun_awal].reset_index()
    keluar = (hasil.kelas_awal != bukan_kumuh(kode)) & (hasil.kelas_akhir == bukan_kumuh(kode))
    hasil["arah"] = np.select([keluar, hasil.total_akhir < hasil.total_awal, hasil.total_akhir > hasil.total_awal],
                              ["keluar", "membaik", "memburuk"], default="tetap")
    return hasil.sort_values(["total_akhir", "kode_kawasan"], ascending=[False, True]).reset_index(drop=True)


def pendorong(aspek: pd.DataFrame, terakhir: pd.DataFrame, lang: str, jumlah: int = 2) -> pd.Series:
    """Per kawasan (index kode_kawasan): the aspects that add the most points to its latest total."""
    bagian = aspek.merge(terakhir[["kode_kawasan", "tahun"]], on=["kode_kawasan", "tahun"])
    bagian = bagian[bagian.skor > 0].sort_values(["kode_kawasan", "skor", "aspek"], ascending=[True, False, True])
    bagian = bagian.groupby("kode_kawasan").head(jumlah)
    if bagian.empty:
        return pd.Series(dtype=object)
    nama = {a: katalog.label("aspek_kumuh", a, lang) for a in bagian.aspek.unique()}
    teks = bagian.aspek.map(nama).astype(str) + " (" + bagian.skor.astype(str) + ")"
    lebar = pd.DataFrame({"kode_kawasan": bagian.kode_kawasan, "ke": bagian.groupby("kode_kawasan").cumcount(),
                          "teks": teks}).pivot(index="kode_kawasan", columns="ke", values="teks")
    hasil = lebar[0]
    for ke in lebar.columns[1:]:
        hasil = hasil.where(lebar[ke].isna(), hasil + ", " + lebar[ke])
    return hasil.rename(None)
