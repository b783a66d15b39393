-- blm_rincian: how much BLM, DDUB and swadaya was disbursed, and for how many beneficiaries, by year, programme, tahap and component?
-- grain: tahun × program × tahap × komponen (komponen 'tidak_dirinci' where the source gives none)
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int), $program (text[], empty = all)
-- columns: tahun (int), program (text), tahap (int), komponen (lingkungan/sosial/ekonomi/tidak_dirinci), nilai_blm_rp (rupiah), nilai_ddub_rp (rupiah), nilai_swadaya_rp (rupiah), pemanfaat (orang), pemanfaat_miskin (orang), pemanfaat_perempuan (orang), jumlah_pencairan (int)
with pencairan as (
    select tahun, program, tahap, komponen, nilai_blm_rp, nilai_ddub_rp, nilai_swadaya_rp,
        pemanfaat, pemanfaat_miskin, pemanfaat_perempuan
    from blm_pencairan
    where starts_with(kode_kelurahan, $wilayah)
      and tahun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or list_contains($program, program))
),

final as (
    select
        tahun::int as tahun,
        program,
        tahap::int as tahap,
        coalesce(komponen, 'tidak_dirinci') as komponen,
        sum(nilai_blm_rp)::bigint as nilai_blm_rp,
        sum(nilai_ddub_rp)::bigint as nilai_ddub_rp,
        sum(nilai_swadaya_rp)::bigint as nilai_swadaya_rp,
        coalesce(sum(pemanfaat), 0)::bigint as pemanfaat,
        coalesce(sum(pemanfaat_miskin), 0)::bigint as pemanfaat_miskin,
        coalesce(sum(pemanfaat_perempuan), 0)::bigint as pemanfaat_perempuan,
        count(*)::int as jumlah_pencairan
    from pencairan
    group by all
)

select * from final
order by tahun, program, tahap, komponen
