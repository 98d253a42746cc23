// What a clinician sees of evaluations (client-safe types: no server imports).
import type { EvaluationStatus, LimbSide, WorkUpTest } from "@/lib/domain/evaluation";
import type { MasValue } from "@/lib/domain/scales";
import type { TriageLevel } from "@/lib/domain/triage";

export type MasRow = { muscleGroup: string; side: LimbSide; score: MasValue };

export type EvaluationSummary = {
  id: string;
  version: number;
  status: EvaluationStatus;
  doctorId: string;
  doctorName: string;
  createdAt: string;
  updatedAt: string;
  signedAt: string | null;
  /** The signed evaluation this version amends, and the version that amends this one. */
  amendsId: string | null;
  amendedById: string | null;
  psfsFrequency: number | null;
  psfsSeverity: number | null;
  masCount: number;
  coversReportAt: string | null;
};

export type CoveredReport = { id: string; createdAt: string; level: TriageLevel };

export type EvaluationDetail = EvaluationSummary & {
  examNotes: string | null;
  workUpOrdered: WorkUpTest[];
  workUpNotes: string | null;
  mas: MasRow[];
  coversReport: CoveredReport | null;
  amendsVersion: number | null;
  amendedByVersion: number | null;
  /** The viewer wrote this draft and may still change it. */
  editable: boolean;
  /** Signed and not yet amended: the viewer may amend it. */
  amendable: boolean;
};

/** What the editor needs: the draft (if any) and the newest active report, which signing will cover. */
export type EvaluationEditor = {
  draft: EvaluationDetail | null;
  newestReport: CoveredReport | null;
  /** Active reports not yet covered by any signed evaluation. */
  unreviewedCount: number;
};

export type SignEvaluationResult = {
  id: string;
  /** Active reports newer than the one covered: the case stays on the queue for them. */
  newerReports: number;
};
