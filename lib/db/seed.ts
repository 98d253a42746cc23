import { sql } from "drizzle-orm";
import { hashPassword } from "../auth/password";
import type { BodySite, Condition, Side, Trigger } from "../domain/report-fields";
import { countRecent, triageReport, type RedFlag, type TriageInput } from "../domain/triage";
import type { Db } from "./index";
import { recentEpisodeStarts } from "./report-queries";
import { seedDemoClinical } from "./seed-clinical";
import { upsertTriageCases } from "./triage-case-sql";
import { clinicSettings, patientProfiles, reportSites, spasmReports, users } from "./schema";

export const DEMO_PASSWORD = "SpasmCare-demo-2026";

type DemoReport = Omit<TriageInput, "conditions" | "recentCount" | "redFlags"> & {
  /** Red flags ticked on the report; none when omitted. */
  redFlags?: RedFlag[];
  daysAgo: number;
  hour: number;
  sites: { site: BodySite; side: Side }[];
  triggers: Trigger[];
  notes?: string;
};

type DemoPatient = {
  email: string;
  name: string;
  locale: "fr" | "en";
  dateOfBirth: string;
  sex: "female" | "male" | "other" | "undisclosed";
  conditions: Condition[];
  medicines: string[];
  doctor: 0 | 1 | null;
  reports: DemoReport[];
};

const calm = {
  ongoing: false,
  relief: "stretching_helped",
  pattern: "single_cramp",
  handImpact: "none",
  walkingImpact: "none",
} as const;

