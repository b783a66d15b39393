"""Profil Kelurahan: the programme table worked out by hand on the small fixture, and the page (AppTest) for a
demo kelurahan, a kelurahan with little data, an unknown or malformed code, no kelurahan, and English."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pantau import db, profil

ROOT = Path(__file__).resolve().parent.parent
A, B, C = "13.72.01.1001", "13.72.01.1002", "18.72.01.1001"     # conftest.kecil()


def test_programmes_and_years_of_one_kelurahan(data_kecil):
    a = db.query("profil_program", kode=A)
    # A: PNPM-MP 2008–2014 (BKM A), BLM in 2010 only: 60 + 40 = 100 juta
    assert a.program.tolist() == ["PNPM-MP"]
    assert (a.tahun_mulai[0], a.tahun_selesai[0], a.tahun_blm_awal[0], a.tahun_blm_akhir[0]) == (2008, 2014, 2010, 2010)
    assert (a.tahun_blm[0], a.nilai_blm_rp[0], a.nama_bkm[0]) == (1, 100_000_000, "BKM A")
    # C: KOTAKU from 2016, not finished, peningkatan; 400 juta in 2017
    assert profil.program(C, "id") == ["**KOTAKU** · sejak 2016 · Peningkatan kualitas · BKM C (18.72.01.1001.B) · "
                                       "BLM cair 2017: Rp 400 juta"]
    assert profil.program(A, "en") == ["**PNPM Urban** · 2008–2014 · BKM A (13.72.01.1001.B) · "
                                       "BLM disbursed 2010: Rp 100 million"]


def test_identity_names_the_parents(data_kecil):
    i = profil.identitas(A, "id")
    assert (i.nama, i.jenis) == ("Tanah Garam", "Kelurahan")
    assert profil.teks_identitas(i, "id") == ("Kelurahan · kecamatan Lubuk Sikarah · Kota Solok · Sumatera Barat · "
                                              "kode 13.72.01.1001")


def test_kelurahan_list_links_each_profile(data_kecil):
    from pantau import filters
    from pantau.pilihan import Pilihan
    p = Pilihan("13.72", 2008, 2019)
    daftar, config = filters.kolom_profil(profil.daftar_kelurahan(p), p)
    assert list(daftar.columns) == ["Kelurahan/desa", "Kecamatan", "Kabupaten/kota", "Kode", "Profil"]
    assert daftar["Kode"].tolist() == [A, B]
    assert daftar["Profil"].tolist() == [f"profil?kel={A}&tahun=2008-2019", f"profil?kel={B}&tahun=2008-2019"]
    assert list(config) == ["Profil"]


def test_tables_without_kelurahan_codes_get_no_link(data_kecil):
    import pandas as pd
    from pantau import filters
    from pantau.pilihan import Pilihan
    df = pd.DataFrame({"kode": ["13.72.01", "13.72.02"], "nilai": [1, 2]})
    assert filters.kolom_profil(df, Pilihan("13.72", 2008, 2019)) == (df, {})


# ---------------------------------------------------------------- the page
def jalankan(**url) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/profil.py"), default_timeout=60)
    for k, v in url.items():
        at.query_params[k] = v
    return at.run()


def _teks(at: AppTest) -> str:
    return " ".join([m.value for m in at.markdown] + [c.value for c in at.caption])


BAGIAN = ["Program dan tahun", "BLM per tahun dan komponen", "UPK: indikator POB dan KSM",
          "100-0-100 dan skor kumuh per aspek", "Data kemiskinan per sumber", "Aset tridaya dan modal bergulir UPK"]


def test_profile_of_a_demo_kelurahan(demo_aktif):
    at = jalankan(kel=A)
    assert not at.exception
    assert at.title[0].value == "Profil Kelurahan" and at.header[0].value == "Tanah Garam"
    assert [s.value for s in at.subheader] == BAGIAN
    assert "Belum ada data" not in _teks(at)                 # the demo has every table for Tanah Garam
    assert "Kelurahan · kecamatan Lubuk Sikarah · Kota Solok" in _teks(at)
    assert at.selectbox(key="f_kel").value == A              # the filter bar shows the kelurahan


def test_profile_says_which_parts_have_no_data(data_kecil):
    at = jalankan(kel=B, tahun="2008-2019")
    assert not at.exception and at.header[0].value == "VI Suku"
    teks = _teks(at)
    assert "Rp 150 juta" in teks                              # B's BLM: one disbursement of 150 juta (2010)
    for bagian in ("UPK", "100-0-100", "kemiskinan", "aset"):
        assert f"Belum ada data {bagian}" in teks, bagian
    assert "Belum ada data BLM" not in teks


@pytest.mark.parametrize("kode", ["13.72.01.9999", "abc' or 1=1", "13.72"])
def test_unknown_or_malformed_code_gives_a_clear_message_and_a_search_box(demo_aktif, kode):
    at = jalankan(kel=kode)
    assert not at.exception
    (pesan,) = at.warning                                     # one clear message (not the filter bar's as well)
    assert kode[:20] in pesan.value and "tidak ada dalam data" in pesan.value
    assert at.text_input(key="profil_cari") is not None
    assert len(at.dataframe) == 1                             # the list of kelurahan to choose from


def test_without_a_kelurahan_the_page_asks_for_one(demo_aktif):
    at = jalankan(kab="13.72")
    assert not at.exception
    assert "Pilih satu kelurahan" in at.info[-1].value and not at.warning
    assert at.dataframe[0].value["Kode"].tolist()[:2] == ["13.72.01.1001", "13.72.01.1002"]


def test_search_on_the_profile_opens_another_kelurahan(demo_aktif):
    at = jalankan(kab="13.72")
    at.text_input(key="profil_cari").input("vi suku").run()
    next(b for b in at.button if b.key == "profil_cari_13.72.01.1002").click().run()
    assert not at.exception
    assert at.query_params["kel"] == "13.72.01.1002" and at.header[0].value == "VI Suku"


def test_profile_in_english(demo_aktif):
    at = jalankan(kel=A, lang="en")
    assert not at.exception
    assert at.title[0].value == "Village Profile"
    assert at.subheader[1].value == "BLM per year and component"


def test_profile_links_keep_programmes_and_language_and_skip_missing_codes():
    import pandas as pd
    from pantau import filters
    from pantau.pilihan import Pilihan
    p = Pilihan("13.72", 2008, 2014, ("PNPM-MP",), "en")
    df = pd.DataFrame({"kode": [A, None, B], "nilai": [1, 2, 3]})
    daftar, _ = filters.kolom_profil(df, p)
    tautan = daftar.iloc[:, 1]
    assert tautan[0] == f"profil?kel={A}&tahun=2008-2014&program=PNPM-MP&lang=en" == filters.url_profil(A, p)
    assert tautan[2] == f"profil?kel={B}&tahun=2008-2014&program=PNPM-MP&lang=en" == filters.url_profil(B, p)
    assert pd.isna(tautan[1])
