-- permukiman_per_tahun: households with safe water and proper sanitation, and slum hectares, per year in the wilayah.
-- grain: tahun
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int); no programme filter (the table has no programme column)
-- columns: tahun (int), jumlah_kelurahan, jumlah_kk (KK), kk_air_minum_layak (KK), kk_sanitasi_layak (KK), luas_kumuh_ha (ha)
with indikator as (
    select kode_kelurahan, tahun, jumlah_kk, kk_air_minum_layak, kk_sanitasi_layak, luas_kumuh_ha
    from indikator_permukiman
    where starts_with(kode_kelurahan, $wilayah)
      and tahun between $tahun_awal and $tahun_akhir
),

final as (
    select
        tahun::int as tahun,
        count(distinct kode_kelurahan)::int as jumlah_kelurahan,
        sum(jumlah_kk)::bigint as jumlah_kk,
        sum(kk_air_minum_layak)::bigint as kk_air_minum_layak,
        sum(kk_sanitasi_layak)::bigint as kk_sanitasi_layak,
        sum(luas_kumuh_ha)::double as luas_kumuh_ha
    from indikator
    group by tahun
)

select * from final
order by tahun
