"""100-0-100: how far each kelurahan is from 100 % safe water, 0 ha slum and 100 % sanitation, whether it is
on track for a target year, and each slum kawasan's score by sub-criterion and aspect."""
import streamlit as st

from pantau import charts, filters, layout, peta_halaman, permukiman, tampilan
from pantau import charts_permukiman as grafik
from pantau.i18n import t

tampilan.siapkan()
pilihan = filters.bar()
lang = pilihan.lang
layout.header("permukiman", pilihan, ["indikator_permukiman", "kawasan_kumuh", "penilaian_kumuh"])
tahun_target = permukiman.pilih_tahun_target(lang)
st.caption(t("permukiman.catatan_program", lang))
data = permukiman.ringkasan(pilihan, tahun_target)
if data.kosong:
    layout.kosong(pilihan)
    st.stop()
gambar = grafik.gambar(pilihan, tahun_target)


def tampilkan(nama: str) -> None:
    """Show a figure; where its bars or points carry a region code, a click drills down to that region."""
    event = st.plotly_chart(gambar[nama], config=charts.config(lang), on_select="rerun", selection_mode="points",
                            key=filters.kunci_grafik(nama, pilihan))
    filters.drill(charts.kode_terpilih(event))


def tabel(isi: permukiman.Tabel, nama_file: str) -> None:
    layout.tabel(isi.df, nama_file, pilihan, isi.format, judul=isi.judul, key=nama_file)


permukiman.tautan_profil(pilihan)

# ---- the three targets: headline numbers, sentences, bullets, trend with the required trajectory
if not data.angka:
    st.info(t("permukiman.bagian.tidak_ada_capaian", lang), icon="📭")
else:
    layout.angka_utama(data.angka, lang)
    st.markdown("\n".join(f"- {kalimat}" for kalimat in data.kalimat))
    st.caption(t("permukiman.lintasan.aturan", lang))
    for i, (kolom, bullet) in enumerate(zip(st.columns(3), data.bullet)):
        kolom.markdown(bullet["teks"])
        kolom.plotly_chart(gambar[f"bullet{i}"], config=charts.config(lang), key=f"bullet{i}")
    st.caption(t("permukiman.bullet.keterangan", lang))

    st.subheader(t("permukiman.bagian.tren", lang))
    kiri, kanan = st.columns(2)
    kiri.plotly_chart(gambar["tren_akses"], config=charts.config(lang), key="tren_akses")
    kanan.plotly_chart(gambar["tren_kumuh"], config=charts.config(lang), key="tren_kumuh")
    layout.data_per(["indikator_permukiman", "kawasan_kumuh"], lang)

    peta_halaman.bagian_permukiman(pilihan, tahun_target)

    # ---- per kelurahan (per kab/kota above kab/kota level): ranked gaps and trajectories
    st.subheader(t(f"permukiman.bagian.per_{data.satuan}", lang))
    if data.satuan == "kabkota":
        st.caption(t("permukiman.bagian.per_kabkota_catatan", lang))
    st.caption(t("permukiman.bagian.peringkat_catatan", lang, tahun=tahun_target))
    if data.jumlah_unit > len(data.peringkat):
        st.caption(t("permukiman.bagian.peringkat_dipotong", lang, tampil=len(data.peringkat),
                     jumlah=data.jumlah_unit))
    tampilkan("peringkat")
    jenis = st.segmented_control(t("permukiman.bagian.pilih_tabel", lang), list(data.tabel_wilayah),
                                 default="kesenjangan", key="tabel_wilayah",
                                 format_func=lambda k: data.tabel_wilayah[k].judul) or "kesenjangan"
    tabel(data.tabel_wilayah[jenis], f"permukiman_{jenis}")

# ---- slum scores per kawasan (Permen PUPR 14/2018): classes, sub-criteria heatmap, driving aspects
st.subheader(t("permukiman.bagian.skor", lang))
kawasan = data.kawasan
if not kawasan:
    st.info(t("permukiman.bagian.tidak_ada_kawasan", lang), icon="📭")
    st.stop()
st.caption(kawasan["aturan"] + " " + t("permukiman.bagian.skor_catatan", lang))
st.markdown(kawasan["kalimat_kelas"])
st.plotly_chart(gambar["kelas"], config=charts.config(lang), key="kelas")
if kawasan["jumlah"] > kawasan["ditampilkan"]:
    st.caption(t("permukiman.bagian.skor_dipotong", lang, tampil=kawasan["ditampilkan"], jumlah=kawasan["jumlah"]))
st.plotly_chart(gambar["heatmap"], config=charts.config(lang), key="heatmap")
tampilkan("aspek")
tabel(kawasan["tabel_kawasan"], "permukiman_skor_kawasan")
layout.data_per(["penilaian_kumuh"], lang)

# ---- baseline vs latest assessment: which kawasan left slum status, which got worse
st.subheader(t("permukiman.bagian.perubahan", lang))
st.markdown(kawasan["kalimat_perubahan"])
if "perubahan" in gambar:
    if kawasan["jumlah_perubahan"] > len(kawasan["perubahan"]):
        st.caption(t("permukiman.bagian.perubahan_dipotong", lang, tampil=len(kawasan["perubahan"]),
                     jumlah=kawasan["jumlah_perubahan"]))
    tampilkan("perubahan")
    tabel(kawasan["tabel_perubahan"], "permukiman_perubahan_kawasan")
