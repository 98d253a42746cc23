import { describe, it, expect } from "vitest";
import {
  PAIN_SCORES,
  PAIN_ANCHORS,
  isValidPain,
  PSFS_FREQUENCY,
  PSFS_SEVERITY,
  isValidPsfs,
  MAS_SCALE,
  MAS_VALUES,
  isMasValue,
  FUNCTION_IMPACT,
  IMPACT_LEVELS,
  isImpact,
  scaleLabel,
} from "./scales";

describe("pain NRS-11", () => {
  it("is integers 0-10 with anchors 0 and 10", () => {
    expect(PAIN_SCORES).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(PAIN_ANCHORS.map((a) => a.code)).toEqual([0, 10]);
  });
  it.each<[unknown, boolean]>([
    [0, true],
    [10, true],
    [5, true],
    [-1, false],
    [11, false],
    [4.5, false],
    [Number.NaN, false],
    ["5", false],
    [null, false],
  ])("isValidPain(%s) = %s", (v, ok) => {
    expect(isValidPain(v)).toBe(ok);
  });
});

describe("PSFS", () => {
  it("frequency codes 0-4 and severity codes 1-3 with en and fr wording", () => {
    expect(PSFS_FREQUENCY.map((i) => i.code)).toEqual([0, 1, 2, 3, 4]);
    expect(PSFS_SEVERITY.map((i) => i.code)).toEqual([1, 2, 3]);
    expect(PSFS_FREQUENCY[2].en).toBe("Infrequent full spasms, less than once an hour");
    expect(PSFS_SEVERITY.map((i) => i.en)).toEqual(["Mild", "Moderate", "Severe"]);
    for (const i of [...PSFS_FREQUENCY, ...PSFS_SEVERITY]) {
      expect(i.en.length).toBeGreaterThan(0);
      expect(i.fr.length).toBeGreaterThan(0);
      expect(i.fr).not.toBe(i.en);
    }
  });
  it.each<[number, number | null, boolean]>([
    [0, null, true],
    [0, 1, false],
    [0, 3, false],
    [1, null, false],
    [1, 1, true],
    [2, 2, true],
    [3, 3, true],
    [4, 1, true],
    [4, 3, true],
    [4, 0, false],
    [4, 4, false],
    [2, 1.5, false],
    [5, 1, false],
    [5, null, false],
    [-1, null, false],
    [1.5, 2, false],
  ])("isValidPsfs(%s, %s) = %s", (f, s, ok) => {
    expect(isValidPsfs(f, s)).toBe(ok);
  });
});

describe("Modified Ashworth Scale", () => {
  it("has the six values as strings, '1+' its own value", () => {
    expect(MAS_VALUES).toEqual(["0", "1", "1+", "2", "3", "4"]);
    expect(MAS_SCALE.map((i) => i.code)).toEqual(MAS_VALUES);
    expect(MAS_SCALE.every((i) => typeof i.code === "string")).toBe(true);
    expect(MAS_SCALE.every((i) => i.fr.length > 0 && i.en.length > 0)).toBe(true);
  });
  it.each<[unknown, boolean]>([
    ["0", true],
    ["1", true],
    ["1+", true],
    ["2", true],
    ["3", true],
    ["4", true],
    ["1.5", false],
    [1.5, false],
    [1, false],
    ["5", false],
    ["+1", false],
    ["", false],
  ])("isMasValue(%s) = %s", (v, ok) => {
    expect(isMasValue(v)).toBe(ok);
  });
  it("'1' and '1+' have distinct wording", () => {
    expect(scaleLabel(MAS_SCALE, "1", "en")).not.toBe(scaleLabel(MAS_SCALE, "1+", "en"));
    expect(scaleLabel(MAS_SCALE, "1+", "fr")).toMatch(/moitié/);
  });
});

describe("daily-function impact", () => {
  it("none/mild/moderate/severe with wording", () => {
    expect(IMPACT_LEVELS).toEqual(["none", "mild", "moderate", "severe"]);
    expect(FUNCTION_IMPACT.map((i) => i.code)).toEqual(IMPACT_LEVELS);
    expect(scaleLabel(FUNCTION_IMPACT, "severe", "en")).toMatch(/cannot/i);
    expect(scaleLabel(FUNCTION_IMPACT, "moderate", "fr")).toMatch(/difficile/);
  });
  it.each<[unknown, boolean]>([
    ["none", true],
    ["severe", true],
    ["Severe", false],
    ["extreme", false],
    [2, false],
  ])("isImpact(%s) = %s", (v, ok) => {
    expect(isImpact(v)).toBe(ok);
  });
  it("scaleLabel returns undefined for unknown codes", () => {
    expect(scaleLabel(PSFS_FREQUENCY, 9, "en")).toBeUndefined();
    expect(scaleLabel(PSFS_FREQUENCY, 0, "fr")).toBe("Aucun spasme");
  });
});
