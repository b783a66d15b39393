"""Dana Bergulir: the POB indicators, UPK status, collectibility and KSM figures on a hand-made loan book whose
answers were worked out by hand (band edges included), the report month from the URL, and the page itself."""
from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pantau import dana_bergulir as dana
from pantau import katalog
from pantau.pilihan import Pilihan

ROOT = Path(__file__).resolve().parent.parent
DES, NOV = date(2024, 12, 1), date(2024, 11, 1)
KEL = {"A": "13.72.01.1001", "B": "13.72.01.1002", "C": "13.72.01.1003", "D": "13.72.02.1001",
       "E": "13.72.02.1002", "G": "13.72.02.1003"}

# The December 2024 loan book, one tuple per KSM: (saldo_pinjaman_rp, tunggakan_angsuran, anggota, perempuan)
#   A: 10 KSM of 100 rb, one with exactly 3 overdue (at risk), one with 2 (not)  -> LAR 1/10, PAR 100/1000, RR 900/1000
#   B: saldo 400+100+100+200+200 rb, the 200 rb one 5 overdue; plus a repaid KSM (saldo 0) with 4 overdue that
#      counts in neither LAR nor PAR                                             -> LAR 1/5, PAR 200/1000, RR 800/1000
#   C: two KSM, both saldo 0                                                     -> LAR, PAR, RR "–"
#   D: 4 KSM of 100 rb, one 7 overdue                                            -> LAR 1/4, PAR 100/400, RR 300/400
#   E: 3 KSM of 300 rb with 0, 1, 2 overdue (below 3: not at risk)               -> LAR 0, PAR 0, RR 1
#   G: no KSM at all, only UPK accounts
BUKU = {
    "A": [(100_000, 3, 10, 3), (100_000, 2, 10, 2)] + [(100_000, 0, 10, 5)] * 8,
    "B": [(400_000, 0, 7, 2), (100_000, 0, 10, 5), (100_000, 1, 10, 5), (200_000, 5, 10, 5), (200_000, 0, 10, 5),
          (0, 4, 10, 5)],
    "C": [(0, 0, 0, 0), (0, 0, 10, 5)],
    "D": [(100_000, 7, 10, 5)] + [(100_000, 0, 10, 5)] * 3,
    "E": [(300_000, 0, 10, 5), (300_000, 1, 10, 5), (300_000, 2, 10, 5)],
}
# UPK accounts per month of 2024: (months, pendapatan_rp, biaya_rp, modal_rp in December)
#   A: 12 × 125/100 rb  -> CCr 1.500/1.200 = 125 % exactly; ROI (300 rb × 12/12) ÷ 3 jt = 10 % exactly
#   B: 12 × 100/100 rb  -> CCr 100 % exactly; ROI 0 % exactly
#   C: 12 × 50 rb / 0   -> CCr "–" (zero cost); modal 0 -> ROI "–"
#   D: Oct–Dec × 90/100 -> CCr 270/300 = 90 %; ROI (−30 rb × 12/3) ÷ 1,2 jt = −10 %
#   E: 12 × 200/100 rb  -> CCr 200 %; ROI 1,2 jt ÷ 5 jt = 24 %
#   G: 12 × 100/100 rb  -> CCr 100 %; ROI 0 ÷ 1 jt = 0 %
KEUANGAN = {"A": (range(1, 13), 125_000, 100_000, 3_000_000), "B": (range(1, 13), 100_000, 100_000, 1_000_000),
            "C": (range(1, 13), 50_000, 0, 0), "D": (range(10, 13), 90_000, 100_000, 1_200_000),
            "E": (range(1, 13), 200_000, 100_000, 5_000_000), "G": (range(1, 13), 100_000, 100_000, 1_000_000)}


