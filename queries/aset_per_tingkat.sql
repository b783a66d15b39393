-- aset_per_tingkat: the tridaya asset register summed at three code lengths in one pass (the selection, one level down, kelurahan): count, value, years built, condition, maintainer and handover status.
-- grain: panjang × wilayah (the first panjang characters of kode_kelurahan, for panjang in $panjang, $panjang_bawah and 13)
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int, on tahun_bangun), $program (text[], empty = all; an asset counts for a programme when built in a kelurahan and year that programme ran), $panjang, $panjang_bawah (int)
-- columns: panjang, kode, nama, jumlah_aset, nilai_rp (rupiah), tahun_bangun_min, tahun_bangun_maks, jumlah_baik, jumlah_rusak_ringan, jumlah_rusak_berat, jumlah_ada_pengelola, jumlah_belum, jumlah_proses, jumlah_selesai, nilai_belum_rp, nilai_proses_rp, nilai_selesai_rp (rupiah), jumlah_rusak_berat_tanpa_pengelola, nilai_rusak_berat_tanpa_pengelola_rp (rupiah)
-- example: panjang=0; panjang_bawah=5
with lokasi as (
    select kode_kelurahan, tahun_mulai, coalesce(tahun_selesai, 9999) as tahun_selesai
    from lokasi_program
    where list_contains($program, program)
),

aset_dipilih as (
    select a.kode_kelurahan, a.kondisi, a.status_serah_terima, a.nilai_rp, a.tahun_bangun,
        coalesce(trim(a.pengelola), '') <> '' as ada_pengelola
    from aset as a
    where starts_with(a.kode_kelurahan, $wilayah)
      and a.tahun_bangun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or exists (
          select 1 from lokasi as l
          where l.kode_kelurahan = a.kode_kelurahan and a.tahun_bangun between l.tahun_mulai and l.tahun_selesai))
),

per_kelurahan as (
    select kode_kelurahan,
        count(*) as jumlah_aset,
        sum(nilai_rp) as nilai_rp,
        min(tahun_bangun) as tahun_bangun_min,
        max(tahun_bangun) as tahun_bangun_maks,
        count(*) filter (where kondisi = 'baik') as jumlah_baik,
        count(*) filter (where kondisi = 'rusak_ringan') as jumlah_rusak_ringan,
        count(*) filter (where kondisi = 'rusak_berat') as jumlah_rusak_berat,
        count(*) filter (where ada_pengelola) as jumlah_ada_pengelola,
        count(*) filter (where status_serah_terima = 'belum') as jumlah_belum,
        count(*) filter (where status_serah_terima = 'proses') as jumlah_proses,
        count(*) filter (where status_serah_terima = 'selesai') as jumlah_selesai,
        coalesce(sum(nilai_rp) filter (where status_serah_terima = 'belum'), 0) as nilai_belum_rp,
        coalesce(sum(nilai_rp) filter (where status_serah_terima = 'proses'), 0) as nilai_proses_rp,
        coalesce(sum(nilai_rp) filter (where status_serah_terima = 'selesai'), 0) as nilai_selesai_rp,
        count(*) filter (where kondisi = 'rusak_berat' and not ada_pengelola) as jumlah_rusak_berat_tanpa_pengelola,
        coalesce(sum(nilai_rp) filter (where kondisi = 'rusak_berat' and not ada_pengelola), 0)
            as nilai_rusak_berat_tanpa_pengelola_rp
    from aset_dipilih
    group by kode_kelurahan
),

panjang as (
    select distinct unnest([$panjang::int, $panjang_bawah::int, 13]) as panjang
),

per_tingkat as (
    select n.panjang, left(k.kode_kelurahan, n.panjang) as kode,
        sum(k.jumlah_aset)::int as jumlah_aset,
        sum(k.nilai_rp)::bigint as nilai_rp,
        min(k.tahun_bangun_min)::int as tahun_bangun_min,
        max(k.tahun_bangun_maks)::int as tahun_bangun_maks,
        sum(k.jumlah_baik)::int as jumlah_baik,
        sum(k.jumlah_rusak_ringan)::int as jumlah_rusak_ringan,
        sum(k.jumlah_rusak_berat)::int as jumlah_rusak_berat,
        sum(k.jumlah_ada_pengelola)::int as jumlah_ada_pengelola,
        sum(k.jumlah_belum)::int as jumlah_belum,
        sum(k.jumlah_proses)::int as jumlah_proses,
        sum(k.jumlah_selesai)::int as jumlah_selesai,
        sum(k.nilai_belum_rp)::bigint as nilai_belum_rp,
        sum(k.nilai_proses_rp)::bigint as nilai_proses_rp,
        sum(k.nilai_selesai_rp)::bigint as nilai_selesai_rp,
        sum(k.jumlah_rusak_berat_tanpa_pengelola)::int as jumlah_rusak_berat_tanpa_pengelola,
        sum(k.nilai_rusak_berat_tanpa_pengelola_rp)::bigint as nilai_rusak_berat_tanpa_pengelola_rp
    from per_kelurahan as k
    cross join panjang as n
    group by n.panjang, left(k.kode_kelurahan, n.panjang)
),

final as (
    select p.panjang, p.kode, w.nama, p.* exclude (panjang, kode)
    from per_tingkat as p
    left join wilayah as w on w.kode = p.kode
)

select * from final
order by panjang, kode