const PATIENTS: DemoPatient[] = [
  {
    email: "camille.bernard@demo.spasmcare.test",
    name: "Camille Bernard",
    locale: "fr",
    dateOfBirth: "1988-04-12",
    sex: "female",
    conditions: [],
    medicines: [],
    doctor: 0,
    reports: [
      {
        ...calm,
        daysAgo: 20,
        hour: 22,
        painScore: 3,
        durationMinutes: 2,
        sites: [{ site: "calf", side: "left" }],
        triggers: ["exercise_fatigue"],
      },
      {
        ...calm,
        daysAgo: 6,
        hour: 23,
        painScore: 2,
        durationMinutes: 1,
        sites: [{ site: "calf", side: "left" }],
        triggers: ["exercise_fatigue"],
      },
    ],
  },
  {
    email: "lucas.petit@demo.spasmcare.test",
    name: "Lucas Petit",
    locale: "fr",
    dateOfBirth: "1975-09-30",
    sex: "male",
    conditions: ["diabetes"],
    medicines: ["diuretic"],
    doctor: 0,
    reports: [
      {
        ...calm,
        daysAgo: 25,
        hour: 14,
        painScore: 5,
        durationMinutes: 20,
        relief: "massage_helped",
        sites: [{ site: "thigh", side: "right" }],
        triggers: ["heat_dehydration"],
      },
      {
        ...calm,
        daysAgo: 12,
        hour: 15,
        painScore: 6,
        durationMinutes: 10,
        sites: [{ site: "foot", side: "right" }],
        triggers: ["heat_dehydration"],
      },
      {
        ...calm,
        daysAgo: 3,
        hour: 16,
        painScore: 6,
        durationMinutes: 25,
        relief: "nothing_helped",
        walkingImpact: "moderate",
        sites: [{ site: "calf", side: "both" }],
        triggers: ["heat_dehydration", "exercise_fatigue"],
      },
    ],
  },
  {
    email: "emma.moreau@demo.spasmcare.test",
    name: "Emma Moreau",
    locale: "en",
    dateOfBirth: "1969-01-22",
    sex: "female",
    conditions: ["degenerative_neuro"],
    medicines: [],
    doctor: 0,
    reports: [
      {
        ...calm,
        daysAgo: 18,
        hour: 9,
        painScore: 4,
        durationMinutes: 30,
        pattern: "repeated_twitching",
        relief: "nothing_helped",
        handImpact: "moderate",
        sites: [
          { site: "hand", side: "right" },
          { site: "forearm", side: "right" },
        ],
        triggers: ["unknown"],
      },
      {
        ...calm,
        daysAgo: 2,
        hour: 11,
        painScore: 7,
        durationMinutes: null,
        ongoing: true,
        pattern: "repeated_twitching",
        relief: "nothing_helped",
        handImpact: "severe",
        sites: [{ site: "hand", side: "right" }],
        triggers: ["stress"],
        redFlags: ["new_weakness"],
        notes: "Cannot hold a cup since this morning.",
      },
    ],
  },
  {
    email: "hugo.laurent@demo.spasmcare.test",
    name: "Hugo Laurent",
    locale: "fr",
    dateOfBirth: "1992-06-03",
    sex: "male",
    conditions: [],
    medicines: ["statin"],
    doctor: 1,
    reports: [
      {
        ...calm,
        daysAgo: 9,
        hour: 7,
        painScore: 8,
        durationMinutes: 5,
        relief: "stretching_helped",
        sites: [{ site: "lower_back", side: "midline" }],
        triggers: ["new_medicine"],
      },
    ],
  },
  {
    email: "lea.simon@demo.spasmcare.test",
    name: "Léa Simon",
    locale: "fr",
    dateOfBirth: "2001-11-17",
    sex: "female",
    conditions: ["pregnancy"],
    medicines: [],
    doctor: 1,
    reports: [
      {
        ...calm,
        daysAgo: 27,
        hour: 2,
        painScore: 5,
        durationMinutes: 3,
        sites: [{ site: "calf", side: "right" }],
        triggers: ["unknown"],
      },
      {
        ...calm,
        daysAgo: 15,
        hour: 3,
        painScore: 5,
        durationMinutes: 4,
        sites: [{ site: "calf", side: "right" }],
        triggers: ["unknown"],
      },
      {
        ...calm,
        daysAgo: 4,
        hour: 3,
        painScore: 4,
        durationMinutes: 6,
        sites: [{ site: "calf", side: "left" }],
        triggers: ["unknown"],
      },
    ],
  },
  {
    email: "noah.michel@demo.spasmcare.test",
    name: "Noah Michel",
    locale: "fr",
    dateOfBirth: "1958-02-08",
    sex: "male",
    conditions: ["spinal_cord_injury"],
    medicines: [],
    doctor: 1,
    reports: [
      {
        ...calm,
        daysAgo: 21,
        hour: 18,
        painScore: 6,
        durationMinutes: 40,
        pattern: "repeated_twitching",
        relief: "not_tried",
        walkingImpact: "severe",
        sites: [{ site: "thigh", side: "both" }],
        triggers: ["unknown"],
      },
    ],
  },
  {
    email: "chloe.garcia@demo.spasmcare.test",
    name: "Chloé Garcia",
    locale: "fr",
    dateOfBirth: "1983-07-25",
    sex: "female",
    conditions: [],
    medicines: [],
    doctor: null,
    reports: [
      {
        ...calm,
        daysAgo: 1,
        hour: 20,
        painScore: 2,
        durationMinutes: 1,
        sites: [{ site: "eyelid", side: "left" }],
        triggers: ["stress"],
      },
    ],
  },
  {
    email: "jules.roux@demo.spasmcare.test",
    name: "Jules Roux",
    locale: "en",
    dateOfBirth: "1979-03-14",
    sex: "undisclosed",
    conditions: ["thyroid_disease"],
    medicines: [],
    doctor: null,
    reports: [
      {
        ...calm,
        daysAgo: 10,
        hour: 13,
        painScore: 3,
        durationMinutes: 16,
        relief: "not_tried",
        handImpact: "mild",
        sites: [{ site: "neck", side: "midline" }],
        triggers: ["stress"],
      },
      {
        ...calm,
        daysAgo: 5,
        hour: 13,
        painScore: 4,
        durationMinutes: 8,
        relief: "massage_helped",
        sites: [{ site: "shoulder", side: "left" }],
        triggers: ["injury"],
      },
    ],
  },
];

