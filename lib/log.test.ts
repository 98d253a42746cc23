import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { carriesQuery, describeError, logError, scrubConsoleErrors } from "./log";

const PHI = "took baclofen after a fall, born 1954-03-02";

function failedQuery() {
  const pgError = Object.assign(new Error(`invalid byte sequence: ${PHI}`), {
    name: "PostgresError",
    code: "22021",
  });
  return new DrizzleQueryError("insert into reports (notes) values ($1)", [PHI], pgError);
}

describe("PHI-free error logging", () => {
  afterEach(() => vi.restoreAllMocks());

  it("describes an error by names and codes only, down its causes", () => {
    expect(describeError(failedQuery())).toBe("Error ← PostgresError (22021)");
    expect(describeError("a string with data")).toBe("string");
  });

  it("logError prints one JSON line with the request id and none of the query's parameters", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    logError("createReport", failedQuery(), "req-1");
    const line = String(spy.mock.calls[0][0]);
    expect(JSON.parse(line)).toMatchObject({ where: "createReport", requestId: "req-1", level: "error" });
    expect(line).not.toContain("baclofen");
    expect(line).not.toContain("1954");
  });

  it("errors logged by the framework itself are scrubbed when they carry a query, kept otherwise", () => {
    const printed: unknown[][] = [];
    vi.spyOn(console, "error").mockImplementation((...args) => void printed.push(args));
    scrubConsoleErrors();
    const plain = new Error("plain failure");
    console.error("⨯", failedQuery());
    console.error(plain);
    expect(String(printed[0][1])).toMatch(/^\[redacted\] /);
    expect(JSON.stringify(printed[0])).not.toContain("baclofen");
    expect(printed[1][0]).toBe(plain);
    expect(carriesQuery(new Error("outer", { cause: failedQuery() }))).toBe(true);
  });
});
