-- blm_kelurahan_belum_cair: which kelurahan received less BLM than their allocation (pagu), and in which year was the gap widest?
-- grain: one kelurahan whose disbursement over the selected years is below its pagu
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int), $program (text[], empty = all)
-- columns: kode_kelurahan (text), nama_kelurahan (text), nama_kecamatan (text), nama_kabkota (text), pagu_rp (rupiah), cair_rp (rupiah), tahun_terendah (int), pagu_terendah_rp (rupiah), cair_terendah_rp (rupiah)
with alokasi as (
    select kode_kelurahan, program, tahun, pagu_rp
    from blm_alokasi
    where starts_with(kode_kelurahan, $wilayah)
      and tahun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or list_contains($program, program))
),

pencairan as (
    select kode_kelurahan, program, tahun, nilai_blm_rp
    from blm_pencairan
    where starts_with(kode_kelurahan, $wilayah)
      and tahun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or list_contains($program, program))
),

pagu as (
    select kode_kelurahan, program, tahun, sum(pagu_rp) as pagu_rp
    from alokasi
    group by all
),

cair as (
    select kode_kelurahan, program, tahun, sum(nilai_blm_rp) as cair_rp
    from pencairan
    group by all
),

per_tahun as (   -- pagu and cair of one kelurahan and year, over the selected programmes
    select p.kode_kelurahan, p.tahun, sum(p.pagu_rp) as pagu_rp, sum(coalesce(c.cair_rp, 0)) as cair_rp
    from pagu as p
    left join cair as c on c.kode_kelurahan = p.kode_kelurahan and c.program = p.program and c.tahun = p.tahun
    where p.pagu_rp > 0
    group by all
),

per_kelurahan as (
    select
        kode_kelurahan,
        sum(pagu_rp) as pagu_rp,
        sum(cair_rp) as cair_rp,
        arg_min(tahun, cair_rp / pagu_rp) as tahun_terendah,
        arg_min(pagu_rp, cair_rp / pagu_rp) as pagu_terendah_rp,
        arg_min(cair_rp, cair_rp / pagu_rp) as cair_terendah_rp
    from per_tahun
    group by kode_kelurahan
    having sum(cair_rp) < sum(pagu_rp)
),

final as (
    select
        k.kode_kelurahan,
        coalesce(kel.nama, k.kode_kelurahan) as nama_kelurahan,
        kec.nama as nama_kecamatan,
        kab.nama as nama_kabkota,
        k.pagu_rp::bigint as pagu_rp,
        k.cair_rp::bigint as cair_rp,
        k.tahun_terendah::int as tahun_terendah,
        k.pagu_terendah_rp::bigint as pagu_terendah_rp,
        k.cair_terendah_rp::bigint as cair_terendah_rp
    from per_kelurahan as k
    left join wilayah as kel on kel.kode = k.kode_kelurahan
    left join wilayah as kec on kec.kode = left(k.kode_kelurahan, 8)
    left join wilayah as kab on kab.kode = left(k.kode_kelurahan, 5)
)

select * from final
order by cair_rp / pagu_rp, kode_kelurahan
