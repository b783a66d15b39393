-- kualitas_pelanggaran: which rules of the data contract does the active data break, and how often?
-- grain: aturan × tabel (only rules broken at least once); the rule ids match pantau/validasi.py
-- params: $wilayah (text prefix; slum areas by their kab/kota), all years
-- columns: aturan, tabel, jumlah_baris, contoh
with pinjaman as (
    select * from pinjaman_bulanan where starts_with(kode_kelurahan, $wilayah)
),

upk as (
    select * from upk_keuangan_bulanan where starts_with(kode_kelurahan, $wilayah)
),

ksm_pinjaman as (
    select kode_ksm, any_value(kode_kelurahan) as kode_kelurahan, count(*) as n
    from pinjaman
    group by kode_ksm
),

indikator as (
    select * from indikator_permukiman where starts_with(kode_kelurahan, $wilayah)
),

pencairan as (
    select * from blm_pencairan where starts_with(kode_kelurahan, $wilayah)
),

kelompok as (
    select * from ksm where starts_with(kode_kelurahan, $wilayah)
),

penilaian as (
    select * from penilaian_kumuh where starts_with(kode_kawasan, left($wilayah, 5))
),

kode_dipakai as (
    select 'lokasi_program' as tabel, kode_kelurahan, count(*) as n from lokasi_program group by all
    union all select 'blm_alokasi', kode_kelurahan, count(*) from blm_alokasi group by all
    union all select 'blm_pencairan', kode_kelurahan, count(*) from pencairan group by all
    union all select 'ksm', kode_kelurahan, count(*) from kelompok group by all
    union all select 'pinjaman_bulanan', kode_kelurahan, sum(n) from ksm_pinjaman group by all
    union all select 'upk_keuangan_bulanan', kode_kelurahan, count(*) from upk group by all
    union all select 'indikator_permukiman', kode_kelurahan, count(*) from indikator group by all
    union all select 'kawasan_kumuh', kode_kelurahan, count(*) from kawasan_kumuh group by all
    union all select 'data_kemiskinan', kode_kelurahan, count(*) from data_kemiskinan group by all
    union all select 'aset', kode_kelurahan, count(*) from aset group by all
),

pelanggaran as (
    select 'air_minum_melebihi_kk' as aturan, 'indikator_permukiman' as tabel, kode_kelurahan as contoh, 1 as n
    from indikator where kk_air_minum_layak > jumlah_kk
    union all select 'sanitasi_melebihi_kk', 'indikator_permukiman', kode_kelurahan, 1
    from indikator where kk_sanitasi_layak > jumlah_kk
    union all select 'kumuh_melebihi_luas', 'indikator_permukiman', kode_kelurahan, 1
    from indikator where luas_kumuh_ha > luas_wilayah_ha
    union all select 'perempuan_melebihi_anggota', 'ksm', kode_ksm, 1 from kelompok where anggota_perempuan > anggota
    union all select 'miskin_melebihi_anggota', 'ksm', kode_ksm, 1 from kelompok where anggota_miskin > anggota
    union all select 'pemanfaat_miskin_melebihi', 'blm_pencairan', id_pencairan, 1
    from pencairan where pemanfaat_miskin > pemanfaat
    union all select 'pemanfaat_perempuan_melebihi', 'blm_pencairan', id_pencairan, 1
    from pencairan where pemanfaat_perempuan > pemanfaat
    union all select 'selesai_sebelum_mulai', 'lokasi_program', kode_kelurahan, 1
    from lokasi_program where starts_with(kode_kelurahan, $wilayah) and tahun_selesai < tahun_mulai
    union all select 'serah_terima_sebelum_bangun', 'aset', kode_aset, 1
    from aset where starts_with(kode_kelurahan, $wilayah) and tahun_serah_terima < tahun_bangun
    union all select 'negatif', 'blm_alokasi', kode_kelurahan, 1
    from blm_alokasi where starts_with(kode_kelurahan, $wilayah) and pagu_rp < 0
    union all select 'negatif', 'blm_pencairan', id_pencairan, 1
    from pencairan where nilai_blm_rp < 0 or nilai_ddub_rp < 0 or nilai_swadaya_rp < 0
    union all select 'negatif', 'aset', kode_aset, 1 from aset where starts_with(kode_kelurahan, $wilayah) and nilai_rp < 0
    union all select 'negatif', 'pinjaman_bulanan', kode_ksm, 1 from pinjaman
    where pencairan_rp < 0 or pokok_jatuh_tempo_rp < 0 or pokok_dibayar_rp < 0 or jasa_dibayar_rp < 0
       or saldo_pinjaman_rp < 0
    union all select 'negatif', 'upk_keuangan_bulanan', kode_bkm, 1 from upk
    where pendapatan_rp < 0 or biaya_rp < 0 or modal_rp < 0 or cadangan_risiko_rp < 0
    union all select 'tahun_periode', 'pinjaman_bulanan', kode_ksm, 1 from pinjaman where tahun <> year(periode)
    union all select 'tahun_periode', 'upk_keuangan_bulanan', kode_bkm, 1 from upk where tahun <> year(periode)
    union all select 'persen_luar', 'penilaian_kumuh', kode_kawasan, 1
    from penilaian where persen_terdampak < 0 or persen_terdampak > 100
    union all select 'kode_tidak_dikenal', k.tabel, k.kode_kelurahan, k.n
    from kode_dipakai as k
    anti join wilayah as w on w.kode = k.kode_kelurahan and w.tingkat = 'kelurahan'
    where starts_with(k.kode_kelurahan, $wilayah)
    union all select 'pinjaman_tanpa_ksm', 'pinjaman_bulanan', p.kode_ksm, p.n
    from ksm_pinjaman as p anti join ksm as k on k.kode_ksm = p.kode_ksm
    union all select 'penilaian_tanpa_kawasan', 'penilaian_kumuh', p.kode_kawasan, 1
    from penilaian as p anti join kawasan_kumuh as k on k.kode_kawasan = p.kode_kawasan
),

final as (
    select aturan, tabel, sum(n)::bigint as jumlah_baris, min(contoh) as contoh
    from pelanggaran
    group by all
)

select * from final
order by jumlah_baris desc, aturan, tabel
