"""AppTest of the Kelola Data page: renders on the demo data, for an empty selection and one kelurahan; admin
actions are disabled without credentials and refused without login; a logged-in admin imports and restores."""
import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pantau import auth, dataset, versi
from tests.conftest import segarkan

ROOT = Path(__file__).resolve().parent.parent
IMPOR = ROOT / "tests" / "fixtures" / "impor"
HASH = auth.buat_hash("sandi-uji-123")
TANPA_ADMIN = {"lain": {"x": 1}}          # a secrets.toml without [admin]: overrides any real one on this machine
DENGAN_ADMIN = {"admin": {"pengguna": "admin", "hash": HASH}}


@pytest.fixture
def demo_salinan(folder_demo, tmp_path, monkeypatch):
    """The session's demo data, linked into a folder of its own so this test may add versions."""
    salinan = tmp_path / "data"
    shutil.copytree(folder_demo, salinan, copy_function=os.link)
    monkeypatch.setenv("PANTAU_DATA", str(salinan))
    monkeypatch.setattr(auth, "JEDA_GAGAL", 0)
    segarkan()
    yield dataset.active()
    segarkan()


def jalankan(secrets: dict, **url) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages/kelola_data.py"), default_timeout=60)
    at.secrets.update(secrets)
    for k, v in url.items():
        at.query_params[k] = v
    return at.run()


def tombol(at: AppTest, key: str):
    return at.button(key=key)


def tab(at: AppTest, label: str) -> AppTest:
    """Open a tab (only the open tab's content runs)."""
    at.session_state["kelola_tab"] = label
    return at.run()


def masuk(at: AppTest, sandi: str = "sandi-uji-123") -> AppTest:
    at.text_input(key="masuk_pengguna").input("admin")
    at.text_input(key="masuk_sandi").input(sandi)
    return at.button[[b.label for b in at.button].index("Masuk")].click().run()


def test_renders_on_the_demo_data(demo_aktif):
    at = jalankan(TANPA_ADMIN)
    assert not at.exception
    assert at.title[0].value == "Kelola Data"
    assert len(at.tabs) == 3
    assert not at.get("plotly_chart")                                    # closed tabs do not run
    assert any("DATA DEMO" in i.value for i in at.info)
    at = tab(at, "Kualitas data")
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1
    teks = " ".join(m.value for m in at.markdown)
    assert "Kelengkapan" in teks and "Pelanggaran aturan" in teks
    assert any("Pilih kabupaten/kota" in i.value for i in at.info)       # the missing list needs a kab/kota
    assert not tab(at, "Versi data").exception


def test_without_credentials_admin_actions_are_disabled_with_an_explanation(demo_aktif):
    at = jalankan(TANPA_ADMIN)
    assert any("Admin belum diatur" in i.value for i in at.info)
    assert tombol(at, "tombol_impor").disabled
    at = tab(at, "Versi data")
    assert tombol(at, "tombol_pulihkan").disabled and tombol(at, "tombol_hapus").disabled
    assert not [w for w in at.text_input if w.key in ("masuk_pengguna", "masuk_sandi")]   # no login form


def test_checking_a_file_is_open_and_changes_nothing(demo_salinan):
    at = jalankan(DENGAN_ADMIN)
    at.selectbox(key="impor_tabel").set_value("blm_alokasi").run()
    at.file_uploader(key="impor_berkas").set_value(
        ("teks_di_angka.csv", (IMPOR / "teks_di_angka.csv").read_bytes(), "text/csv")).run()
    assert tombol(at, "tombol_impor").disabled                           # not logged in
    tombol(at, "tombol_periksa").click().run()
    assert not at.exception
    assert at.error[0].value.startswith("Berkas ditolak: 3 galat")
    laporan = at.dataframe[0].value
    assert laporan["Baris"].tolist() == [3, 4, 5]
    assert dataset.active_id() == demo_salinan.id


def test_wrong_password_is_refused(demo_salinan):
    at = masuk(jalankan(DENGAN_ADMIN), "salah")
    assert not at.exception
    assert any("salah" in e.value for e in at.error)
    assert tombol(at, "tombol_impor").disabled


