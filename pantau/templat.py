"""Downloadable XLSX templates, one per table of the contract: a header row of Indonesian labels, one
example row (which the validator refuses if it is left in), drop-down lists for columns with allowed
values, and a "Petunjuk" sheet that explains every column (type, unit, required, rule)."""
from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from pantau import schema
from pantau.i18n import t
from pantau.validasi import label_kolom

BARIS_DAFTAR = 5000        # rows that get the drop-down lists of allowed values
_CONTOH = {
    "kode_kelurahan": "13.72.01.1001", "kode_bkm": "13.72.01.1001.B", "kode_ksm": "13.72.01.1001.B.001",
    "kode_kawasan": "13.72.KW01", "kode_aset": "13.72.01.1001.A0001", "id_pencairan": "13.72.01.1001-PNPM-MP-2015-1",
    "nama_bkm": "BKM Sepakat", "nama_ksm": "KSM Maju Bersama", "nama_kawasan": "Kawasan Tanah Garam",
    "nomor_sk": "188.45/264/KPTS/2015", "kegiatan": "Rabat beton jalan lingkungan", "uraian": "Jalan lingkungan 120 m",
    "pengelola": "KPP Jalan 1001", "sumber": "MIS KOTAKU (contoh)", "tahun_selesai": 2019, "tahun_serah_terima": 2020,
    "tahap": 1, "siklus": 1, "tunggakan_angsuran": 0, "jumlah_kk": 1500, "kk_air_minum_layak": 1200,
    "kk_sanitasi_layak": 1100, "luas_wilayah_ha": 206.5, "luas_kumuh_ha": 12.5, "luas_sk_ha": 19.25,
    "anggota": 10, "anggota_perempuan": 4, "anggota_miskin": 6, "pemanfaat": 120, "pemanfaat_miskin": 70,
    "pemanfaat_perempuan": 60, "rumah_tangga_miskin": 320, "jiwa_miskin": 1280, "persen_terdampak": 35.5,
    "tanggal_cair": date(2015, 4, 27), "periode": date(2015, 4, 1),
}
_ISI = PatternFill("solid", fgColor="DCE6F2")


def _contoh_kolom(k: schema.Kolom) -> object:
    if k.nama in _CONTOH and not k.nilai:
        return _CONTOH[k.nama]
    if k.nilai:
        return k.nilai[0]
    if k.satuan == "tahun":
        return 2015
    return {"int": 25_000_000 if k.satuan == "rupiah" else 10, "float": 1.5, "date": date(2015, 4, 27)}.get(
        k.tipe, "contoh")


def contoh(tabel: str) -> dict[str, object]:
    """The template's example row for a table, typed as the contract says (it passes validation)."""
    return {k.nama: _contoh_kolom(k) for k in schema.TABEL[tabel].kolom}


def _aturan(k: schema.Kolom, lang: str) -> str:
    bagian = []
    if k.nilai:
        bagian.append(t("kelola.templat.salah_satu", lang, nilai=", ".join(k.nilai)))
    if k.minimum is not None:
        bagian.append(f"≥ {k.minimum:g}")
    if k.maksimum is not None:
        bagian.append(f"≤ {k.maksimum:g}")
    if k.wilayah:
        bagian.append(t("kelola.templat.ada_di_wilayah", lang, tingkat=k.wilayah))
    return "; ".join(bagian)


def _lembar_data(wb: Workbook, tabel: schema.Tabel, lang: str) -> None:
    ws = wb.active
    ws.title = tabel.nama
    ws.append([label_kolom(k.nama, "id") for k in tabel.kolom])      # the header is always Indonesian
    ws.append(list(contoh(tabel.nama).values()))
    for j, k in enumerate(tabel.kolom, start=1):
        kepala, sel = ws.cell(1, j), ws.cell(2, j)
        kepala.font, kepala.fill = Font(bold=True), _ISI
        sel.font = Font(italic=True, color="666666")
        sel.number_format = {"date": "DD/MM/YYYY", "int": "#,##0", "float": "#,##0.00"}.get(k.tipe, "@")
        ws.column_dimensions[get_column_letter(j)].width = max(14, len(str(kepala.value)) + 4)
        if k.nilai:
            daftar = DataValidation(type="list", formula1='"' + ",".join(k.nilai) + '"', allow_blank=not k.wajib)
            daftar.add(f"{get_column_letter(j)}2:{get_column_letter(j)}{BARIS_DAFTAR}")
            ws.add_data_validation(daftar)
    ws.freeze_panes = "A2"


def _lembar_petunjuk(wb: Workbook, tabel: schema.Tabel, lang: str) -> None:
    ws = wb.create_sheet(t("kelola.templat.petunjuk", lang))
    ws.append([t("kelola.templat.judul", lang, tabel=t(f"kelola.tabel.{tabel.nama}", lang))])
    ws.append([t("kelola.templat.butir", lang, butir=tabel.butir, kunci=", ".join(tabel.kunci))])
    ws.append([t("kelola.templat.cara", lang)])
    ws.append([])
    ws.append([t(f"kelola.templat.kolom_{x}", lang) for x in ("label", "nama", "tipe", "satuan", "wajib", "arti",
                                                                "aturan")])
    for cell in ws[ws.max_row]:
        cell.font, cell.fill = Font(bold=True), _ISI
    for k in tabel.kolom:
        ws.append([label_kolom(k.nama, lang), k.nama, t(f"kelola.templat.tipe_{k.tipe}", lang), k.satuan or "–",
                   t("kelola.templat.ya" if k.wajib else "kelola.templat.tidak", lang), k.arti, _aturan(k, lang)])
    ws["A1"].font = Font(bold=True, size=13)
    for huruf, lebar in zip("ABCDEFG", (28, 24, 12, 10, 8, 50, 40)):
        ws.column_dimensions[huruf].width = lebar


def xlsx_bytes(tabel: str, lang: str = "id") -> bytes:
    """The XLSX template of a table."""
    wb = Workbook()
    _lembar_data(wb, schema.TABEL[tabel], lang)
    _lembar_petunjuk(wb, schema.TABEL[tabel], lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def nama_berkas(tabel: str) -> str:
    return f"templat_{tabel}.xlsx"
