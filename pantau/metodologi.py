"""Content of the Metodologi page, generated from the indicator catalogue (nothing typed twice)."""
from __future__ import annotations

import pandas as pd

from pantau import fmt, katalog
from pantau.i18n import t

KELOMPOK = ("ringkasan", "blm", "dana_bergulir", "permukiman", "kemiskinan", "aset")


def per_kelompok() -> list[tuple[str, list[katalog.Indikator]]]:
    semua = katalog.semua()
    return [(k, [i for i in semua if i.raw["kelompok"] == k]) for k in KELOMPOK]


def kartu(ind: katalog.Indikator, lang: str) -> str:
    """Markdown block: name, formula, unit, direction, source and confidence (own rules flagged)."""
    keyakinan = t(f"metodologi.keyakinan.{ind.raw['keyakinan']}", lang)
    baris = [f"### {ind.nama(lang)}", f"**{t('metodologi.rumus', lang)}:** {ind.rumus(lang)}",
             f"**{t('metodologi.satuan', lang)}:** {t('metodologi.satuan_' + ind.satuan.replace(' ', '_'), lang)} · "
             f"**{t('metodologi.arah', lang)}:** {t('metodologi.arah_' + ind.raw['arah'], lang)}",
             f"**{t('metodologi.sumber', lang)}:** {ind.raw['sumber']} · "
             f"**{t('metodologi.keyakinan_label', lang)}:** {keyakinan}"]
    if ind.aturan_sendiri:
        baris.append(f"> ⚠️ {t('metodologi.aturan_sendiri', lang)}")
    return "\n\n".join(baris)


def _batas(nilai: float | None, inklusif: bool, satuan: str, lang: str) -> str:
    if nilai is None:
        return ""
    teks = fmt.persen(nilai, desimal=0, lang=lang) if satuan == "persen" else fmt.angka(nilai, 2, lang=lang)
    return teks + ("" if inklusif else f" ({t('metodologi.tidak_termasuk', lang)})")


def tabel_pita(ind: katalog.Indikator, lang: str) -> pd.DataFrame:
    """The indicator's bands in order, with their status label and colour name."""
    rows = []
    for pita in ind.pita:
        rows.append({t("metodologi.kolom.status", lang): ind.label_status(pita["status"], lang),
                     t("metodologi.kolom.dari", lang): _batas(pita.get("bawah"), pita.get("bawah_inklusif", True),
                                                             ind.satuan, lang) or "–",
                     t("metodologi.kolom.sampai", lang): _batas(pita.get("atas"), pita.get("atas_inklusif", True),
                                                               ind.satuan, lang) or "–",
                     t("metodologi.kolom.warna", lang): t(f"metodologi.warna.{pita['status']}", lang)})
    return pd.DataFrame(rows)


def tabel_aspek(lang: str) -> pd.DataFrame:
    aspek = katalog.data()["aspek_kumuh"]
    return pd.DataFrame([{t("metodologi.kolom.aspek", lang): f"{k}. {v[lang]}",
                          t("metodologi.kolom.subkriteria", lang): ", ".join(v["kriteria"])} for k, v in aspek.items()])


def aturan_kumuh(lang: str) -> list[dict]:
    """Each slum-scoring rule set: its score bands and class thresholds."""
    hasil = []
    for kode, aturan in katalog.data()["aturan_kumuh"].items():
        skor = pd.DataFrame([{t("metodologi.kolom.persen_sampai", lang): fmt.angka(s["atas"], 1, lang=lang)
                              + (" %" if s.get("atas_inklusif", True) else f" % ({t('metodologi.tidak_termasuk', lang)})"),
                              t("metodologi.kolom.skor", lang): s["skor"]} for s in aturan["skor"]])
        kelas = pd.DataFrame([{t("metodologi.kolom.skor_min", lang): k["bawah"],
                               t("metodologi.kolom.kelas", lang): katalog.label("kelas_kumuh", k["kelas"], lang)}
                              for k in aturan["kelas"]])
        keyakinan = t(f"metodologi.keyakinan.{aturan['keyakinan']}", lang)
        hasil.append({"judul": f"{aturan['nama']} ({len(aturan['kriteria'])} {t('metodologi.subkriteria', lang)}; "
                               f"{keyakinan})", "skor": skor, "kelas": kelas})
    return hasil


def tabel_kolektibilitas(lang: str) -> pd.DataFrame:
    kelas = katalog.data()["indikator"]["kolektibilitas"]["kelas"]
    return pd.DataFrame([{t("metodologi.kolom.kelas", lang): f"{k['kode']} {k[lang]}",
                          t("metodologi.kolom.tunggakan", lang): f"{k['tunggakan_min']}"
                          + (f"–{k['tunggakan_maks']}" if "tunggakan_maks" in k else "+")} for k in kelas])