def _ksm_dan_buku() -> tuple[pd.DataFrame, pd.DataFrame]:
    ksm, buku = [], []
    for upk, daftar in BUKU.items():
        for no, (saldo, tunggak, anggota, perempuan) in enumerate(daftar, start=1):
            kode = f"{KEL[upk]}.B.{no:03d}"
            ksm.append({"kode_ksm": kode, "kode_bkm": KEL[upk] + ".B", "kode_kelurahan": KEL[upk],
                        "nama_ksm": kode[-7:], "jenis": "ekonomi", "tahun_bentuk": 2024, "anggota": anggota,
                        "anggota_perempuan": perempuan, "anggota_miskin": 0, "sumber": "uji"})
            # D's KSM take a new 100 rb loan (cycle 2) in December; A's instalments: 50 rb due and paid
            buku.append({"kode_ksm": kode, "kode_bkm": KEL[upk] + ".B", "kode_kelurahan": KEL[upk], "periode": DES,
                         "tahun": 2024, "pencairan_rp": 100_000 if upk == "D" else 0,
                         "pokok_jatuh_tempo_rp": 50_000 if upk == "A" else 0,
                         "pokok_dibayar_rp": 50_000 if upk == "A" else 0, "jasa_dibayar_rp": 0,
                         "saldo_pinjaman_rp": saldo, "tunggakan_angsuran": tunggak, "siklus": 2 if upk == "D" else 1})
            if upk == "A":   # November: nobody overdue yet; 50 rb due, 40 rb paid
                buku.append({**buku[-1], "periode": NOV, "pencairan_rp": 0, "pokok_dibayar_rp": 40_000,
                             "tunggakan_angsuran": 0})
    return pd.DataFrame(ksm), pd.DataFrame(buku)


def _keuangan() -> pd.DataFrame:
    rows = []
    for upk, (bulan, pendapatan, biaya, modal) in KEUANGAN.items():
        for b in bulan:
            rows.append({"kode_bkm": KEL[upk] + ".B", "kode_kelurahan": KEL[upk], "periode": date(2024, b, 1),
                         "tahun": 2024, "pendapatan_rp": pendapatan, "biaya_rp": biaya, "modal_rp": modal,
                         "cadangan_risiko_rp": 0})
    # a large December 2023 profit for A must not enter 2024's year-to-date figures
    rows.append({**rows[0], "periode": date(2023, 12, 1), "tahun": 2023, "pendapatan_rp": 9_999_999, "biaya_rp": 1})
    return pd.DataFrame(rows)


def _lokasi() -> pd.DataFrame:
    rows = [{"kode_kelurahan": k, "program": "PNPM-MP", "tahun_mulai": 2008, "tahun_selesai": 2014,
             "jenis_lokasi": None, "kode_bkm": k + ".B", "nama_bkm": f"BKM {u}", "sumber": "uji"}
            for u, k in KEL.items()]
    rows += [{**r, "program": "KOTAKU", "tahun_mulai": 2016, "tahun_selesai": None}
             for r in rows if r["kode_kelurahan"] in (KEL["D"], KEL["E"])]
    return pd.DataFrame(rows)


@pytest.fixture
def buku(buat_versi):
    ksm, pinjaman = _ksm_dan_buku()
    return buat_versi({"lokasi_program": _lokasi(), "ksm": ksm, "pinjaman_bulanan": pinjaman,
                       "upk_keuangan_bulanan": _keuangan()})


def _pilihan(wilayah: str = "13.72", program: tuple = ()) -> Pilihan:
    return Pilihan(wilayah, 2024, 2024, program)


def _per_upk() -> pd.DataFrame:
    return dana.kartu_skor(dana.komponen_upk(_pilihan(), DES), DES).set_index("kode_bkm")


def _upk(u: str) -> pd.Series:
    return _per_upk().loc[KEL[u] + ".B"]


# ---------------------------------------------------------------- each indicator at its band edges

def test_lar_par_rr_at_exactly_10_percent_are_memadai(buku):
    a = _upk("A")
    assert (a.lar, a.par, a.rr) == (0.1, 0.1, 0.9)                   # 1/10 KSM, 100/1.000 rb, 900/1.000 rb
    assert (a.status_lar, a.status_par, a.status_rr) == ("sedang", "sedang", "sedang")


def test_lar_par_at_exactly_20_percent_and_rr_at_80_percent_are_memadai(buku):
    b = _upk("B")
    assert (b.lar, b.par, b.rr) == (0.2, 0.2, 0.8)                   # 1/5 KSM, 200/1.000 rb, 800/1.000 rb
    assert (b.status_lar, b.status_par, b.status_rr) == ("sedang", "sedang", "sedang")
    assert b.ksm_aktif == 6                                          # the repaid KSM is in the book, not in LAR


