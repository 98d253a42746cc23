// What a clinician sees of a case (client-safe types).
import type { AccessBasis } from "@/lib/dto/access";
import type { TriageLevel, TriageReason } from "@/lib/domain/triage";

export type CaseHeader = {
  patientId: string;
  name: string;
  age: number | null;
  dateOfBirth: string | null;
  sex: string | null;
  conditions: string[];
  conditionsOther: string | null;
  medicines: string[];
  medicinesOther: string | null;
  /** E.164 numbers from the patient's profile, so the clinic can call back an urgent patient. */
  phone: string | null;
  emergencyContactName: string | null;
  emergencyContactRelation: string | null;
  emergencyContactPhone: string | null;
  locale: "fr" | "en";
  status: "active" | "disabled";
  assignedDoctor: { id: string; name: string } | null;
  /** The case's current triage (worst unreviewed report), null when every report is reviewed. */
  triage: { level: TriageLevel; reasons: TriageReason[]; unreviewedCount: number; since: string } | null;
  /** Red flags ticked on unreviewed reports, spelled out at the top of the case. */
  redFlags: string[];
  access: { basis: AccessBasis; grantReason: string | null; grantExpiresAt: string | null };
};

export type TimelineReport = {
  id: string;
  createdAt: string;
  startedAt: string;
  ongoing: boolean;
  durationMinutes: number | null;
  painScore: number;
  relief: string;
  pattern: string;
  handImpact: string;
  walkingImpact: string;
  triggers: string[];
  conditions: string[];
  redFlags: string[];
  notes: string | null;
  sites: { site: string; side: string }[];
  level: TriageLevel;
  reasons: TriageReason[];
  rulesVersion: number;
  status: "active" | "withdrawn";
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
};

export type TimelinePage = { items: TimelineReport[]; nextCursor: string | null };

export type CaseTrendWeek = {
  weekStart: string;
  episodes: number;
  avgPain: number | null;
  maxPain: number | null;
};

export type PatientSearchResult = {
  id: string;
  name: string;
  age: number | null;
  assignedDoctorName: string | null;
  assignment: "mine" | "unassigned" | "other";
};
