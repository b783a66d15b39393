"""Profil Kelurahan: one kelurahan on one screen: where it is, its programmes and years, BLM by year and component,
its UPK's indicators and KSM, its 100-0-100 figures and slum scores by aspect, its poverty sources and its
assets. Reached from every map and drillable chart, from the search box and by URL (`?kel=13.72.01.1001`)."""
import streamlit as st

from pantau import filters, fmt, layout, peta, profil, tampilan
from pantau import dana_bergulir as dana
from pantau.i18n import t

tampilan.siapkan()
diminta = profil.kode_diminta()
pilihan = profil.tanpa_catatan_kel(filters.bar(profil=True), diminta)
lang = pilihan.lang
layout.header("profil", pilihan, profil.TABEL)
kode = profil.kelurahan(pilihan)

# ---- no kelurahan (or one the data does not know): say so, offer the search and the list
if kode is None:
    if profil.tidak_dikenal(pilihan, diminta):
        st.warning(t("profil.tidak_dikenal", lang, kode=diminta), icon="🔎")
    else:
        st.info(t("profil.pilih", lang), icon="📍")
    filters.kotak_cari(lang, kunci="profil_cari")
    st.subheader(profil.judul_daftar(pilihan))
    profil.tampilkan_daftar(pilihan)
    st.stop()

# ---- where it is and what ran there
profil.siapkan(pilihan)
identitas = profil.identitas(kode, lang)
st.header(identitas.nama)
st.markdown(profil.teks_identitas(identitas, lang))
kiri, kanan = st.columns([2, 3])
with kiri:
    event = st.plotly_chart(profil.peta_lokasi(kode, pilihan), config=peta.config(lang), on_select="rerun",
                            selection_mode="points", key=filters.kunci_grafik("profil_lokasi", pilihan))
    st.caption(t("profil.lokasi", lang))
    profil.drill_lokasi(event)
with kanan:
    st.subheader(t("profil.bagian.program", lang))
    program = profil.program(kode, lang)
    if not program:
        profil.tanpa_data("program", lang)
    st.markdown("\n".join(f"- {baris}" for baris in program))
    st.caption(t("profil.program.catatan", lang))

# ---- BLM by year and component
st.subheader(t("profil.bagian.blm", lang))
data_blm = profil.data_blm(pilihan)
if data_blm is None:
    profil.tanpa_data("blm", lang)
else:
    layout.angka_utama(data_blm.angka, lang)
    profil.grafik(profil.grafik_blm(data_blm), "profil_blm", lang)
    profil.tautan_halaman("blm", pilihan)
layout.data_per(["blm_pencairan", "blm_alokasi"], lang)

# ---- its UPK: POB indicators and KSM
st.subheader(t("profil.bagian.upk", lang))
upk = profil.data_upk(pilihan)
if upk is None:
    profil.tanpa_data("upk", lang)
else:
    st.caption(t("profil.upk_bulan", lang, bulan=fmt.bulan(upk.periode, lang=lang)))
    layout.angka_utama([upk.kartu_status, *upk.angka[:3]], lang)
    layout.angka_utama(list(upk.angka[3:]) + list(upk.angka_ksm[:2]), lang)
    profil.grafik(profil.gambar_upk(pilihan, upk.periode), "profil_upk_tren", lang)
    if upk.daftar_ksm is not None:
        st.markdown(f"**{upk.daftar_ksm.judul}**")
        dana.tampilkan(upk.daftar_ksm, pilihan, key="profil_ksm")
    profil.tautan_halaman("dana_bergulir", pilihan)
layout.data_per(["pinjaman_bulanan", "upk_keuangan_bulanan", "ksm"], lang)

# ---- 100-0-100 and slum scores by aspect
st.subheader(t("profil.bagian.permukiman", lang))
data_kumuh, gambar = profil.data_permukiman(pilihan)
if data_kumuh is None:
    profil.tanpa_data("permukiman", lang)
else:
    if data_kumuh.angka:
        layout.angka_utama(data_kumuh.angka, lang)
        st.markdown("\n".join(f"- {kalimat}" for kalimat in data_kumuh.kalimat))
        kolom_air, kolom_kumuh = st.columns(2)
        with kolom_air:
            profil.grafik(gambar["tren_akses"], "profil_tren_akses", lang)
        with kolom_kumuh:
            profil.grafik(gambar["tren_kumuh"], "profil_tren_kumuh", lang)
    if data_kumuh.kawasan:
        st.markdown(data_kumuh.kawasan["kalimat_kelas"])
        profil.grafik(gambar["aspek"], "profil_aspek", lang)
        isi = data_kumuh.kawasan["tabel_kawasan"]
        profil.tabel(isi.df, isi.format, "skor_kawasan", pilihan, isi.judul)
    else:
        st.caption(t("profil.tanpa_kawasan", lang))
    profil.tautan_halaman("permukiman", pilihan)
layout.data_per(["indikator_permukiman", "kawasan_kumuh", "penilaian_kumuh"], lang)

# ---- poverty sources side by side
st.subheader(t("profil.bagian.kemiskinan", lang))
miskin = profil.bagian_kemiskinan(pilihan)
if miskin is None:
    profil.tanpa_data("kemiskinan", lang)
else:
    isi, format_isi, grafik_miskin = miskin
    profil.tabel(isi, format_isi, "kemiskinan", pilihan, t("profil.bagian.kemiskinan", lang))
    profil.grafik(grafik_miskin, "profil_kemiskinan_blm", lang)
    profil.tautan_halaman("kemiskinan", pilihan)
layout.data_per(["data_kemiskinan"], lang)

# ---- assets and the UPK's revolving capital
st.subheader(t("profil.bagian.aset", lang))
bagian_aset = profil.bagian_aset(pilihan)
if bagian_aset is None:
    profil.tanpa_data("aset", lang)
else:
    data_aset, angka_aset, isi, format_isi, modal, format_modal = bagian_aset
    layout.angka_utama(angka_aset, lang)
    profil.tabel(isi, format_isi, "aset", pilihan, t("profil.bagian.aset", lang))
    if not data_aset.modal_upk.empty:
        profil.tabel(modal, format_modal, "modal", pilihan, t("aset.modal.judul", lang))
    profil.tautan_halaman("aset", pilihan)
layout.data_per(["aset"], lang)