const STAFF = [
  { email: "admin@demo.spasmcare.test", name: "Sophie Admin", role: "admin", locale: "fr" },
  { email: "dr.martin@demo.spasmcare.test", name: "Dr Claire Martin", role: "doctor", locale: "fr" },
  { email: "dr.dubois@demo.spasmcare.test", name: "Dr Antoine Dubois", role: "doctor", locale: "en" },
] as const;

function startOf(daysAgo: number, hour: number, now: Date): Date {
  const d = new Date(now.getTime() - daysAgo * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
}

/** Inserts one report triaged by the real rules, recentCount counted from the patient's earlier reports. */
async function insertTriagedReport(
  db: Db,
  patientId: string,
  conditions: string[],
  r: DemoReport,
  now: Date,
) {
  const startedAt = startOf(r.daysAgo, r.hour, now);
  const recentCount = countRecent(startedAt, await recentEpisodeStarts(db, patientId, startedAt));
  const redFlags = r.redFlags ?? [];
  const triage = triageReport({ ...r, conditions, recentCount, redFlags });
  const [report] = await db
    .insert(spasmReports)
    .values({
      patientId,
      startedAt,
      ongoing: r.ongoing,
      durationMinutes: r.durationMinutes,
      painScore: r.painScore,
      relief: r.relief,
      pattern: r.pattern,
      handImpact: r.handImpact,
      walkingImpact: r.walkingImpact,
      triggers: r.triggers,
      conditions,
      notes: r.notes ?? null,
      redFlags,
      recentCount,
      triageLevel: triage.level,
      triageReasons: triage.reasons,
      rulesVersion: triage.rulesVersion,
      createdAt: new Date(startedAt.getTime() + 30 * 60_000),
    })
    .returning({ id: spasmReports.id });
  await db.insert(reportSites).values(r.sites.map((s) => ({ reportId: report.id, ...s })));
}

/** The demo clinic: 1 admin, 2 doctors, 8 patients with a few weeks of reports at every triage level. */
export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    // The demo clinic does not require staff MFA, so a newcomer can try the doctor and admin accounts at once
    // (a real clinic's default is on: clinic_settings.require_staff_mfa; README "Two-step verification").
    await tx
      .insert(clinicSettings)
      .values({ id: 1, selfRegistration: true, requireStaffMfa: false })
      .onConflictDoNothing();
    const staff = await tx
      .insert(users)
      .values(STAFF.map((s) => ({ ...s, passwordHash })))
      .returning({ id: users.id, role: users.role });
    const doctors = staff.filter((s) => s.role === "doctor").map((s) => s.id);
    const patientIds = new Map<string, string>();
    for (const p of PATIENTS) {
      const [user] = await tx
        .insert(users)
        .values({ email: p.email, name: p.name, role: "patient", locale: p.locale, passwordHash })
        .returning({ id: users.id });
      patientIds.set(p.email, user.id);
      await tx.insert(patientProfiles).values({
        userId: user.id,
        dateOfBirth: p.dateOfBirth,
        sex: p.sex,
        conditions: p.conditions,
        medicines: p.medicines,
        assignedDoctorId: p.doctor === null ? null : doctors[p.doctor],
      });
      const ordered = [...p.reports].sort((a, b) => b.daysAgo - a.daysAgo);
      for (const r of ordered) await insertTriagedReport(tx, user.id, p.conditions, r, now);
    }
    await seedDemoClinical(tx, { patients: patientIds, martin: doctors[0], dubois: doctors[1], now });
    // The doctor's queue reads its summary table: fill it for the whole demo clinic.
    await tx.execute(upsertTriageCases(sql`true`));
  });
}

/** Seeds the demo clinic only into an empty database (first start of the embedded dev database). */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if (count > 0) return false;
  await seedDemo(db);
  return true;
}

export const DEMO_ACCOUNTS = {
  admin: STAFF[0].email,
  doctors: [STAFF[1].email, STAFF[2].email],
  patients: PATIENTS.map((p) => p.email),
};
