-- aset_per_jenis: tridaya assets by component, condition and handover status (count and value).
-- grain: jenis × kondisi × status_serah_terima
-- params: $wilayah (text prefix), $tahun_awal, $tahun_akhir (int, on tahun_bangun), $program (text[], empty = all; an asset counts for a programme when built in a kelurahan and year that programme ran)
-- columns: jenis, kondisi, status_serah_terima, jumlah_aset, nilai_rp (rupiah)
with lokasi as (
    select kode_kelurahan, tahun_mulai, coalesce(tahun_selesai, 9999) as tahun_selesai
    from lokasi_program
    where list_contains($program, program)
),

aset_dipilih as (
    select a.jenis, a.kondisi, a.status_serah_terima, a.nilai_rp
    from aset as a
    where starts_with(a.kode_kelurahan, $wilayah)
      and a.tahun_bangun between $tahun_awal and $tahun_akhir
      and (len($program) = 0 or exists (
          select 1 from lokasi as l
          where l.kode_kelurahan = a.kode_kelurahan and a.tahun_bangun between l.tahun_mulai and l.tahun_selesai))
),

final as (
    select jenis, kondisi, status_serah_terima,
        count(*)::int as jumlah_aset,
        sum(nilai_rp)::bigint as nilai_rp
    from aset_dipilih
    group by all
)

select * from final
order by jenis, kondisi, status_serah_terima
