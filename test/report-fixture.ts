import type { Db } from "@/lib/db";
import { breakGlassGrants, reportSites, spasmReports, type NewSpasmReport } from "@/lib/db/schema";
import { refreshTriageCase } from "@/lib/dal/triage-cases";

let clock = Date.now() - 200 * 3_600_000;

/** Inserts a report as createReport stores it (then refreshes the queue summary, as the DAL does). */
export async function insertReport(
  db: Db,
  patientId: string,
  over: Partial<NewSpasmReport> = {},
  sites: { site: "calf" | "hand" | "thigh" | "neck"; side: "left" | "right" | "midline" }[] = [
    { site: "calf", side: "left" },
  ],
): Promise<string> {
  const at = new Date((clock += 60_000));
  const [r] = await db
    .insert(spasmReports)
    .values({
      patientId,
      startedAt: at,
      createdAt: at,
      ongoing: false,
      durationMinutes: 5,
      painScore: 3,
      relief: "stretching_helped",
      pattern: "single_cramp",
      handImpact: "none",
      walkingImpact: "none",
      recentCount: 1,
      triageLevel: "routine",
      triageReasons: [],
      rulesVersion: 2,
      ...over,
    })
    .returning({ id: spasmReports.id });
  if (sites.length) await db.insert(reportSites).values(sites.map((s) => ({ reportId: r.id, ...s })));
  await db.transaction((tx) => refreshTriageCase(tx, patientId));
  return r.id;
}

/** A live break-glass grant, as breakGlass would store it. */
export async function grantBreakGlass(db: Db, doctorId: string, patientId: string): Promise<void> {
  await db.insert(breakGlassGrants).values({
    doctorId,
    patientId,
    reason: "Covering for a colleague on leave",
    expiresAt: new Date(Date.now() + 3_600_000),
  });
}
