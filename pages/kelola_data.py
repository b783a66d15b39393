"""Kelola Data: import spreadsheets safely (check, then publish as a new version), compare and restore
versions, and see the quality of the active data. Viewing and checking are open; changes need an admin."""
from functools import partial

import streamlit as st

from pantau import auth, charts, charts_kelola, filters, ingest, kualitas, layout, peta, tampilan, templat, versi
from pantau.i18n import t

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

tampilan.siapkan()
pilihan = filters.bar()
lang = pilihan.lang
layout.header("kelola", pilihan, list(versi.TABEL_IMPOR))
st.markdown(t("kelola.pengantar", lang))
if pesan := st.session_state.pop("kelola_pesan", None):
    st.success(pesan, icon="✅")
admin = auth.panel(lang)


def tabel(isi: versi.Tabel, nama_file: str, judul: str = "") -> None:
    layout.tabel(isi.df, nama_file, pilihan, isi.format, judul=judul or nama_file, key=nama_file)


def laporan(hasil: dict) -> None:
    """The validation report of the last check or import: verdict, every problem, XLSX download."""
    lap = hasil["laporan"]
    (st.success if lap.ok else st.error)(lap.ringkas(lang), icon="✅" if lap.ok else "⛔")
    if hasil["versi"]:
        st.success(t("kelola.impor.terbit", lang, versi=hasil["versi"]), icon="📦")
    elif lap.ok:
        st.caption(t("kelola.impor.hanya_periksa", lang))
    if lap.masalah:
        st.dataframe(lap.tabel_df(lang), hide_index=True, width="stretch")
    st.download_button(t("kelola.impor.unduh_laporan", lang), partial(lap.xlsx, lang), "laporan_validasi.xlsx", XLSX,
                       key="unduh_laporan", on_click="ignore")


def jalankan(aksi, pesan_ok: str = ""):
    """Run an admin action and return its result; a refusal is shown as a message; with `pesan_ok`, success
    reruns the page with that notice."""
    try:
        hasil = aksi()
    except versi.Ditolak as e:
        st.error(e.pesan(lang), icon="🔒")
        return None
    if pesan_ok:
        st.session_state["kelola_pesan"] = pesan_ok
        st.rerun()
    return hasil


def impor() -> None:
    """Choose table and mode, download the template, upload; check (anyone) or import (admin)."""
    kiri, kanan = st.columns(2)
    nama = kiri.selectbox(t("kelola.impor.tabel", lang), versi.TABEL_IMPOR, key="impor_tabel",
                          format_func=partial(versi.nama_tabel, lang=lang), help=t("kelola.impor.wilayah_acuan", lang))
    mode = kanan.radio(t("kelola.impor.mode", lang), versi.MODE, format_func=lambda m: t(f"kelola.mode.{m}", lang),
                       horizontal=True, key="impor_mode", help=t("kelola.mode.ganti_bantuan", lang))
    st.download_button(t("kelola.impor.templat", lang, tabel=versi.nama_tabel(nama, lang)),
                       partial(templat.xlsx_bytes, nama, lang),
                       templat.nama_berkas(nama), XLSX, key="unduh_templat", on_click="ignore",
                       help=t("kelola.impor.templat_bantuan", lang))
    berkas = st.file_uploader(t("kelola.impor.berkas", lang), type=["csv", "xlsx"], key="impor_berkas",
                              help=t("kelola.impor.berkas_bantuan", lang, batas=f"{ingest.batas_mb():g}"))
    if admin is None:
        st.caption(t("kelola.impor.perlu_admin", lang))
    kunci = (berkas.file_id if berkas else None, nama, mode)
    periksa, simpan, _ = st.columns([1, 1, 3])
    if periksa.button(t("kelola.impor.periksa", lang), disabled=berkas is None, key="tombol_periksa"):
        hasil = versi.periksa(berkas.getvalue(), berkas.name, nama, mode)
        st.session_state["kelola_hasil"] = {"kunci": kunci, "laporan": hasil.laporan, "versi": None}
    if simpan.button(t("kelola.impor.impor", lang), type="primary", disabled=berkas is None or admin is None,
                     key="tombol_impor"):
        hasil = jalankan(lambda: versi.impor(berkas.getvalue(), berkas.name, nama, mode, admin))
        if hasil is not None:
            st.session_state["kelola_hasil"] = {"kunci": kunci, "laporan": hasil.laporan,
                                                "versi": hasil.versi.id if hasil.versi else None}
    if (terakhir := st.session_state.get("kelola_hasil")) and terakhir["kunci"] == kunci:
        laporan(terakhir)


