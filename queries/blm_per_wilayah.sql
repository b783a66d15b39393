-- blm_per_wilayah: how much BLM, co-funding and pagu reached each area one level below the filter, and how much per poor household (Pemetaan Swadaya)?
-- grain: one area (kab/kota, kecamatan or kelurahan: the first $panjang characters of kode_kelurahan)
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int), $program (text[], empty = all), $panjang (int: 5 kab/kota, 8 kecamatan, 13 kelurahan)
-- columns: kode (text), nama (text), jumlah_kelurahan (int), nilai_blm_rp (rupiah), blm_lingkungan_rp (rupiah), blm_sosial_rp (rupiah), blm_ekonomi_rp (rupiah), blm_tidak_dirinci_rp (rupiah), nilai_ddub_rp (rupiah), nilai_swadaya_rp (rupiah), pagu_rp (rupiah), pemanfaat (orang), pemanfaat_miskin (orang), pemanfaat_perempuan (orang), kelurahan_ps (int), rt_miskin_ps (rumah tangga), blm_kelurahan_ps_rp (rupiah), tahun_ps_min (int), tahun_ps_maks (int)
-- example: panjang=13
with pencairan as (
    select kode_kelurahan, komponen, nilai_blm_rp, nilai_ddub_rp, nilai_swadaya_rp,
        pemanfaat, pemanfaat_miskin, pemanfaat_perempuan
    from blm_pencairan
    where starts_with(kode_kelurahan, $wilayah)
      and tahun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or list_contains($program, program))
),

alokasi as (
    select kode_kelurahan, pagu_rp
    from blm_alokasi
    where starts_with(kode_kelurahan, $wilayah)
      and tahun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or list_contains($program, program))
),

kemiskinan_ps as (
    select kode_kelurahan, tahun, rumah_tangga_miskin
    from data_kemiskinan
    where sumber = 'PS'
      and starts_with(kode_kelurahan, $wilayah)
      and tahun <= $tahun_akhir
),

blm_kelurahan as (
    select
        kode_kelurahan,
        sum(nilai_blm_rp) as nilai_blm_rp,
        sum(nilai_blm_rp) filter (where komponen = 'lingkungan') as blm_lingkungan_rp,
        sum(nilai_blm_rp) filter (where komponen = 'sosial') as blm_sosial_rp,
        sum(nilai_blm_rp) filter (where komponen = 'ekonomi') as blm_ekonomi_rp,
        sum(nilai_blm_rp) filter (where komponen is null) as blm_tidak_dirinci_rp,
        sum(nilai_ddub_rp) as nilai_ddub_rp,
        sum(nilai_swadaya_rp) as nilai_swadaya_rp,
        sum(pemanfaat) as pemanfaat,
        sum(pemanfaat_miskin) as pemanfaat_miskin,
        sum(pemanfaat_perempuan) as pemanfaat_perempuan
    from pencairan
    group by kode_kelurahan
),

pagu_kelurahan as (
    select kode_kelurahan, sum(pagu_rp) as pagu_rp
    from alokasi
    group by kode_kelurahan
),

ps_terakhir as (   -- the latest PS count up to the last selected year, per kelurahan
    select kode_kelurahan, max(tahun) as tahun_ps, arg_max(rumah_tangga_miskin, tahun) as rt_miskin_ps
    from kemiskinan_ps
    group by kode_kelurahan
),

per_kelurahan as (
    select
        coalesce(b.kode_kelurahan, p.kode_kelurahan) as kode_kelurahan,
        b.* exclude (kode_kelurahan),
        p.pagu_rp,
        ps.tahun_ps,
        case when coalesce(b.nilai_blm_rp, 0) > 0 then ps.rt_miskin_ps end as rt_miskin_ps
    from blm_kelurahan as b
    full join pagu_kelurahan as p on p.kode_kelurahan = b.kode_kelurahan
    left join ps_terakhir as ps on ps.kode_kelurahan = coalesce(b.kode_kelurahan, p.kode_kelurahan)
),

per_wilayah as (
    select
        left(kode_kelurahan, $panjang) as kode,
        count(*) filter (where nilai_blm_rp > 0) as jumlah_kelurahan,
        sum(nilai_blm_rp) as nilai_blm_rp,
        sum(blm_lingkungan_rp) as blm_lingkungan_rp,
        sum(blm_sosial_rp) as blm_sosial_rp,
        sum(blm_ekonomi_rp) as blm_ekonomi_rp,
        sum(blm_tidak_dirinci_rp) as blm_tidak_dirinci_rp,
        sum(nilai_ddub_rp) as nilai_ddub_rp,
        sum(nilai_swadaya_rp) as nilai_swadaya_rp,
        sum(pagu_rp) as pagu_rp,
        sum(pemanfaat) as pemanfaat,
        sum(pemanfaat_miskin) as pemanfaat_miskin,
        sum(pemanfaat_perempuan) as pemanfaat_perempuan,
        count(rt_miskin_ps) as kelurahan_ps,
        sum(rt_miskin_ps) as rt_miskin_ps,
        sum(nilai_blm_rp) filter (where rt_miskin_ps is not null) as blm_kelurahan_ps_rp,
        min(tahun_ps) filter (where rt_miskin_ps is not null) as tahun_ps_min,
        max(tahun_ps) filter (where rt_miskin_ps is not null) as tahun_ps_maks
    from per_kelurahan
    group by all
),

final as (
    select
        a.kode,
        coalesce(w.nama, a.kode) as nama,
        a.jumlah_kelurahan::int as jumlah_kelurahan,
        coalesce(a.nilai_blm_rp, 0)::bigint as nilai_blm_rp,
        coalesce(a.blm_lingkungan_rp, 0)::bigint as blm_lingkungan_rp,
        coalesce(a.blm_sosial_rp, 0)::bigint as blm_sosial_rp,
        coalesce(a.blm_ekonomi_rp, 0)::bigint as blm_ekonomi_rp,
        coalesce(a.blm_tidak_dirinci_rp, 0)::bigint as blm_tidak_dirinci_rp,
        coalesce(a.nilai_ddub_rp, 0)::bigint as nilai_ddub_rp,
        coalesce(a.nilai_swadaya_rp, 0)::bigint as nilai_swadaya_rp,
        coalesce(a.pagu_rp, 0)::bigint as pagu_rp,
        coalesce(a.pemanfaat, 0)::bigint as pemanfaat,
        coalesce(a.pemanfaat_miskin, 0)::bigint as pemanfaat_miskin,
        coalesce(a.pemanfaat_perempuan, 0)::bigint as pemanfaat_perempuan,
        a.kelurahan_ps::int as kelurahan_ps,
        a.rt_miskin_ps::bigint as rt_miskin_ps,
        a.blm_kelurahan_ps_rp::bigint as blm_kelurahan_ps_rp,
        a.tahun_ps_min::int as tahun_ps_min,
        a.tahun_ps_maks::int as tahun_ps_maks
    from per_wilayah as a
    left join wilayah as w on w.kode = a.kode
)

select * from final
order by nilai_blm_rp desc, kode
