import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../fixtures";
import { LoginPage } from "./login-page";
import {
  fillFinishedReport,
  openReportForm,
  registerPatient,
  submitReport,
  type RedFlagAnswer,
} from "./patient";

export const DOCTORS = {
  martin: "dr.martin@demo.spasmcare.test",
  dubois: "dr.dubois@demo.spasmcare.test",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

/**
 * A fresh patient of the shared (unassigned) pool with one report: specs never share patients, so they run in
 * parallel on the seeded clinic. Returns the patient's e-mail and name.
 */
export async function freshPatientWithReport(
  browser: Browser,
  opts: { name: string; pain: number; redFlags?: readonly RedFlagAnswer[]; locale?: string },
) {
  const context = await browser.newContext({ locale: opts.locale ?? "en-GB" });
  const page = await context.newPage();
  const email = await registerPatient(page, { name: opts.name, prefix: "doc-e2e" });
  await openReportForm(page);
  await fillFinishedReport(page, { pain: opts.pain, redFlags: opts.redFlags });
  await submitReport(page);
  await context.close();
  return { email, name: opts.name };
}

/** The queue row of a patient (filters: unassigned pool, urgent first). */
export function queueRow(page: Page, name: string) {
  return page.getByTestId("queue-row").filter({ hasText: name });
}

/** Opens a patient's case from the queue, looking through the unassigned pool's pages if needed. */
export async function openCaseFromQueue(page: Page, name: string, query = "?scope=unassigned&level=urgent") {
  await page.goto(`/doctor${query}`);
  const link = queueRow(page, name).getByRole("link", { name });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/doctor\/patients\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("case-name")).toHaveText(name);
  return page.url().split("/").pop()!;
}

/** Claims an unassigned patient from the queue (once the page is interactive) and waits for the confirmation. */
export async function claimFromQueue(page: Page, name: string) {
  await page.goto("/doctor?scope=unassigned&level=urgent");
  await page.waitForLoadState("networkidle");
  await queueRow(page, name)
    .getByRole("button", { name: new RegExp(name) })
    .click();
  await expect(
    page.getByText(new RegExp(`${name} (is now your patient|est désormais votre patient)`)),
  ).toBeVisible({
    timeout: 30_000,
  });
}
