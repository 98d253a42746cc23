import { describe, expect, it } from "vitest";
import { AUDIT_CSV_HEADER, auditCsvLine, csvCell } from "./admin-audit-csv";

describe("audit CSV", () => {
  it("quotes separators and quotes, and defuses spreadsheet formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
  });

  it("writes one line per row in the header's order", () => {
    const line = auditCsvLine({
      id: 1,
      at: new Date("2026-03-01T10:00:00Z"),
      actorName: "Ada, Admin",
      actorEmail: "ada@x.test",
      actorRole: "admin",
      action: "account.create",
      outcome: "success",
      patientName: null,
      entityType: "user",
      requestId: "req",
      ip: "203.0.113.1",
      userAgent: "UA",
    });
    expect(line.split(",").length).toBe(AUDIT_CSV_HEADER.split(",").length + 1); // the quoted comma
    expect(line).toBe(
      '2026-03-01T10:00:00.000Z,"Ada, Admin",ada@x.test,admin,account.create,user,,success,req,203.0.113.1,UA',
    );
  });
});
