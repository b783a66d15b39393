-- kualitas_pencilan_blm: how far is each kelurahan's BLM per household from the other kelurahan of its kab/kota?
-- grain: kelurahan (peers: the kelurahan of the same kab/kota with BLM and a household count)
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int), $program (text[], empty = all)
-- columns: kode_kelurahan, nama_kelurahan, kode_kabkota, blm_rp (rupiah), jumlah_kk, blm_per_kk (rupiah), median_kabkota (rupiah), jumlah_sebaya, skor_z (robust z-score: 0.6745 × difference from the median ÷ MAD)
with blm as (
    select kode_kelurahan, sum(nilai_blm_rp)::double as blm_rp
    from blm_pencairan
    where starts_with(kode_kelurahan, left($wilayah, 5))
      and tahun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or list_contains($program, program))
    group by all
),

kk as (
    select kode_kelurahan, arg_max(jumlah_kk, tahun) as jumlah_kk
    from indikator_permukiman
    where starts_with(kode_kelurahan, left($wilayah, 5))
      and tahun <= $tahun_akhir
    group by all
),

per_kk as (
    select b.kode_kelurahan, left(b.kode_kelurahan, 5) as kode_kabkota, b.blm_rp, k.jumlah_kk,
        b.blm_rp / k.jumlah_kk as blm_per_kk
    from blm as b
    join kk as k on k.kode_kelurahan = b.kode_kelurahan
    where k.jumlah_kk > 0
),

sebaya as (
    select kode_kabkota, median(blm_per_kk) as median_kabkota, count(*) as jumlah_sebaya
    from per_kk
    group by all
),

sebaran as (
    select p.kode_kabkota, median(abs(p.blm_per_kk - s.median_kabkota)) as mad
    from per_kk as p
    join sebaya as s on s.kode_kabkota = p.kode_kabkota
    group by all
),

final as (
    select p.kode_kelurahan, w.nama as nama_kelurahan, p.kode_kabkota, p.blm_rp, p.jumlah_kk::bigint as jumlah_kk,
        p.blm_per_kk, s.median_kabkota, s.jumlah_sebaya::int as jumlah_sebaya,
        0.6745 * (p.blm_per_kk - s.median_kabkota) / nullif(m.mad, 0) as skor_z
    from per_kk as p
    join sebaya as s on s.kode_kabkota = p.kode_kabkota
    join sebaran as m on m.kode_kabkota = p.kode_kabkota
    left join wilayah as w on w.kode = p.kode_kelurahan
    where starts_with(p.kode_kelurahan, $wilayah)
)

select * from final
order by abs(skor_z) desc nulls last, kode_kelurahan
