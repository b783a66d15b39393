-- program_dataset: the programmes present in the active dataset, in historical order.
-- grain: one programme
-- params: none
-- columns: program (text), tahun_mulai (int), jumlah_kelurahan (int)
with final as (
    select program, min(tahun_mulai)::int as tahun_mulai, count(distinct kode_kelurahan)::int as jumlah_kelurahan
    from lokasi_program
    group by program
)

select * from final
order by tahun_mulai, program