def test_admin_imports_a_file_then_restores_the_demo(demo_salinan):
    at = masuk(jalankan(DENGAN_ADMIN))
    assert any("Masuk sebagai admin: admin" in s.value for s in at.success)
    at.selectbox(key="impor_tabel").set_value("indikator_permukiman").run()
    at.file_uploader(key="impor_berkas").set_value(
        ("indikator_berantakan.xlsx", (IMPOR / "indikator_berantakan.xlsx").read_bytes(), "application/octet-stream"))
    at.run()
    tombol(at, "tombol_impor").click().run()
    assert not at.exception
    baru = dataset.active()
    assert baru.id != demo_salinan.id and baru.manifest["berkas"] == "indikator_berantakan.xlsx"
    assert baru.manifest["baris"]["indikator_permukiman"] == 3
    assert any("lolos pemeriksaan" in s.value for s in at.success)
    at = tab(at, "Versi data")
    at.selectbox(key="pilih_versi").set_value(demo_salinan.id).run()
    tombol(at, "tombol_pulihkan").click().run()
    assert not at.exception
    assert dataset.active_id() == demo_salinan.id
    assert any(f"Versi {demo_salinan.id} sekarang aktif." in s.value for s in at.success)


def test_admin_deletes_an_inactive_import_but_never_the_demo(demo_salinan):
    at = masuk(jalankan(DENGAN_ADMIN))
    at.selectbox(key="impor_tabel").set_value("penilaian_kumuh").run()
    at.file_uploader(key="impor_berkas").set_value(
        ("penilaian_persen.xlsx", (IMPOR / "penilaian_persen.xlsx").read_bytes(), "application/octet-stream"))
    tombol(at.run(), "tombol_impor").click().run()
    impor_id = dataset.active_id()
    at = tab(at, "Versi data")
    at.selectbox(key="pilih_versi").set_value(demo_salinan.id).run()
    assert tombol(at, "tombol_hapus").disabled                            # the demo stays
    tombol(at, "tombol_pulihkan").click().run()
    at.selectbox(key="pilih_versi").set_value(impor_id).run()
    at.checkbox(key="yakin_hapus").check().run()
    tombol(at, "tombol_hapus").click().run()
    assert not at.exception
    assert [v.id for v in dataset.all_versions()] == [demo_salinan.id]


def test_compare_two_versions_in_the_page(demo_salinan):
    at = tab(jalankan(TANPA_ADMIN), "Versi data")
    assert tombol(at, "tombol_banding").disabled                          # only one version yet
    isi = (IMPOR / "penilaian_persen.xlsx").read_bytes()
    versi.impor(isi, "penilaian_persen.xlsx", "penilaian_kumuh", "ganti", auth.admin_cli("penguji"))
    at = tab(jalankan(TANPA_ADMIN), "Versi data")
    tombol(at, "tombol_banding").click().run()                           # A = demo (older), B = the import
    assert not at.exception
    tabel = next(d.value for d in at.dataframe if "Ditambah" in d.value.columns).set_index("Tabel")
    assert len(tabel) == 11
    assert tabel.loc["Penilaian kumuh", "Baris B"] == "3"
    assert tabel.loc["KSM", "Sama"] == "✔"


def test_empty_selection_shows_the_no_data_notice(demo_aktif):
    at = tab(jalankan(TANPA_ADMIN, kab="13.72", program="P2KP-1"), "Kualitas data")   # P2KP-1: only Kab. Serang
    assert not at.exception
    assert any("Belum ada data" in i.value for i in at.info)


def test_one_kelurahan_and_english(demo_aktif):
    at = jalankan(TANPA_ADMIN, kel="13.72.01.1001", lang="en")
    assert not at.exception
    assert at.title[0].value == "Manage Data"
    assert not at.warning
    at = tab(at, "Data quality")
    assert not at.exception and len(at.get("plotly_chart")) == 1
    assert not tab(at, "Data versions").exception


def test_bad_url_parameter_gives_a_notice(demo_aktif):
    at = jalankan(TANPA_ADMIN, kab="99.99")
    assert not at.exception
    assert len(at.warning) == 1


def test_oidc_user_listed_as_admin_gets_admin_actions(demo_aktif):
    at = AppTest.from_file(str(ROOT / "pages/kelola_data.py"), default_timeout=60)
    at.secrets.update({"auth": {"client_id": "pantau", "redirect_uri": "http://localhost:8501/oauth2callback"},
                       "admin": {"email": ["kabid@pemda.go.id"]}})
    at.user = {"is_logged_in": True, "email": "Kabid@Pemda.go.id"}
    at.run()
    assert not at.exception
    assert any("Masuk sebagai admin: kabid@pemda.go.id" in s.value for s in at.success)
    at.user = {"is_logged_in": True, "email": "warga@contoh.id"}            # logged in, but not an admin
    at.run()
    assert not any("Masuk sebagai admin:" in s.value for s in at.success)
    assert tombol(at, "tombol_impor").disabled
