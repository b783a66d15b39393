"""Data Kemiskinan: the poverty sources side by side per kelurahan, with the spread and the kelurahan where they
disagree most, why the sources differ, which source each programme targeted with, and BLM per poor household
under each source."""
import streamlit as st

from pantau import charts, filters, kemiskinan, layout, tampilan
from pantau.i18n import t

tampilan.siapkan()
pilihan = filters.bar()
lang = pilihan.lang
layout.header("kemiskinan", pilihan, ["data_kemiskinan", "blm_pencairan"])
data = kemiskinan.ringkasan(pilihan)
if data.kosong:
    layout.kosong(pilihan)
    st.stop()

st.markdown(t("kemiskinan.pengantar", lang))
if pilihan.program:
    st.caption(t("kemiskinan.catatan_program", lang))
tahun = st.segmented_control(t("kemiskinan.tahun_data", lang), data.tahun, default=data.tahun[-1],
                             key=f"kemiskinan_tahun_{data.tahun[0]}_{data.tahun[-1]}") or data.tahun[-1]
layar = kemiskinan.layar(pilihan, tahun)
potret = layar.potret
layout.angka_utama(potret.angka, lang)

# the projector view: kelurahan × source
if pilihan.tingkat == "kelurahan":
    st.subheader(t("kemiskinan.matriks.judul_tahun", lang, nama=filters.nama_wilayah(pilihan.wilayah, lang)))
    st.caption(t("kemiskinan.matriks.keterangan_tahun", lang))
else:
    st.subheader(t("kemiskinan.matriks.judul", lang, tahun=tahun))
    st.caption(t("kemiskinan.matriks.keterangan", lang, n=len(potret.matriks), total=potret.jumlah_kelurahan))
st.plotly_chart(layar.gambar["matriks"], config=charts.config(lang), key="kemiskinan_matriks")
layout.data_per(["data_kemiskinan"], lang)

# where the sources disagree most, one level down (click to drill)
if pilihan.tingkat != "kelurahan":
    tingkat = t(f"kemiskinan.tingkat.{filters.tingkat_bawah(pilihan)}", lang)
    st.subheader(t("kemiskinan.peringkat.judul", lang, tingkat=tingkat, tahun=tahun))
    st.caption(t("kemiskinan.peringkat.keterangan", lang))
    pilih = st.plotly_chart(layar.gambar["peringkat"], config=charts.config(lang),
                            on_select="rerun", selection_mode="points", key=filters.kunci_grafik("kemiskinan_peringkat", pilihan))
    kode = charts.kode_terpilih(pilih)
    if kode:
        filters.drill(kode)

st.subheader(t("kemiskinan.tren.judul", lang))
st.plotly_chart(layar.gambar["tren"], config=charts.config(lang), key="kemiskinan_tren")

# why the sources differ (from the catalogue)
st.subheader(t("kemiskinan.sebab.judul", lang))
sebab = kemiskinan.penjelasan_sumber(lang)
if sebab.empty:
    st.info(t("kemiskinan.sebab.belum_dikatalog", lang), icon="ℹ️")
for kiri_kanan, (_, s) in zip(st.columns(2) * len(sebab), sebab.iterrows()):
    with kiri_kanan.container(border=True):
        st.markdown(t("kemiskinan.sebab.kartu", lang, **s.to_dict()))

# per kelurahan and year: the table to download
st.subheader(t("kemiskinan.tabel.judul", lang))
st.caption(t("kemiskinan.tabel.keterangan", lang, maks=kemiskinan.TABEL_MAKS))
tabel, format_kolom = layar.tabel
layout.tabel(tabel, "kemiskinan_per_sumber", pilihan, format_kolom, judul=t("kemiskinan.tabel.judul", lang),
             key="kemiskinan_tabel")

# targeting and the allocation question
st.subheader(t("kemiskinan.blm.judul", lang))
st.markdown(t("kemiskinan.blm.pengantar", lang, awal=pilihan.tahun_awal, akhir=pilihan.tahun_akhir))
st.table(layar.penargetan, hide_index=True)
st.plotly_chart(layar.gambar["blm"], config=charts.config(lang), key="kemiskinan_blm")
tabel_blm, format_blm = layar.tabel_blm
layout.tabel(tabel_blm, "blm_per_kk_miskin_per_sumber", pilihan, format_blm, judul=t("kemiskinan.blm.judul", lang),
             key="kemiskinan_blm_tabel")
layout.data_per(["data_kemiskinan", "blm_pencairan"], lang)
