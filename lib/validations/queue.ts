import { z } from "zod";
import { QUEUE_PAGE_SIZE, QUEUE_SCOPES } from "@/lib/dto/queue";
import { TRIAGE_LEVELS } from "@/lib/domain/triage";

/** Queue filters as they live in the URL; anything unreadable falls back to the default instead of failing. */
export const queueQuerySchema = z.object({
  scope: z.enum(QUEUE_SCOPES).catch("all"),
  level: z.enum(TRIAGE_LEVELS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  pageSize: z.coerce.number().int().min(5).max(100).catch(QUEUE_PAGE_SIZE),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export function parseQueueQuery(params: Record<string, string | string[] | undefined>): QueueQuery {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return queueQuerySchema.parse({
    scope: one(params.scope) ?? "all",
    level: one(params.level) || undefined,
    page: one(params.page) ?? 1,
    pageSize: one(params.pageSize) ?? QUEUE_PAGE_SIZE,
  });
}
