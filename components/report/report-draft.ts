import type { BodySite, Condition, Side, Trigger } from "@/lib/domain/report-fields";
import type { Impact, Pattern, Relief } from "@/lib/domain/triage";
import {
  localInputToIso,
  toLocalInputValue,
  type RedFlagAnswer,
  type ReportField,
} from "@/lib/validations/report-limits";

/** The form's state: what the patient has picked so far, nothing parsed yet. */
export type ReportDraft = {
  /** The datetime-local value, "YYYY-MM-DDTHH:mm" in the browser's time zone. */
  startedLocal: string;
  /** Null until answered: whether it is still going decides triage, so it is never pre-filled. */
  ongoing: boolean | null;
  duration: string;
  painScore: number | null;
  /** Empty until answered; ["none"] is the explicit "none of these". */
  redFlags: RedFlagAnswer[];
  relief: Relief | null;
  pattern: Pattern | null;
  handImpact: Impact | null;
  walkingImpact: Impact | null;
  sites: { site: BodySite; side: Side | null }[];
  triggers: Trigger[];
  conditions: Condition[];
  notes: string;
};

/** `now` is null while the form renders on the server, which cannot know the browser's time zone. */
export function emptyDraft(now: Date | null, conditions: Condition[] = []): ReportDraft {
  return {
    startedLocal: now ? toLocalInputValue(now) : "",
    ongoing: null,
    duration: "",
    painScore: null,
    redFlags: [],
    relief: null,
    pattern: null,
    handImpact: null,
    walkingImpact: null,
    sites: [],
    triggers: [],
    conditions,
    notes: "",
  };
}

/** The draft as the shared schema's raw input: the same object the action rebuilds from FormData. */
export function draftToRaw(d: ReportDraft): Record<ReportField, unknown> {
  const duration = d.duration.trim();
  return {
    startedAt: localInputToIso(d.startedLocal),
    ongoing: d.ongoing,
    // An ongoing episode hides the duration field: what was typed before does not count.
    durationMinutes: d.ongoing === true || duration === "" ? null : Number(duration),
    painScore: d.painScore ?? undefined,
    redFlags: d.redFlags,
    relief: d.relief ?? undefined,
    pattern: d.pattern ?? undefined,
    handImpact: d.handImpact ?? undefined,
    walkingImpact: d.walkingImpact ?? undefined,
    sites: d.sites.map((s) => ({ site: s.site, side: s.side ?? "" })),
    triggers: d.triggers,
    conditions: d.conditions,
    notes: d.notes,
  };
}

/** The schema field each draft key feeds (a server error on that field is out of date once it changes). */
export const DRAFT_FIELD: Record<keyof ReportDraft, ReportField> = {
  startedLocal: "startedAt",
  ongoing: "ongoing",
  duration: "durationMinutes",
  painScore: "painScore",
  redFlags: "redFlags",
  relief: "relief",
  pattern: "pattern",
  handImpact: "handImpact",
  walkingImpact: "walkingImpact",
  sites: "sites",
  triggers: "triggers",
  conditions: "conditions",
  notes: "notes",
};