def test_ccr_at_exactly_125_and_100_percent_and_roi_at_10_and_0_percent_are_memadai(buku):
    a, b = _upk("A"), _upk("B")
    # CCr 1.500/1.200 rb; ROI (1.500 − 1.200) × 12/12 ÷ 3.000 rb (December 2023 is not in 2024's year to date)
    assert (a.ccr, a.roi) == (1.25, 0.1)
    assert (b.ccr, b.roi) == (1.0, 0.0)
    assert {a.status_ccr, a.status_roi, b.status_ccr, b.status_roi} == {"sedang"}
    assert a.status_upk == b.status_upk == "sedang"                  # Memadai: no trigger, not all Memuaskan


def test_upk_over_the_edges_is_suspended_and_roi_is_annualised_over_its_months(buku):
    d = _upk("D")
    assert (d.lar, d.par, d.rr) == (0.25, 0.25, 0.75)                # 1/4 KSM, 100/400 rb, 300/400 rb
    assert d.ccr == pytest.approx(0.9)                               # 270/300 rb, October to December
    assert d.roi == pytest.approx(-0.1)                              # (−30 rb × 12/3) ÷ 1.200 rb
    assert [d[f"status_{i}"] for i in dana.POB] == ["buruk"] * 5
    assert d.status_upk == "buruk"


def test_upk_with_every_indicator_satisfactory_is_memuaskan(buku):
    e = _upk("E")
    assert (e.lar, e.par, e.rr, e.ccr, e.roi) == (0.0, 0.0, 1.0, 2.0, 0.24)   # 2 overdue is not "at risk"
    assert e.status_upk == "baik"
    assert katalog.indikator("status_upk").label_status(e.status_upk, "id") == "Memuaskan"


def test_zero_outstanding_and_no_accounts_give_a_dash_with_a_reason_never_an_error(buku):
    c, g = _upk("C"), _upk("G")
    for upk in (c, g):
        assert np.isnan(upk.lar) and np.isnan(upk.par) and np.isnan(upk.rr)
        assert (upk.alasan_lar, upk.alasan_par, upk.alasan_rr) == ("tanpa_ksm", "saldo_nol", "saldo_nol")
        assert pd.isna(upk.status_upk) and upk.alasan_status_upk == "tidak_lengkap"
    assert np.isnan(c.ccr) and c.alasan_ccr == "biaya_nol"
    assert np.isnan(c.roi) and c.alasan_roi == "modal_nol"
    assert g.ccr == 1.0 and g.roi == 0.0
    assert dana.keterangan(c, "par", "id") == "saldo pinjaman nol"
    baris_c = dana.tabel_skor(_per_upk().loc[[KEL["C"] + ".B"]].reset_index(), "id").iloc[0]
    assert baris_c["Keterangan"] == ("LAR: tidak ada KSM aktif dengan saldo > 0; PAR, RR: saldo pinjaman nol; "
                                     "CCr: biaya UPK nol; ROI: modal UPK nol")
    assert baris_c["LAR"] == "–" and baris_c["Status"] == "–"


def test_scorecard_is_sorted_worst_first_and_carries_12_month_trends(buku):
    upk = dana.kartu_skor(dana.komponen_upk(_pilihan(), DES), DES)
    # Penundaan (D), Memadai by PAR (B 20 % before A 10 %), Memuaskan (E), then no status (C, G)
    assert upk.kode_bkm.str[:13].tolist() == [KEL[u] for u in "DBAECG"]
    a = upk.set_index("kode_bkm").loc[KEL["A"] + ".B"]
    assert len(a.tren_lar) == 12 and a.tren_lar[-2:] == [0.0, 0.1]   # November nobody overdue, December 1 of 10
    assert a.tren_lar[0] is None                                     # January: accounts only, no KSM -> gap
    tampil = dana.tabel_skor(upk, "id")                              # the grid cannot draw a gap: left out
    tren = tampil.loc[upk.kode_bkm.eq(KEL["A"] + ".B").to_numpy(), "LAR 12 bln"].iloc[0]
    assert a.tren_lar.count(None) == 10 and tren == [0.0, 0.1]      # only the months with a figure


# ---------------------------------------------------------------- pooled area, regions, programme filter

