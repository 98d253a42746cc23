// Treatment plans as the clinician sees them (client-safe: no server imports).
import type { SuspectedCauseRef } from "@/lib/dto/causes";
import type {
  InjectionGuidance,
  InjectionStatus,
  MedicationRoute,
  PlanItemKind,
  PlanStatus,
  ReferralStatus,
  ReferralUrgency,
} from "@/lib/domain/plans";
import type { LimbSide } from "@/lib/domain/evaluation";

export type PlanInjectionView = {
  id: string;
  product: string;
  totalUnits: number | null;
  dilution: string | null;
  guidance: InjectionGuidance | null;
  lot: string | null;
  scheduledOn: string;
  status: InjectionStatus;
  givenAt: string | null;
  nextReviewOn: string | null;
  unitsNote: string | null;
  sites: { muscle: string; side: LimbSide; units: number }[];
};

export type PlanReferralView = {
  id: string;
  urgency: ReferralUrgency;
  reason: string;
  suspectedCauseId: string | null;
  status: ReferralStatus;
  requestedAt: string | null;
  sentAt: string | null;
  scheduledFor: string | null;
  seenAt: string | null;
  declinedAt: string | null;
};

export type PlanItemView = {
  id: string;
  kind: PlanItemKind;
  position: number;
  instructions: string;
  medicationName: string | null;
  dose: string | null;
  route: MedicationRoute | null;
  schedule: string | null;
  startOn: string | null;
  stopOn: string | null;
  followUpOn: string | null;
  suspectedCauseId: string | null;
  injection: PlanInjectionView | null;
  referral: PlanReferralView | null;
};

export type PlanDetail = {
  id: string;
  version: number;
  status: PlanStatus;
  summary: string;
  internalNotes: string | null;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  supersedesId: string | null;
  items: PlanItemView[];
};

export type PlanVersionDetail = PlanDetail & { causes: SuspectedCauseRef[] };

export type PlanVersionSummary = {
  id: string;
  version: number;
  status: PlanStatus;
  authorName: string;
  createdAt: string;
  publishedAt: string | null;
  itemCount: number;
};

/** Everything the plan page needs in one read. */
export type PlanWorkspace = {
  patientId: string;
  /** The language the patient reads the summary in (users.locale). */
  patientLocale: "fr" | "en";
  published: PlanDetail | null;
  draft: PlanDetail | null;
  versions: PlanVersionSummary[];
  causes: SuspectedCauseRef[];
  /** The patient's most recent given injection (yyyy-mm-dd), for the 12-week warning. */
  lastInjectionOn: string | null;
};

export type SavePlanResult = { planId: string; version: number };
export type PublishPlanResult = {
  planId: string;
  version: number;
  /** What happened to the injections and referrals of the plan it replaces. */
  carried: { repointed: number; cancelled: number; declined: number; created: number };
};
