"""Aset & Alih Kelola: the tridaya assets by kelurahan with their condition, maintainer and handover status to the
Pemda, the handover's progress, the value not yet handed over, damaged assets nobody maintains, and the
revolving capital the UPKs still hold."""
import streamlit as st

from pantau import aset, charts, filters, fmt, layout, tampilan
from pantau.i18n import t

tampilan.siapkan()
pilihan = filters.bar()
lang = pilihan.lang
layout.header("aset", pilihan, ["aset", "upk_keuangan_bulanan"])
data = aset.ringkasan(pilihan)
if data.kosong:
    layout.kosong(pilihan)
    st.stop()

st.markdown(t("aset.pengantar", lang))
if pilihan.program:
    st.caption(t("aset.catatan_program", lang))
layout.angka_utama(data.angka, lang)
layar = aset.layar(pilihan)

# handover status one level down (click to drill)
kiri, kanan = st.columns([3, 2])
with kiri:
    tingkat = t(f"aset.tingkat.{filters.tingkat_bawah(pilihan)}", lang)
    st.subheader(t("aset.status_wilayah.judul", lang, tingkat=tingkat))
    st.caption(t("aset.status_wilayah.keterangan", lang))
    pilih = st.plotly_chart(layar.gambar["status_wilayah"], config=charts.config(lang), on_select="rerun",
                            selection_mode="points", key=filters.kunci_grafik("aset_status_wilayah", pilihan))
    kode = charts.kode_terpilih(pilih)
    if kode:
        filters.drill(kode)
with kanan:
    st.subheader(t("aset.kondisi_jenis.judul", lang))
    st.caption(t("aset.kondisi_jenis.keterangan", lang))
    st.plotly_chart(layar.gambar["kondisi"], config=charts.config(lang), key="aset_kondisi")

st.subheader(t("aset.kemajuan.judul", lang))
st.caption(t("aset.kemajuan.keterangan", lang))
st.plotly_chart(layar.gambar["kemajuan"], config=charts.config(lang), key="aset_kemajuan")
if data.kemajuan["tanpa_tahun"].max() > 0:
    st.caption(t("aset.kemajuan.tanpa_tahun", lang,
                 nilai=fmt.rupiah_ringkas(data.kemajuan["tanpa_tahun"].max(), lang=lang)))

# the register by kelurahan
st.subheader(t("aset.register.judul", lang))
tabel, format_kolom = layar.tabel["kelurahan"]
layout.tabel(tabel, "aset_per_kelurahan", pilihan, format_kolom, judul=t("aset.register.judul", lang),
             key="aset_per_kelurahan")

# damaged and nobody looks after them
st.subheader(t("aset.tanpa_kpp.judul", lang))
st.caption(t("aset.tanpa_kpp.keterangan", lang))
bermasalah, format_bermasalah = layar.tabel["tanpa_pengelola"]
layout.tabel(bermasalah, "aset_rusak_tanpa_kpp", pilihan, format_bermasalah, judul=t("aset.tanpa_kpp.judul", lang),
             key="aset_tanpa_kpp")

# revolving capital still held by the UPKs
st.subheader(t("aset.modal.judul", lang))
st.caption(t("aset.modal.keterangan", lang, akhir=pilihan.tahun_akhir))
layout.angka_utama(data.angka_modal, lang)
modal, format_modal = layar.tabel["modal"]
layout.tabel(modal, "modal_bergulir_upk", pilihan, format_modal, judul=t("aset.modal.judul", lang), key="aset_modal")
layout.data_per(["upk_keuangan_bulanan"], lang)

# asset by asset
with st.expander(t("aset.daftar.judul", lang, n=fmt.angka(data.total["jumlah_aset"], lang=lang))):
    if "daftar" not in layar.tabel:
        st.info(t("aset.daftar.terlalu_banyak", lang, maks=fmt.angka(aset.DAFTAR_MAKS, lang=lang)), icon="ℹ️")
    else:
        tabel_daftar, format_daftar = layar.tabel["daftar"]
        layout.tabel(tabel_daftar, "aset_daftar", pilihan, format_daftar, judul=t("aset.daftar.judul", lang, n=""),
                     key="aset_daftar")
layout.data_per(["aset"], lang)
