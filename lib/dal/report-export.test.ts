import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./report-export";

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
