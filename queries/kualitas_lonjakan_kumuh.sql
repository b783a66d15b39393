-- kualitas_lonjakan_kumuh: where did a kelurahan's slum area jump up from one survey year to the next?
-- grain: kelurahan × tahun (only increases of at least $batas_ha hectares and $batas_persen % of the previous area)
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int), $batas_ha, $batas_persen (int)
-- columns: kode_kelurahan, nama_kelurahan, tahun_sebelum (int), tahun (int), luas_sebelum_ha (ha), luas_kumuh_ha (ha), perubahan_ha (ha), perubahan (fraction of the previous area; empty when it was 0)
-- example: batas_ha=1; batas_persen=50
with indikator as (
    select kode_kelurahan, tahun, luas_kumuh_ha
    from indikator_permukiman
    where starts_with(kode_kelurahan, $wilayah)
      and luas_kumuh_ha is not null
),

berurutan as (
    select kode_kelurahan, tahun, luas_kumuh_ha,
        lag(tahun) over (partition by kode_kelurahan order by tahun) as tahun_sebelum,
        lag(luas_kumuh_ha) over (partition by kode_kelurahan order by tahun) as luas_sebelum_ha
    from indikator
),

final as (
    select b.kode_kelurahan, w.nama as nama_kelurahan, b.tahun_sebelum::int as tahun_sebelum, b.tahun::int as tahun,
        b.luas_sebelum_ha, b.luas_kumuh_ha, b.luas_kumuh_ha - b.luas_sebelum_ha as perubahan_ha,
        (b.luas_kumuh_ha - b.luas_sebelum_ha) / nullif(b.luas_sebelum_ha, 0) as perubahan
    from berurutan as b
    left join wilayah as w on w.kode = b.kode_kelurahan
    where b.tahun between $tahun_awal and $tahun_akhir
      and b.luas_sebelum_ha is not null
      and b.luas_kumuh_ha - b.luas_sebelum_ha >= $batas_ha
      and b.luas_kumuh_ha - b.luas_sebelum_ha >= b.luas_sebelum_ha * $batas_persen / 100
)

select * from final
order by perubahan_ha desc, kode_kelurahan, tahun