def test_area_pools_every_ksm_and_upk(buku):
    data = dana.ringkasan(_pilihan(), DES)
    b = data.pob
    assert b.lar == pytest.approx(3 / 22)                  # at risk A1 + B1 + D1 of bersaldo 10 + 5 + 4 + 3
    assert b.par == pytest.approx(400_000 / 3_300_000)     # 100 + 200 + 100 rb of 1.000 + 1.000 + 400 + 900 rb
    assert b.rr == pytest.approx(2_900_000 / 3_300_000)
    assert b.ccr == pytest.approx(7_170_000 / 5_100_000)   # Σ income 1.500+1.200+600+270+2.400+1.200 rb ÷ Σ cost
    assert b.roi == pytest.approx(1_980_000 / 11_200_000)  # Σ annual profit 300+0+600−120+1.200+0 rb ÷ Σ capital
    assert b.status_upk == "sedang"                        # PAR 12,1 % is Memadai, nothing suspended
    assert data.kartu_status.nilai == "Memadai" and data.kartu_status.aturan_sendiri
    assert data.kartu_status.catatan == "UPK: 1 Penundaan · 2 Memadai · 1 Memuaskan"
    assert data.angka[0].nilai == "13,6 %" and data.angka[0].catatan == "Memadai · 3 ÷ 22 KSM"


def test_regions_one_level_down(buku):
    w = dana.per_wilayah(dana.komponen_upk(_pilihan(), DES), _pilihan(), DES).set_index("kode")
    assert w.loc["13.72.01", "lar"] == pytest.approx(2 / 15)    # A 1/10 + B 1/5 (+ C none)
    assert w.loc["13.72.02", "lar"] == pytest.approx(1 / 7)     # D 1/4 + E 0/3 (+ G none)
    assert w.loc["13.72.01", "nama"] == "Lubuk Sikarah"


def test_programme_filter_keeps_the_kelurahan_where_the_programme_ran(buku):
    b = dana.ringkasan(_pilihan(program=("KOTAKU",)), DES).pob   # only D and E had KOTAKU
    assert b.lar == pytest.approx(1 / 7) and b.par == pytest.approx(100_000 / 1_300_000)


# ---------------------------------------------------------------- thresholds come from the catalogue

def test_column_status_agrees_with_the_catalogue_at_every_edge():
    for ind in dana.POB:
        tepi = sorted({p[k] for p in katalog.indikator(ind).pita for k in ("bawah", "atas") if k in p})
        nilai = [v + d for v in tepi for d in (-1e-9, 0.0, 1e-9)] + [float("nan")]
        assert list(dana.status_kolom(ind, nilai)) == [katalog.status(ind, v) for v in nilai], ind


def test_bands_and_classes_follow_a_changed_catalogue(monkeypatch):
    baru = copy.deepcopy(katalog.data())
    baru["indikator"]["lar"]["pita"][0]["atas"] = 0.5                 # "baik" up to 50 %
    baru["indikator"]["kolektibilitas"]["kelas"][1]["tunggakan_maks"] = 2
    baru["indikator"]["kolektibilitas"]["kelas"][2]["tunggakan_min"] = 3
    monkeypatch.setattr(katalog, "data", lambda: baru)
    assert dana.status_kolom("lar", [0.25])[0] == "baik"
    assert dana.kelas_kolektibilitas([3])[0] == "Kol-3"


def test_collectibility_classes_from_the_catalogue():
    assert list(dana.kelas_kolektibilitas([0, 1, 3, 4, 5, 6, 7, 12])) == \
        ["Kol-1", "Kol-2", "Kol-2", "Kol-3", "Kol-4", "Kol-4", "Kol-5", "Kol-5"]
    assert dana.label_kelas("Kol-5", "id") == "Kol-5 Macet"


def test_collectibility_of_the_report_month(buku):
    kol = dana.kolektibilitas(dana.bulanan(_pilihan()))
    des = kol[kol.periode == DES].set_index("kelas")
    # Kol-1: 8 A + 3 B + 2 C + 3 D + 1 E; Kol-2 (1–3): A 3 and 2, B 1, E 1 and 2; Kol-3 (4): B's repaid KSM;
    # Kol-4 (5–6): B 5; Kol-5 (> 6): D 7
    assert des.ksm_aktif.tolist() == [17, 5, 1, 1, 1]
    assert des.saldo_rp.tolist() == [2_100_000, 900_000, 0, 200_000, 100_000]
    assert des.porsi.sum() == pytest.approx(1.0)


