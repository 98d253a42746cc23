import { describe, expect, it } from "vitest";
import { parseHistoryParams, parseTrendsParams, withdrawReportSchema } from "./history";

describe("history URL parameters", () => {
  it("keeps valid values", () => {
    expect(parseHistoryParams({ page: "3", level: "urgent", site: "calf" })).toEqual({
      page: 3,
      level: "urgent",
      site: "calf",
    });
  });

  it.each([
    [{}, { page: 1 }],
    [{ page: "abc" }, { page: 1 }],
    [{ page: "0" }, { page: 1 }],
    [{ page: "-2" }, { page: 1 }],
    [{ page: "2.5" }, { page: 1 }],
    [{ page: "1e9" }, { page: 1 }],
    [{ page: ["4", "5"] }, { page: 4 }],
    [{ level: "critical" }, { page: 1 }],
    [{ site: "elbow'; drop table" }, { page: 1 }],
    [{ level: ["soon", "urgent"] }, { page: 1, level: "soon" }],
  ])("falls back to defaults for %j", (input, expected) => {
    expect(parseHistoryParams(input)).toEqual(expected);
  });

  it("defaults the trends period to 12 weeks and refuses periods outside 4..52", () => {
    expect(parseTrendsParams({})).toEqual({ weeks: 12 });
    expect(parseTrendsParams({ weeks: "26", site: "hand" })).toEqual({ weeks: 26, site: "hand" });
    expect(parseTrendsParams({ weeks: "3" })).toEqual({ weeks: 12 });
    expect(parseTrendsParams({ weeks: "53" })).toEqual({ weeks: 12 });
    expect(parseTrendsParams({ weeks: "many", site: "nose" })).toEqual({ weeks: 12 });
  });
});

describe("withdraw reason", () => {
  const id = "7d1f8a8e-8a0c-4c0a-9d55-2f7f3c1b2a10";
  it.each([
    [undefined, "required"],
    ["   ", "required"],
    ["ab", "reason_too_short"],
    [" ab ", "reason_too_short"],
    ["x".repeat(501), "too_long"],
  ])("refuses %j with %s", (reason, code) => {
    const result = withdrawReportSchema.safeParse({ reportId: id, reason });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(code);
  });

  it("trims an accepted reason and requires a uuid", () => {
    expect(withdrawReportSchema.parse({ reportId: id, reason: "  twice  " }).reason).toBe("twice");
    expect(withdrawReportSchema.safeParse({ reportId: "42", reason: "twice" }).success).toBe(false);
  });
});
