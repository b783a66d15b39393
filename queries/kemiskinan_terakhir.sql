-- kemiskinan_terakhir: poor households by source, each source in its latest year up to the end of the period.
-- grain: sumber
-- params: $wilayah (text prefix), $tahun_akhir (int), $program (text[], empty = all; keeps kelurahan in lokasi_program of those programmes)
-- columns: sumber, tahun, rumah_tangga_miskin (households), jumlah_kelurahan
with lokasi as (
    select distinct kode_kelurahan
    from lokasi_program
    where list_contains($program, program)
),

miskin as (
    select kode_kelurahan, tahun, sumber, rumah_tangga_miskin
    from data_kemiskinan
    where starts_with(kode_kelurahan, $wilayah)
      and tahun <= $tahun_akhir
      and (len($program) = 0 or kode_kelurahan in (select kode_kelurahan from lokasi))
),

tahun_terakhir as (
    select sumber, max(tahun) as tahun
    from miskin
    group by sumber
),

final as (
    select m.sumber, m.tahun::int as tahun,
        sum(m.rumah_tangga_miskin)::bigint as rumah_tangga_miskin,
        count(distinct m.kode_kelurahan)::int as jumlah_kelurahan
    from miskin as m
    join tahun_terakhir as t on t.sumber = m.sumber and t.tahun = m.tahun
    group by all
)

select * from final
order by sumber
