import { expect, type Page } from "@playwright/test";
import { uniqueEmail } from "../fixtures";

export const PATIENT_PASSWORD = "a long enough password";

/** Registers a fresh patient (specs never share one, so they run in parallel); lands on the welcome profile. */
export async function registerPatient(page: Page, { name = "E2E Patient", prefix = "patient" } = {}) {
  const email = uniqueEmail(prefix);
  await page.goto("/register");
  await page.locator('input[name="name"]').fill(name);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PATIENT_PASSWORD);
  await page.locator('input[name="confirmPassword"]').fill(PATIENT_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  // The first server action on a fresh server can be slow (compile + hash).
  await expect(page).toHaveURL(/\/patient\/profile\?welcome=1$/, { timeout: 30_000 });
  // The form's controls only respond once hydrated.
  await page.waitForLoadState("networkidle");
  return email;
}

export async function openReportForm(page: Page) {
  await page.goto("/patient/reports/new");
  await expectReportFormReady(page);
}

/** The form is server-rendered at once; its controls are enabled when hydrated. */
export async function expectReportFormReady(page: Page) {
  await expect(page.getByTestId("report-form")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
}

export type RedFlagAnswer = "none" | "new_weakness" | "numbness" | "breathing_or_swallowing";

/** Answers the required red-flag question ("none of these" is an explicit answer). */
export async function answerRedFlags(page: Page, answers: readonly RedFlagAnswer[] = ["none"]) {
  for (const a of answers) await page.locator(`#field-redFlags-${a}`).click();
}

/**
 * A finished episode at one site, filled with the mouse in the form's order; `pain` picks the urgency,
 * `redFlags` answers the red-flag question (none by default).
 */
export async function fillFinishedReport(
  page: Page,
  {
    pain,
    site = "calf",
    minutes = "5 min",
    redFlags = ["none"],
  }: { pain: number; site?: string; minutes?: string; redFlags?: readonly RedFlagAnswer[] },
) {
  await page.locator(`#field-sites-${site}`).click();
  await page.getByTestId(`side-${site}`).getByRole("radio").first().click();
  await page.getByRole("radio", { name: /no, it has stopped|non, il s’est arrêté/i }).check();
  await page.getByRole("button", { name: new RegExp(`^${minutes}$`) }).click();
  await page.getByTestId("pain-scale").getByRole("radio").nth(pain).click();
  await answerRedFlags(page, redFlags);
  await page.locator("#field-relief-stretching_helped").click();
  await page.locator("#field-pattern-single_cramp").click();
  await page.locator("#field-handImpact-none").click();
  await page.locator("#field-walkingImpact-none").click();
}

export async function submitReport(page: Page) {
  await page.getByTestId("submit-report").click();
  await expect(page).toHaveURL(/\/patient\/reports\/[0-9a-f-]{36}\?new=1$/, { timeout: 30_000 });
}
