"""Table downloads: CSV and XLSX that carry the active filters in their header rows."""
from __future__ import annotations

import csv
import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

_NAMA_SHEET_MAKS = 31


def csv_bytes(df: pd.DataFrame, kepala: list[tuple[str, str]]) -> bytes:
    """CSV (UTF-8 with BOM so Excel reads it) with `# label: value` header rows, then the table."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for label, nilai in kepala:
        w.writerow([f"# {label}", nilai])
    w.writerow([])
    df.to_csv(buf, index=False, lineterminator="\n")
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _sheet(wb: Workbook, nama: str, df: pd.DataFrame, kepala: list[tuple[str, str]]) -> None:
    ws = wb.create_sheet(title=nama[:_NAMA_SHEET_MAKS])
    for label, nilai in kepala:
        ws.append([label, nilai])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.append([])
    ws.append([str(c) for c in df.columns])
    baris_kepala = ws.max_row
    for cell in ws[baris_kepala]:
        cell.font = Font(bold=True)
    for row in df.itertuples(index=False):
        ws.append([None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for v in row])
    for i, kolom in enumerate(df.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(40, max(10, len(str(kolom)) + 2))
    ws.freeze_panes = ws.cell(baris_kepala + 1, 1)


def xlsx_bytes(lembar: dict[str, pd.DataFrame], kepala: list[tuple[str, str]]) -> bytes:
    """An XLSX workbook with one sheet per table, each starting with the filter header rows."""
    wb = Workbook()
    wb.remove(wb.active)
    for nama, df in lembar.items():
        _sheet(wb, nama, df, kepala)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
