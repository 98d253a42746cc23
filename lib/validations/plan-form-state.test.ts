import { describe, expect, it } from "vitest";
import {
  getAt,
  isWithin,
  itemScope,
  moveMap,
  moveRow,
  reindexErrors,
  removeMap,
  revalidated,
  setAt,
  withoutErrorsAt,
} from "./plan-form-state";

const plan = {
  summary: "Stretch",
  items: [
    { kind: "follow_up", followUpOn: "" },
    { kind: "injection", sites: [{ muscle: "Soleus", units: 40 }] },
  ],
};

describe("paths", () => {
  it("reads values at dotted paths, undefined past a missing step", () => {
    expect(getAt(plan, "summary")).toBe("Stretch");
    expect(getAt(plan, "items.1.sites.0.units")).toBe(40);
    expect(getAt(plan, "items.5.kind")).toBeUndefined();
    expect(getAt(plan, "summary.length.x")).toBeUndefined();
    expect(getAt(plan, "")).toBe(plan);
  });

  it("writes a copy along the path only; arrays stay arrays, untouched branches are shared", () => {
    const next = setAt(plan, "items.1.sites.0.units", 60);
    expect(getAt(next, "items.1.sites.0.units")).toBe(60);
    expect(plan.items[1].sites![0].units).toBe(40);
    expect(Array.isArray(next.items)).toBe(true);
    expect(Array.isArray(next.items[1].sites)).toBe(true);
    expect(next.items[0]).toBe(plan.items[0]);
    expect(next.summary).toBe("Stretch");
    expect(setAt(plan, "summary", "Rest").items).toBe(plan.items);
  });

  it("a path covers itself and what lies below it, not a sibling with a longer index", () => {
    expect(isWithin("items.1.product", "items.1")).toBe(true);
    expect(isWithin("items.1", "items.1")).toBe(true);
    expect(isWithin("items.10.product", "items.1")).toBe(false);
    expect(itemScope("items.2.sites.0.units")).toBe("items.2");
    expect(itemScope("summary")).toBe("summary");
    expect(itemScope("items")).toBe("items");
  });
});

describe("rows", () => {
  it("moves a row and maps every index the way the rows moved", () => {
    expect(moveRow(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveRow(["a", "b", "c", "d"], 3, 1)).toEqual(["a", "d", "b", "c"]);
    const rows = ["a", "b", "c", "d"];
    for (const [from, to] of [
      [0, 2],
      [3, 1],
      [1, 2],
      [2, 1],
    ]) {
      const moved = moveRow(rows, from, to);
      const map = moveMap(from, to);
      rows.forEach((row, i) => expect(moved[map(i)]).toBe(row));
    }
  });

  it("errors follow their row when rows move or go; a removed row's errors go with it", () => {
    const errors = {
      summary: "summary_required",
      items: "too_many",
      "items.0.instructions": "required",
      "items.1.sites.0.units": "units_min",
      "items.2.followUpOn": "date_invalid",
    };
    expect(reindexErrors(errors, "items", moveMap(0, 2))).toEqual({
      summary: "summary_required",
      items: "too_many",
      "items.2.instructions": "required",
      "items.0.sites.0.units": "units_min",
      "items.1.followUpOn": "date_invalid",
    });
    expect(reindexErrors(errors, "items", removeMap(1))).toEqual({
      summary: "summary_required",
      items: "too_many",
      "items.0.instructions": "required",
      "items.1.followUpOn": "date_invalid",
    });
    // The sites of one item, not the items.
    expect(reindexErrors(errors, "items.1.sites", removeMap(0))).toEqual({
      summary: "summary_required",
      items: "too_many",
      "items.0.instructions": "required",
      "items.2.followUpOn": "date_invalid",
    });
  });
});

describe("errors after a change", () => {
  it("before any check, editing a field drops the server's errors about it and below it only", () => {
    const errors = {
      "items.1": "invalid",
      "items.1.product": "control_chars",
      "items.10.reason": "required",
    };
    expect(withoutErrorsAt(errors, "items.1")).toEqual({ "items.10.reason": "required" });
  });

  it("the changed field gets its fresh error or loses it", () => {
    expect(revalidated({ summary: "too_long" }, {}, "summary")).toEqual({});
    expect(revalidated({}, { summary: "too_long" }, "summary")).toEqual({ summary: "too_long" });
    expect(revalidated({ summary: "required" }, { summary: "too_long" }, "summary")).toEqual({
      summary: "too_long",
    });
  });

  it("no new error appears on a field not touched since; shown ones in the item are updated or cleared", () => {
    const shown = { "items.1.unitsNote": "units_mismatch", "items.0.instructions": "required" };
    // Fixing a muscle's units clears the mismatch under the note (same item), and says nothing yet about
    // the lot the doctor has not reached.
    const fresh = { "items.1.lot": "too_long", "items.0.instructions": "required" };
    expect(revalidated(shown, fresh, "items.1.sites.0.units", "items.1")).toEqual({
      "items.0.instructions": "required",
    });
  });

  it("errors outside the scope stay until their own field changes, even if now fixed", () => {
    const shown = { summary: "summary_required", "items.0.instructions": "required" };
    expect(revalidated(shown, {}, "items.0.instructions", "items.0")).toEqual({
      summary: "summary_required",
    });
  });

  it("after rows were added or removed, the array's own error is refreshed with the errors shown under it", () => {
    const shown = { items: "items_required", "items.0.instructions": "required" };
    const fresh = { "items.0.instructions": "required", "items.1.instructions": "required" };
    expect(revalidated(shown, fresh, "items")).toEqual({ "items.0.instructions": "required" });
  });
});
