"""The briefing as an XLSX workbook: one sheet per table the Ringkasan shows (headline numbers, key
messages, the kelurahan that need attention with their points), each starting with the filter rows."""
from __future__ import annotations

import pandas as pd

from pantau import dataset, ekspor, fmt, katalog
from pantau.i18n import t
from pantau.ringkasan import Briefing, tabel_perhatian


def _kolom(kunci: str, lang: str) -> str:
    return t(f"ringkasan.ekspor.kolom.{kunci}", lang)


def tabel_angka(b: Briefing) -> pd.DataFrame:
    """The six cards as rows: as shown (text) and as numbers (value, comparison value, unit)."""
    lang, r = b.lang, b.ringkasan
    status = katalog.data()["status"]
    return pd.DataFrame({
        _kolom("indikator", lang): [a.label for a in r.angka],
        _kolom("nilai", lang): [a.nilai for a in r.angka],
        _kolom("status", lang): [status[a.status or "kosong"][lang] for a in r.angka],
        _kolom("perubahan", lang): [a.catatan for a in r.angka],
        _kolom("nilai_angka", lang): [u.nilai for u in r.ukuran.values()],
        _kolom("pembanding", lang): [u.pembanding for u in r.ukuran.values()],
        _kolom("nilai_pembanding", lang): [u.lalu for u in r.ukuran.values()],
        _kolom("satuan", lang): [u.satuan for u in r.ukuran.values()]})


def tabel_kalimat(b: Briefing) -> pd.DataFrame:
    return pd.DataFrame({_kolom("no", b.lang): range(1, len(b.ringkasan.kalimat) + 1),
                         _kolom("kalimat", b.lang): list(b.ringkasan.kalimat)})


def kepala(b: Briefing) -> list[tuple[str, str]]:
    """The header rows: title, filters, report month, target year, data kind and dates."""
    lang, r = b.lang, b.ringkasan
    versi = dataset.active()
    jenis = t("umum.ekspor.demo", lang) if b.demo else (versi.id if versi else fmt.KOSONG)
    return [("Pantau", b.judul), *b.filter,
            (t("ringkasan.ekspor.bulan_upk", lang), fmt.bulan(r.periode, lang=lang)),
            (t("ringkasan.ekspor.tahun_target", lang), str(r.tahun_target)),
            (t("umum.ekspor.data", lang), jenis), (t("ringkasan.ekspor.label_data_per", lang), b.tanggal_data),
            (t("umum.ekspor.diunduh", lang), b.dibuat)]


def buat(b: Briefing) -> bytes:
    """The workbook: headline numbers, key messages, attention list (with each criterion's points)."""
    lang = b.lang
    lembar = {t("ringkasan.ekspor.lembar_angka", lang): tabel_angka(b),
              t("ringkasan.ekspor.lembar_kalimat", lang): tabel_kalimat(b),
              t("ringkasan.ekspor.lembar_perhatian", lang): tabel_perhatian(b.ringkasan.perhatian, lang, rinci=True)}
    return ekspor.xlsx_bytes(lembar, kepala(b) + [("", b.aturan_perhatian)])
