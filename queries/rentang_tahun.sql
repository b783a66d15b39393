-- rentang_tahun: the first and last year that any programme table covers in the active dataset.
-- grain: one row
-- params: none
-- columns: tahun_min (int), tahun_maks (int)
with tahun as (
    select min(tahun) as t0, max(tahun) as t1 from blm_alokasi
    union all select min(tahun), max(tahun) from indikator_permukiman
    union all select min(tahun), max(tahun) from pinjaman_bulanan
    union all select min(tahun_mulai), max(coalesce(tahun_selesai, tahun_mulai)) from lokasi_program
),

final as (
    select min(t0)::int as tahun_min, max(t1)::int as tahun_maks
    from tahun
)

select * from final
