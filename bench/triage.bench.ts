import { bench, describe } from "vitest";
import { countRecent, triageReport, type TriageInput } from "@/lib/domain/triage";

// Baseline: building the same inputs without triaging them, so the ratio is the cost of the rules alone.
const inputs: TriageInput[] = Array.from({ length: 1000 }, (_, i) => ({
  painScore: i % 11,
  ongoing: i % 7 === 0,
  durationMinutes: i % 7 === 0 ? null : (i % 40) + 1,
  relief: (["stretching_helped", "massage_helped", "nothing_helped", "not_tried"] as const)[i % 4],
  pattern: (["single_cramp", "repeated_twitching", "unsure"] as const)[i % 3],
  handImpact: (["none", "mild", "moderate", "severe"] as const)[i % 4],
  walkingImpact: (["none", "mild", "moderate", "severe"] as const)[(i >> 2) % 4],
  conditions: i % 13 === 0 ? ["spinal_cord_injury"] : ["diabetes"],
  recentCount: (i % 4) + 1,
  redFlags: i % 17 === 0 ? ["numbness"] : [],
}));
const start = new Date("2026-06-01T12:00:00Z");
const earlier = Array.from({ length: 200 }, (_, i) => new Date(start.getTime() - i * 6 * 3_600_000));

describe("triage: 1000 reports", () => {
  bench("baseline: copy inputs", () => {
    let n = 0;
    for (const input of inputs) n += { ...input }.painScore;
    if (n < 0) throw new Error("unreachable");
  });
  bench("triageReport", () => {
    let n = 0;
    for (const input of inputs) n += triageReport(input).reasons.length;
    if (n < 0) throw new Error("unreachable");
  });
});

describe("recentCount over 200 earlier episodes", () => {
  bench("baseline: scan dates", () => {
    let n = 0;
    for (const d of earlier) n += d.getTime() > 0 ? 1 : 0;
    if (n < 0) throw new Error("unreachable");
  });
  bench("countRecent", () => {
    countRecent(start, earlier);
  });
});
