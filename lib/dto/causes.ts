// Suspected causes as a clinician sees them (client-safe types: no server imports).
import type { CauseFact, WorkUpCode } from "@/lib/domain/causes";
import type { CauseStatus, RecordedCause } from "@/lib/domain/cause-records";
import type { SeriousCondition } from "@/lib/domain/triage";

export type CauseChange = { status: CauseStatus; note: string | null; actorName: string; at: string };

/** A cause the doctor has decided on (what the plan editor links items and referrals to). */
export type SuspectedCauseRef = {
  id: string;
  cause: RecordedCause;
  label: string | null;
  status: CauseStatus;
};

export type RecordedCauseDetail = SuspectedCauseRef & {
  note: string | null;
  updatedByName: string | null;
  updatedAt: string;
  history: CauseChange[];
};

export type CauseSuggestionView = {
  cause: Exclude<RecordedCause, "other">;
  facts: CauseFact[];
  workUp: WorkUpCode[];
  suggestNeurologyReferral: boolean;
  suggestUrgentReview: boolean;
  seriousConditions: SeriousCondition[];
  /** How many of the reports considered support it. */
  reportCount: number;
  recorded: RecordedCauseDetail | null;
};

export type CauseBoard = {
  /** Which reports the suggestions come from: the unreviewed ones, or the newest when all are reviewed. */
  basis: {
    kind: "unreviewed" | "newest" | "none";
    reportCount: number;
    from: string | null;
    to: string | null;
  };
  suggestions: CauseSuggestionView[];
  /** Recorded causes the software does not suggest now (added by a doctor, or suggested earlier). */
  others: RecordedCauseDetail[];
};
