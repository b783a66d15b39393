-- aset_serah_terima_tahunan: how the value built and the value handed over to the Pemda grew, year by year.
-- grain: tahun (from the first year built to the last year built or handed over)
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int, on tahun_bangun), $program (text[], empty = all; an asset counts for a programme when built in a kelurahan and year that programme ran)
-- columns: tahun, jumlah_dibangun, nilai_dibangun_rp (rupiah, cumulative), jumlah_diserahkan, nilai_diserahkan_rp (rupiah, cumulative; handover complete by that year), nilai_selesai_tanpa_tahun_rp (rupiah; complete but with no handover year, left out of the cumulative)
with lokasi as (
    select kode_kelurahan, tahun_mulai, coalesce(tahun_selesai, 9999) as tahun_selesai
    from lokasi_program
    where list_contains($program, program)
),

aset_dipilih as (
    select a.tahun_bangun, a.nilai_rp,
        case when a.status_serah_terima = 'selesai' then a.tahun_serah_terima end as tahun_serah_terima,
        a.status_serah_terima = 'selesai' and a.tahun_serah_terima is null as selesai_tanpa_tahun
    from aset as a
    where starts_with(a.kode_kelurahan, $wilayah)
      and a.tahun_bangun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or exists (
          select 1 from lokasi as l
          where l.kode_kelurahan = a.kode_kelurahan and a.tahun_bangun between l.tahun_mulai and l.tahun_selesai))
),

rentang as (
    select least(min(tahun_bangun), coalesce(min(tahun_serah_terima), 9999)) as awal,
        greatest(max(tahun_bangun), coalesce(max(tahun_serah_terima), 0)) as akhir
    from aset_dipilih
),

tahun as (
    select unnest(range(awal, akhir + 1)) as tahun
    from rentang
    where awal is not null
),

dibangun as (
    select tahun_bangun as tahun, count(*) as jumlah, sum(nilai_rp) as nilai
    from aset_dipilih
    group by all
),

diserahkan as (
    select tahun_serah_terima as tahun, count(*) as jumlah, sum(nilai_rp) as nilai
    from aset_dipilih
    where tahun_serah_terima is not null
    group by all
),

kumulatif as (
    select t.tahun,
        sum(coalesce(b.jumlah, 0)) over urut as jumlah_dibangun,
        sum(coalesce(b.nilai, 0)) over urut as nilai_dibangun_rp,
        sum(coalesce(s.jumlah, 0)) over urut as jumlah_diserahkan,
        sum(coalesce(s.nilai, 0)) over urut as nilai_diserahkan_rp
    from tahun as t
    left join dibangun as b on b.tahun = t.tahun
    left join diserahkan as s on s.tahun = t.tahun
    window urut as (order by t.tahun)
),

tanpa_tahun as (
    select coalesce(sum(nilai_rp) filter (where selesai_tanpa_tahun), 0)::bigint as nilai_selesai_tanpa_tahun_rp
    from aset_dipilih
),

final as (
    select k.tahun::int as tahun, k.jumlah_dibangun::int as jumlah_dibangun,
        k.nilai_dibangun_rp::bigint as nilai_dibangun_rp, k.jumlah_diserahkan::int as jumlah_diserahkan,
        k.nilai_diserahkan_rp::bigint as nilai_diserahkan_rp, tt.nilai_selesai_tanpa_tahun_rp
    from kumulatif as k
    cross join tanpa_tahun as tt
)

select * from final
order by tahun
