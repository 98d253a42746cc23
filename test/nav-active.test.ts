import { describe, expect, it } from "vitest";
import { isActiveNav, NAV } from "@/components/app-shell/nav-config";

const patient = NAV.patient.map((i) => i.href);

describe("isActiveNav (which navigation link is the current section)", () => {
  it("lights the exact page", () => {
    expect(isActiveNav("/patient/reports", "/patient/reports", patient)).toBe(true);
    expect(isActiveNav("/patient", "/patient", patient)).toBe(true);
  });

  it("lights only the exact link when the page is itself a link (/patient/reports/new is not History)", () => {
    expect(isActiveNav("/patient/reports/new", "/patient/reports/new", patient)).toBe(true);
    expect(isActiveNav("/patient/reports/new", "/patient/reports", patient)).toBe(false);
    expect(isActiveNav("/patient/reports/new", "/patient", patient)).toBe(false);
  });

  it("lights the longest matching prefix for a page under a section", () => {
    expect(isActiveNav("/patient/reports/abc-123", "/patient/reports", patient)).toBe(true);
    expect(isActiveNav("/patient/reports/abc-123", "/patient", patient)).toBe(false);
  });

  it("needs a path boundary: /patient/careers is not under /patient/care", () => {
    expect(isActiveNav("/patient/careers", "/patient/care", patient)).toBe(false);
    expect(isActiveNav("/patient/careers", "/patient", patient)).toBe(true);
  });

  it("lights nothing outside the role's sections", () => {
    for (const href of patient) expect(isActiveNav("/account", href, patient)).toBe(false);
  });
});
