-- profil_program: which programmes ran in one kelurahan, in which years, with which BKM, and in which years BLM reached it?
-- grain: one programme of one kelurahan (all years: the profile's identity, not filtered by the year or programme filter)
-- params: $kode (text, a full kelurahan code)
-- columns: program (text), tahun_mulai (int), tahun_selesai (int, empty = still running), jenis_lokasi (text), kode_bkm (text), nama_bkm (text), tahun_blm_awal (int), tahun_blm_akhir (int), tahun_blm (int, years with BLM), nilai_blm_rp (rupiah)
-- example: kode=13.72.01.1001
with lokasi as (
    select program, tahun_mulai, tahun_selesai, jenis_lokasi, kode_bkm, nama_bkm
    from lokasi_program
    where kode_kelurahan = $kode
),

pencairan as (
    select program, tahun, nilai_blm_rp
    from blm_pencairan
    where kode_kelurahan = $kode
),

blm_program as (
    select
        program,
        min(tahun) as tahun_blm_awal,
        max(tahun) as tahun_blm_akhir,
        count(distinct tahun) as tahun_blm,
        sum(nilai_blm_rp) as nilai_blm_rp
    from pencairan
    group by program
),

final as (
    select
        coalesce(l.program, b.program) as program,
        l.tahun_mulai::int as tahun_mulai,
        l.tahun_selesai::int as tahun_selesai,
        l.jenis_lokasi,
        l.kode_bkm,
        l.nama_bkm,
        b.tahun_blm_awal::int as tahun_blm_awal,
        b.tahun_blm_akhir::int as tahun_blm_akhir,
        coalesce(b.tahun_blm, 0)::int as tahun_blm,
        coalesce(b.nilai_blm_rp, 0)::bigint as nilai_blm_rp
    from lokasi as l
    full join blm_program as b on b.program = l.program
)

select * from final
order by coalesce(tahun_mulai, tahun_blm_awal), program
