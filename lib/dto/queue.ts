// The doctor's triage queue as components see it (client-safe).
import type { TriageLevel, TriageReason } from "@/lib/domain/triage";

export const QUEUE_SCOPES = ["all", "mine", "unassigned"] as const;
export type QueueScope = (typeof QUEUE_SCOPES)[number];
export const QUEUE_PAGE_SIZE = 25;

export type QueueRow = {
  patientId: string;
  patientName: string;
  /** Whole years, null when the date of birth is unknown. */
  age: number | null;
  assignment: "mine" | "unassigned";
  level: TriageLevel;
  reasons: TriageReason[];
  sites: string[];
  unreviewedCount: number;
  oldestUnreviewedAt: string;
  newestUnreviewedAt: string;
};

export type QueueCounts = Record<TriageLevel, number>;

export type QueuePage = {
  rows: QueueRow[];
  /** Cases matching scope and level (what the pager pages through). */
  total: number;
  /** Cases per level in the chosen scope, whatever the level filter. */
  counts: QueueCounts;
  page: number;
  pageSize: number;
};
