"""Search the regions of the dataset by name or code: case- and accent-insensitive, best matches first.

`indeks(wilayah)` prepares the searchable text once per dataset version; `cari(teks, indeks)` ranks:
an exact code, then codes starting with the typed digits; for text, the exact name, then names starting
with the text, then names with a word starting with it, then names containing it ("Kota"/"Kabupaten"
in front of a name do not count, so "metro" finds Kota Metro first); within a rank, higher levels (kab/kota
before kecamatan before kelurahan) and then names in alphabetical order.
"""
from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

URUT_TINGKAT = {"provinsi": 0, "kabkota": 1, "kecamatan": 2, "kelurahan": 3}
AWALAN = re.compile(r"^(kota|kabupaten|kab) ")      # prefixes of kab/kota names that a search may leave out
BATAS = 8            # results shown
PANJANG_MAKS = 60    # longer input is cut (a search box, not a text field)


def polos(teks: str) -> str:
    """Lower case, accents removed, runs of spaces and punctuation collapsed: 'Kótá  Solok' -> 'kota solok'."""
    bentuk = unicodedata.normalize("NFKD", str(teks))
    tanpa_aksen = "".join(c for c in bentuk if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", " ", tanpa_aksen.casefold()).strip()


def indeks(wilayah: pd.DataFrame) -> pd.DataFrame:
    """The searchable form of `wilayah_dataset`: plain name, code digits, level rank, and the names of the
    parents (to tell apart places with the same name)."""
    nama = dict(zip(wilayah.kode, wilayah.nama))
    induk = [_konteks(k, nama) for k in wilayah.kode]
    return pd.DataFrame({"kode": wilayah.kode.to_numpy(), "nama": wilayah.nama.to_numpy(),
                         "tingkat": wilayah.tingkat.to_numpy(), "induk": induk,
                         "kunci": [polos(n) for n in wilayah.nama],
                         "inti": [AWALAN.sub("", polos(n)) for n in wilayah.nama],
                         "digit": wilayah.kode.str.replace(".", "").to_numpy(),
                         "urut_tingkat": wilayah.tingkat.map(URUT_TINGKAT).fillna(9).to_numpy()})


def _konteks(kode: str, nama: dict[str, str]) -> str:
    """'Lubuk Sikarah, Kota Solok' for a kelurahan (its kecamatan and kab/kota); the kab/kota of a kecamatan,
    the province of a kab/kota."""
    bagian = kode.split(".")
    leluhur = [".".join(bagian[:i]) for i in range(len(bagian) - 1, 0, -1)]
    return ", ".join(nama[k] for k in leluhur[:2 if len(bagian) == 4 else 1] if k in nama)


def cari(teks: str, idx: pd.DataFrame, batas: int = BATAS) -> pd.DataFrame:
    """The best `batas` regions for the typed text (name or code, with or without dots); empty when nothing
    matches or the text is blank."""
    kunci = polos(str(teks)[:PANJANG_MAKS])
    if not kunci:
        return idx.head(0)
    digit = re.sub(r"[ .]", "", str(teks)[:PANJANG_MAKS].strip())
    peringkat = np.full(len(idx), 9)
    if digit.isdigit():
        peringkat = np.where(idx.digit.str.startswith(digit), 1, peringkat)
        peringkat = np.where(idx.digit == digit, 0, peringkat)
    else:
        peringkat = np.where(idx.kunci.str.contains(kunci, regex=False), 5, peringkat)
        peringkat = np.where((" " + idx.kunci).str.contains(" " + kunci, regex=False), 4, peringkat)
        peringkat = np.where(idx.kunci.str.startswith(kunci) | idx.inti.str.startswith(kunci), 3, peringkat)
        peringkat = np.where((idx.kunci == kunci) | (idx.inti == kunci), 2, peringkat)
    hasil = idx.assign(peringkat=peringkat)
    hasil = hasil[hasil.peringkat < 9].sort_values(["peringkat", "urut_tingkat", "kunci", "kode"])
    return hasil.head(batas).reset_index(drop=True)
