import { sql, type SQL } from "drizzle-orm";

/**
 * The queue summary computed from scratch for every active patient that `where` selects (on `pp`, the patient's
 * profile): the worst unreviewed report (level, then more reasons, then newest), how many are unreviewed, the oldest
 * and newest of them and their distinct body sites. "Unreviewed" = active and created after the newest report that
 * a signed evaluation covers. One source for the per-patient refresh, the bulk fill and the consistency test.
 */
export function triageCaseSelect(where: SQL): SQL {
  return sql`
    select pp.user_id as patient_id, pp.assigned_doctor_id,
      w.level_rank, w.triage_level as level, w.triage_reasons as reasons,
      cardinality(w.triage_reasons) as reason_count, a.cnt::int as unreviewed_count,
      a.oldest as oldest_unreviewed_at, a.newest as newest_unreviewed_at, s.sites
    from patient_profiles pp
    join users u on u.id = pp.user_id and u.status = 'active' and u.role = 'patient'
    left join lateral (
      select max(cr.created_at) as at
      from evaluations e join spasm_reports cr on cr.id = e.covers_report_id
      where e.patient_id = pp.user_id and e.status = 'signed'
    ) c on true
    join lateral (
      select count(*) as cnt, min(r.created_at) as oldest, max(r.created_at) as newest
      from spasm_reports r
      where r.patient_id = pp.user_id and r.status = 'active' and (c.at is null or r.created_at > c.at)
    ) a on a.cnt > 0
    cross join lateral (
      select case r.triage_level when 'urgent' then 2 when 'soon' then 1 else 0 end as level_rank,
        r.triage_level, r.triage_reasons
      from spasm_reports r
      where r.patient_id = pp.user_id and r.status = 'active' and (c.at is null or r.created_at > c.at)
      order by 1 desc, cardinality(r.triage_reasons) desc, r.created_at desc, r.id
      limit 1
    ) w
    cross join lateral (
      select coalesce(array_agg(d.site::text order by d.site), '{}'::text[]) as sites
      from (
        select distinct rs.site
        from spasm_reports r join report_sites rs on rs.report_id = r.id
        where r.patient_id = pp.user_id and r.status = 'active' and (c.at is null or r.created_at > c.at)
      ) d
    ) s
    where ${where}`;
}

const COLUMNS = sql.raw(`patient_id, assigned_doctor_id, level_rank, level, reasons, reason_count,
  unreviewed_count, oldest_unreviewed_at, newest_unreviewed_at, sites`);

/** Upserts the computed rows (the caller deletes rows that should no longer exist). */
export function upsertTriageCases(where: SQL): SQL {
  return sql`
    insert into triage_cases (${COLUMNS})
    ${triageCaseSelect(where)}
    on conflict (patient_id) do update set
      assigned_doctor_id = excluded.assigned_doctor_id, level_rank = excluded.level_rank, level = excluded.level,
      reasons = excluded.reasons, reason_count = excluded.reason_count,
      unreviewed_count = excluded.unreviewed_count, oldest_unreviewed_at = excluded.oldest_unreviewed_at,
      newest_unreviewed_at = excluded.newest_unreviewed_at, sites = excluded.sites, updated_at = now()`;
}
