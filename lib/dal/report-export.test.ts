import { describe, expect, it } from "vitest";
import { reportSites, spasmReports } from "@/lib/db/schema";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { CSV_COLUMN_KEYS, csvCell, exportOwnReportsCsv, localIso, toCsv } from "./report-export";

describe("CSV cells", () => {
  it.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=1+1", "'=1+1"],
    ["+33 6", "'+33 6"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ['=HYPERLINK("http://x","a")', `"'=HYPERLINK(""http://x"",""a"")"`],
  ])("%j → %s", (input, expected) => expect(csvCell(input)).toBe(expected));

  it("writes numbers, booleans and empty cells as they are, rows ending in CRLF", () => {
    expect(toCsv([["a", 1, true, null]])).toBe("a,1,true,\r\n");
  });
});

describe("local time with offset", () => {
  it.each([
    ["2026-01-15T13:05:09Z", "2026-01-15T14:05:09+01:00"], // winter
    ["2026-07-01T22:30:00Z", "2026-07-02T00:30:00+02:00"], // summer, past midnight in Paris
    ["2026-03-29T00:59:59Z", "2026-03-29T01:59:59+01:00"], // last second before the spring change
    ["2026-03-29T01:00:00Z", "2026-03-29T03:00:00+02:00"], // first second after it
    ["2026-10-25T00:30:00Z", "2026-10-25T02:30:00+02:00"], // the repeated hour, first time
    ["2026-10-25T01:30:00Z", "2026-10-25T02:30:00+01:00"], // and second time: the offset tells them apart
  ])("%s → %s", (utc, local) => expect(localIso(new Date(utc))).toBe(local));

  it("writes UTC as +00:00 and leaves a missing time empty", () => {
    expect(localIso(new Date("2026-01-15T13:05:09Z"), "UTC")).toBe("2026-01-15T13:05:09+00:00");
    expect(localIso(null)).toBeNull();
  });
});

describeDb("CSV export in the patient's language", ({ db }) => {
  async function seed() {
    const patient = await createUser(db(), { role: "patient" });
    const [r] = await db()
      .insert(spasmReports)
      .values({
        patientId: patient.id,
        startedAt: new Date("2026-07-01T22:30:00Z"),
        createdAt: new Date("2026-07-01T22:40:00Z"),
        ongoing: true,
        durationMinutes: null,
        painScore: 8,
        relief: "stretching_helped",
        pattern: "single_cramp",
        handImpact: "severe",
        walkingImpact: "none",
        triggers: ["heat_dehydration", "stress"],
        conditions: ["diabetes"],
        redFlags: ["numbness"],
        recentCount: 1,
        triageLevel: "urgent",
        triageReasons: ["RED_FLAG", "EXTREME_PAIN"],
        rulesVersion: 2,
      })
      .returning({ id: spasmReports.id });
    await db()
      .insert(reportSites)
      .values([
        { reportId: r.id, site: "calf", side: "left" },
        { reportId: r.id, site: "foot", side: "both" },
      ]);
    return { patient, reportId: r.id };
  }
  /** RFC 4180 reader for the test: quoted cells may hold commas, quotes and line breaks. */
  function parse(csv: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const c = csv[i];
      if (quoted) {
        if (c === '"' && csv[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") {
        row.push(cell);
        cell = "";
      } else if (c === "\r" && csv[i + 1] === "\n") {
        row.push(cell);
        rows.push(row);
        row = [];
        cell = "";
        i++;
      } else cell += c;
    }
    return rows;
  }

  it("French: headers, words for every code, yes/no, Paris time with its offset", async () => {
    const { patient, reportId } = await seed();
    const [header, row] = parse(await exportOwnReportsCsv({ ...patient, locale: "fr" }));
    expect(header).toHaveLength(CSV_COLUMN_KEYS.length);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(header[0]).toBe("Numéro du signalement");
    expect(cell("Numéro du signalement")).toBe(reportId);
    expect(cell("Début (heure de Paris)")).toBe("2026-07-02T00:30:00+02:00");
    expect(cell("Signalé le (heure de Paris)")).toBe("2026-07-02T00:40:00+02:00");
    expect(cell("Toujours en cours au signalement")).toBe("Oui");
    expect(cell("Priorité")).toBe("Urgent");
    expect(cell("Statut")).toBe("Actif");
    expect(cell("Douleur (0–10)")).toBe("8");
    expect(cell("Durée (minutes)")).toBe("");
    expect(cell("Localisation")).toBe("Mollet (Gauche); Pied et orteils (Des deux côtés)");
    expect(cell("Signes d’alerte")).toBe("Engourdissement ou fourmillements nouveaux");
  });

  it("English: the same report in English words; no raw code left in a translated column", async () => {
    const { patient } = await seed();
    const csv = await exportOwnReportsCsv({ ...patient, locale: "en" });
    const [header, row] = parse(csv);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(header).toContain("Reported (Paris time)");
    expect(cell("Started (Paris time)")).toBe("2026-07-02T00:30:00+02:00");
    expect(cell("Still going when reported")).toBe("Yes");
    expect(cell("Priority")).toBe("Urgent");
    expect(cell("Status")).toBe("Active");
    for (const code of [
      "stretching_helped",
      "single_cramp",
      "heat_dehydration",
      "RED_FLAG",
      "calf",
      "severe",
    ]) {
      expect(csv).not.toContain(code);
    }
  });
});