# ---------------------------------------------------------------- portfolio and KSM

def test_portfolio_and_cumulative_repayment_rate(buku):
    m = dana.portofolio_bulanan(dana.bulanan(_pilihan())).set_index("periode")
    assert m.loc[DES, "saldo_rp"] == 3_300_000
    assert m.loc[DES, "pencairan_rp"] == 400_000 and m.loc[DES, "pinjaman_baru"] == 4
    assert m.loc[NOV, "rr_kumulatif"] == pytest.approx(400_000 / 500_000)             # 10 × 40 rb of 10 × 50 rb
    assert m.loc[DES, "rr_kumulatif"] == pytest.approx(900_000 / 1_000_000)           # + 10 × 50 rb of 10 × 50 rb


def test_ksm_members_and_the_women_rule(buku):
    data = dana.ringkasan(_pilihan(), DES)
    aktif, anggota, perempuan, syarat = data.angka_ksm
    assert aktif.nilai == "25" and "22 dengan saldo > 0" in aktif.catatan     # 10 + 6 + 2 + 4 + 3 in the book
    assert anggota.nilai == "237"                                             # 23 × 10 + 7 + 0
    assert perempuan.nilai == "47,3 %"                                        # (3 + 2 + 2 + 0 + 21 × 5) ÷ 237
    # 3 of 10 meets "≥ 30 %" exactly; 2 of 10, 2 of 7 and a KSM with no members do not: 22 of 25
    assert syarat.nilai == "88,0 %" and syarat.catatan.startswith("22 dari 25 KSM")


def test_loans_per_cycle(buku):
    s = dana.siklus(_pilihan(), DES).set_index("siklus")
    assert s.loc[1, "ksm_aktif"] == 21 and s.loc[2, "ksm_aktif"] == 4
    assert s.loc[2, "jumlah_pinjaman"] == 4 and s.loc[2, "rata_anggota_rp"] == pytest.approx(400_000 / 40)


def test_ksm_list_of_one_upk_with_arrears(buku):
    d = dana.daftar_ksm(Pilihan(KEL["B"], 2024, 2024), DES)
    assert d.tunggakan_angsuran.tolist() == [5, 4, 1, 0, 0, 0]                  # most overdue first
    assert d.kelas.tolist()[:3] == ["Kol-4 Diragukan", "Kol-3 Kurang Lancar", "Kol-2 Dalam Perhatian Khusus"]


# ---------------------------------------------------------------- the report month

TERSEDIA = [date(2024, m, 1) for m in range(1, 13)]


@pytest.mark.parametrize("teks, periode, catatan", [
    (None, DES, None), ("", DES, None), ("2024-11", NOV, None), ("2024-11-01", NOV, None), ("2024-3", date(2024, 3, 1),
                                                                                            None),
    ("2024-13", DES, "periode_salah"), ("abc", DES, "periode_salah"), ("2024-11' or 1=1", DES, "periode_salah"),
    ("2019-05", DES, "periode_luar"),
])
def test_report_month_from_the_url(teks, periode, catatan):
    hasil, notices = dana.periode_dari_url(teks, TERSEDIA)
    assert hasil == periode
    assert [k.rsplit(".", 1)[-1] for k, _ in notices] == ([catatan] if catatan else [])


def test_no_month_means_no_data():
    assert dana.periode_dari_url("2024-11", []) == (None, [])
    assert dana.ringkasan(_pilihan(), None).kosong


# ---------------------------------------------------------------- demo data

def test_serang_late_2004_shows_959_ksm_and_2802_members_with_good_repayment(demo_aktif):
    data = dana.ringkasan(Pilihan("36.04", 2004, 2004), date(2004, 11, 1))
    aktif, anggota = data.angka_ksm[:2]
    assert (aktif.nilai, anggota.nilai) == ("959", "2.802")
    assert data.pob.status_rr == "baik"
    assert data.angka[2].catatan.startswith("Memuaskan")


