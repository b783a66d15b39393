-- blm_progres_tahun: how much of each year's BLM allocation (pagu) was disbursed (cair)?
-- grain: tahun × program
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int), $program (text[], empty = all)
-- columns: tahun (int), program (text), pagu_rp (rupiah), cair_rp (rupiah)
with alokasi as (
    select tahun, program, pagu_rp
    from blm_alokasi
    where starts_with(kode_kelurahan, $wilayah)
      and tahun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or list_contains($program, program))
),

pencairan as (
    select tahun, program, nilai_blm_rp
    from blm_pencairan
    where starts_with(kode_kelurahan, $wilayah)
      and tahun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or list_contains($program, program))
),

pagu as (
    select tahun, program, sum(pagu_rp) as pagu_rp
    from alokasi
    group by all
),

cair as (
    select tahun, program, sum(nilai_blm_rp) as cair_rp
    from pencairan
    group by all
),

final as (
    select
        coalesce(p.tahun, c.tahun)::int as tahun,
        coalesce(p.program, c.program) as program,
        coalesce(p.pagu_rp, 0)::bigint as pagu_rp,
        coalesce(c.cair_rp, 0)::bigint as cair_rp
    from pagu as p
    full join cair as c on c.tahun = p.tahun and c.program = p.program
)

select * from final
order by tahun, program
