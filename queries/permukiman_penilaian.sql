-- permukiman_penilaian: the sub-criterion assessments of every slum kawasan with at least one kelurahan in the wilayah.
-- grain: kawasan × tahun × kriteria
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int); no programme filter (the tables have no programme column)
-- columns: kode_kawasan, tahun, kriteria, persen_terdampak (%)
with kawasan_kumuh_wilayah as (
    select distinct kode_kawasan
    from kawasan_kumuh
    where starts_with(kode_kelurahan, $wilayah)
),

final as (
    select p.kode_kawasan, p.tahun::int as tahun, p.kriteria, p.persen_terdampak::double as persen_terdampak
    from penilaian_kumuh as p
    semi join kawasan_kumuh_wilayah as k using (kode_kawasan)
    where p.tahun between $tahun_awal and $tahun_akhir
)

select * from final