@pytest.mark.parametrize("periode", [DES, date(2014, 12, 1)])
def test_demo_gives_suspended_and_adequate_upks(demo_aktif, periode):
    upk = dana.kartu_skor(dana.komponen_upk(Pilihan("", periode.year, periode.year), periode), periode)
    for ind in dana.POB:
        assert {"buruk", "sedang"} <= set(upk[f"status_{ind}"].dropna()), ind
    for ind in ("lar", "par", "rr", "ccr"):
        assert "baik" in set(upk[f"status_{ind}"].dropna()), ind
    assert {"buruk", "sedang"} <= set(upk.status_upk.dropna())


@pytest.mark.parametrize("periode", [DES, date(2014, 12, 1)])
def test_demo_gives_satisfactory_roi_and_satisfactory_upks(demo_aktif, periode):
    upk = dana.kartu_skor(dana.komponen_upk(Pilihan("", periode.year, periode.year), periode), periode)
    assert "baik" in set(upk.status_roi.dropna()) and "baik" in set(upk.status_upk.dropna())


# ---------------------------------------------------------------- the page (AppTest)

def jalankan(**url) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/dana_bergulir.py"), default_timeout=120)
    for k, v in url.items():
        at.query_params[k] = v
    return at.run()


def _kartu(at: AppTest) -> list[str]:
    return [re.sub(r"<[^>]+>", "|", m.value) for m in at.markdown if "pantau-kartu" in m.value]


def test_page_renders_on_demo(demo_aktif):
    at = jalankan()
    assert not at.exception
    assert at.title[0].value == "Dana Bergulir"
    assert any("LAR (Loan at Risk)" in k for k in _kartu(at))


def test_page_for_serang_late_2004(demo_aktif):
    at = jalankan(kab="36.04", tahun="2004", periode="2004-11")
    assert not at.exception and not at.warning
    kartu = " ".join(_kartu(at))
    assert "|959|" in kartu and "|2.802|" in kartu
    assert at.selectbox(key="db_periode").value == "2004-11"


def test_page_with_an_empty_selection_says_there_is_no_data(demo_aktif):
    at = jalankan(kab="18.72", tahun="2003-2008")          # Kota Metro lends from 2009
    assert not at.exception
    assert any("Belum ada data" in i.value for i in at.info)


def test_page_for_one_upk_via_the_url_lists_its_ksm(demo_aktif):
    at = jalankan(kel="13.72.01.1001")
    assert not at.exception
    assert any(s.value.startswith("Daftar KSM") for s in at.subheader)


def test_page_with_a_bad_report_month_gives_a_notice(demo_aktif):
    at = jalankan(kab="36.04", tahun="2004", periode="2004-99")
    assert not at.exception
    assert any("2004-99" in w.value for w in at.warning)


def test_page_in_english(demo_aktif):
    at = jalankan(kab="13.72", lang="en")
    assert not at.exception
    assert at.title[0].value == "Revolving Fund"


@pytest.mark.parametrize("laporan", [date(2024, 12, 1), date(2024, 3, 1), date(2015, 1, 1)])
def test_comparison_month_from_the_report_months_window_equals_its_own_query(demo_aktif, laporan):
    """The Ringkasan reads last year's position from the report month's 13 months of UPK parts; the figures
    (CCr and ROI year-to-date parts included) equal those of the comparison month's own query."""
    p = Pilihan("", 2003, 2024)
    lalu = dana.bulan_pembanding(p, laporan)
    assert lalu is not None and lalu.year == laporan.year - 1
    dari_laporan, sendiri = dana.posisi(p, lalu, laporan=laporan), dana.posisi(p, lalu)
    assert sendiri["jumlah_upk"] > 0 and pd.notna(sendiri["roi"])
    pd.testing.assert_series_equal(dari_laporan, sendiri)


@pytest.mark.parametrize("wilayah", ["", "36.04", "13.72.01.1001"])
def test_report_month_position_from_the_page_data_equals_its_own_computation(demo_aktif, wilayah):
    p = Pilihan(wilayah, 2003, 2024)
    bulan = dana.bulan_laporan(p)
    pd.testing.assert_series_equal(dana.posisi_ringkasan(dana.ringkasan(p, bulan, lengkap=False)),
                                   dana.posisi(p, bulan))
