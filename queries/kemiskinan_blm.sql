-- kemiskinan_blm: total BLM disbursed in the selection and period (the numerator of BLM per poor household).
-- grain: one row
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int), $program (text[], empty = all)
-- columns: nilai_blm_rp (rupiah), jumlah_kelurahan
with pencairan as (
    select kode_kelurahan, nilai_blm_rp
    from blm_pencairan
    where starts_with(kode_kelurahan, $wilayah)
      and tahun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or list_contains($program, program))
),

final as (
    select coalesce(sum(nilai_blm_rp), 0)::bigint as nilai_blm_rp,
        count(distinct kode_kelurahan)::int as jumlah_kelurahan
    from pencairan
)

select * from final