def versi_data() -> None:
    """The list of versions; compare two; restore or delete one; the history of changes."""
    st.caption(t("kelola.versi.catatan", lang))
    tabel(versi.tabel_daftar(lang), "versi_data", t("kelola.versi.judul", lang))
    semua = list(label := versi.label_versi(lang))
    st.subheader(t("kelola.versi.banding_judul", lang))
    kiri, kanan = st.columns(2)
    va = kiri.selectbox(t("kelola.versi.versi_a", lang), semua, index=min(1, len(semua) - 1), format_func=label.get,
                        key="banding_a")
    vb = kanan.selectbox(t("kelola.versi.versi_b", lang), semua, format_func=label.get, key="banding_b")
    if st.button(t("kelola.versi.bandingkan", lang), key="tombol_banding", disabled=len(semua) < 2):
        st.session_state["kelola_banding"] = (va, vb, versi.bandingkan(va, vb, lang))
    if (banding := st.session_state.get("kelola_banding")) and banding[:2] == (va, vb):
        st.caption(t("kelola.versi.banding_catatan", lang))
        tabel(versi.tabel_banding(banding[2], lang), "perbandingan_versi")
    st.subheader(t("kelola.versi.pulihkan_judul", lang))
    pilih = st.selectbox(t("kelola.versi.pilih", lang), semua, format_func=label.get, key="pilih_versi")
    alasan = versi.alasan_tidak_bisa_dihapus(pilih) if pilih else "versi_tidak_ada"
    if admin is None:
        st.caption(t("kelola.versi.perlu_admin", lang))
    elif alasan:
        st.caption(t("kelola.versi.sudah_aktif" if alasan == "hapus_aktif" else f"kelola.tolak.{alasan}", lang))
    k1, k2, k3 = st.columns([1, 1, 2])
    if k1.button(t("kelola.versi.pulihkan", lang), disabled=admin is None or alasan == "hapus_aktif" or not pilih,
                 key="tombol_pulihkan"):
        jalankan(lambda: versi.pulihkan(pilih, admin), t("kelola.selesai_pulihkan", lang, versi=pilih))
    yakin = k3.checkbox(t("kelola.versi.yakin", lang), key="yakin_hapus", disabled=admin is None or bool(alasan))
    if k2.button(t("kelola.versi.hapus", lang), disabled=admin is None or bool(alasan) or not yakin,
                 key="tombol_hapus"):
        jalankan(lambda: versi.hapus(pilih, admin), t("kelola.selesai_hapus", lang, versi=pilih))
    with st.expander(t("kelola.versi.riwayat", lang)):
        tabel(versi.tabel_riwayat(lang), "riwayat_versi")


def kualitas_data() -> None:
    """Completeness, outliers, rule violations and the date of each table, for the current filter."""
    st.caption(t("kelola.kualitas.catatan_program", lang))
    mutu = kualitas.ringkasan(pilihan)
    if mutu.kosong:
        layout.kosong(pilihan)
    else:
        layout.angka_utama(mutu.angka, lang)
        st.subheader(t("kelola.kualitas.kelengkapan_judul", lang))
        st.caption(t("kelola.kualitas.kelengkapan_catatan", lang))
        if not mutu.kelengkapan.empty:
            st.plotly_chart(charts_kelola.peta_kelengkapan(mutu.kelengkapan, lang,
                                                           t("kelola.kualitas.grafik_kelengkapan", lang)),
                            config=charts.config(lang), key="peta_kelengkapan")
        for bagian in kualitas.BAGIAN:
            st.subheader(t(f"kelola.kualitas.{bagian}_judul", lang))
            st.caption(t(f"kelola.kualitas.{bagian}_penjelasan", lang, **kualitas.batas(lang)))
            if getattr(mutu, bagian).df.empty:
                st.info(t(mutu.pesan_kosong[bagian], lang))
            else:
                tabel(getattr(mutu, bagian), f"kualitas_{bagian}", t(f"kelola.kualitas.{bagian}_judul", lang))
    st.subheader(t("kelola.kualitas.tanggal_judul", lang))
    tabel(mutu.tanggal, "tanggal_data_tabel", t("kelola.kualitas.tanggal_judul", lang))
    st.subheader(t("peta.batas_judul", lang))
    st.caption(peta.ringkasan_batas(lang))
    if not (masalah := peta.laporan_batas(lang)).empty:
        st.dataframe(masalah, hide_index=True)


# only the open tab runs (on_change="rerun"), so the page stays cheap whichever tab is shown
for isi, tab in zip((impor, versi_data, kualitas_data),
                    st.tabs([t(f"kelola.tab.{k}", lang) for k in ("impor", "versi", "kualitas")], key="kelola_tab",
                            on_change="rerun")):
    if tab.open:
        with tab:
            isi()
