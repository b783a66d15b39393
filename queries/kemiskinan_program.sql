-- kemiskinan_program: the programmes that ran in the selected area (for the targeting table), in historical order.
-- grain: program
-- params: $wilayah (text prefix), $program (text[], empty = all)
-- columns: program, tahun_mulai (int), jumlah_kelurahan
with lokasi as (
    select kode_kelurahan, program, tahun_mulai
    from lokasi_program
    where starts_with(kode_kelurahan, $wilayah)
      and (len($program) = 0 or list_contains($program, program))
),

final as (
    select program, min(tahun_mulai)::int as tahun_mulai, count(distinct kode_kelurahan)::int as jumlah_kelurahan
    from lokasi
    group by program
)

select * from final
order by tahun_mulai, program
