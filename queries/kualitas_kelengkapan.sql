-- kualitas_kelengkapan: what share of the programme kelurahan-years has rows in each yearly table?
-- grain: tabel × tahun (expected: kelurahan in a programme that year, within the years the table covers in the region)
-- source: the macro kualitas_cakupan (queries/makro/)
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int), $program (text[], empty = all)
-- columns: tabel, tahun (int), kelurahan_harapan, kelurahan_ada, lengkap (fraction)
with cakupan as (
    select * from kualitas_cakupan($wilayah, $tahun_awal, $tahun_akhir, $program)
),

per_tahun as (
    select tabel, tahun, count(*) as kelurahan_harapan, count(*) filter (where ada) as kelurahan_ada
    from cakupan
    group by all
),

final as (
    select tabel, tahun::int as tahun, kelurahan_harapan::bigint as kelurahan_harapan,
        kelurahan_ada::bigint as kelurahan_ada, kelurahan_ada / kelurahan_harapan as lengkap
    from per_tahun
)

select * from final
order by tabel, tahun
