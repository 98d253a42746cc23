import type { QueueQuery } from "@/lib/validations/queue";

/** The queue's URL for a set of filters; defaults stay out of the URL. */
export function queueHref(q: Partial<QueueQuery>): string {
  const params = new URLSearchParams();
  if (q.scope && q.scope !== "all") params.set("scope", q.scope);
  if (q.level) params.set("level", q.level);
  if (q.page && q.page > 1) params.set("page", String(q.page));
  const s = params.toString();
  return s ? `/doctor?${s}` : "/doctor";
}

export function queueApiUrl(q: QueueQuery): string {
  const params = new URLSearchParams({ scope: q.scope, page: String(q.page), pageSize: String(q.pageSize) });
  if (q.level) params.set("level", q.level);
  return `/api/doctor/queue?${params}`;
}
