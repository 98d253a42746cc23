import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../fixtures";
import { fillFinishedReport, openReportForm, registerPatient, submitReport } from "../pages/patient";

// Issue 9: what a patient typed is never lost, and a report is never stored twice.
const FORM_POST = (url: URL) => url.pathname === "/patient/reports/new";
const UNAVAILABLE = /cannot reach its records.*your answers are still here.*call 15 or 112/i;

const notes = (page: Page) => page.locator('textarea[name="notes"]');
const painChecked = (page: Page, n: number) => page.getByTestId("pain-scale").getByRole("radio").nth(n);
const keyOf = (page: Page) => page.locator('input[name="idempotencyKey"]').inputValue();
const draftKeys = (page: Page) =>
  page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("spasmcare:report-draft:")));

test.describe("report draft and exactly-once (database or network down)", () => {
  test("a failed submission keeps every answer with the emergency numbers; a reload restores them; one click sends", async ({
    page,
  }) => {
    await registerPatient(page, { name: "Draft Tester", prefix: "draft" });
    await openReportForm(page);
    await fillFinishedReport(page, { pain: 3 });
    await notes(page).fill("after a long walk");
    const key = await keyOf(page);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);

    // The server (or a proxy in front of it) answers 503: nothing is stored, the form stays.
    await page.route(
      (url) => FORM_POST(url),
      (route) =>
        route.request().method() === "POST"
          ? route.fulfill({ status: 503, contentType: "text/plain", body: "Service Unavailable" })
          : route.continue(),
    );
    await page.getByTestId("submit-report").click();
    await expect(page.getByTestId("form-error")).toContainText(UNAVAILABLE);
    await expect(page.getByTestId("unavailable-calls").locator('a[href="tel:15"]')).toBeVisible();
    await expect(page.getByTestId("unavailable-calls").locator('a[href="tel:112"]')).toBeVisible();
    await expect(page.getByTestId("report-form")).toBeVisible();
    await expect(notes(page)).toHaveValue("after a long walk");
    await expect(painChecked(page, 3)).toBeChecked();
    await expectAccessible(page);

    // A reload (or "try again" after a crash) brings the answers back, with the same idempotency key.
    await page.reload();
    await expect(page.getByTestId("draft-restored")).toBeVisible({ timeout: 30_000 });
    await expect(notes(page)).toHaveValue("after a long walk");
    await expect(painChecked(page, 3)).toBeChecked();
    await expect(page.locator("#field-relief-stretching_helped")).toBeChecked();
    expect(await keyOf(page)).toBe(key);

    // The database is back: one click sends it, and the draft is gone.
    await page.unrouteAll();
    await submitReport(page);
    await expect(page.getByTestId("report-sent")).toBeVisible();
    await expect.poll(() => draftKeys(page)).toEqual([]);

    // A new form starts empty, with a new key.
    await openReportForm(page);
    await expect(page.getByTestId("draft-restored")).toHaveCount(0);
    await expect(notes(page)).toHaveValue("");
    expect(await keyOf(page)).not.toBe(key);
  });

  test("a submission whose answer was lost after it was stored, then retried, stores one report", async ({
    page,
  }) => {
    await registerPatient(page, { name: "Retry Tester", prefix: "retry" });
    await openReportForm(page);
    await fillFinishedReport(page, { pain: 2 });
    // The request reaches the server and is stored, but the answer never comes back (a timeout at a proxy).
    await page.route(
      (url) => FORM_POST(url),
      async (route) => {
        if (route.request().method() !== "POST") return route.continue();
        await route.fetch();
        await route.fulfill({ status: 504, contentType: "text/plain", body: "Gateway Timeout" });
      },
    );
    await page.getByTestId("submit-report").click();
    await expect(page.getByTestId("form-error")).toContainText(UNAVAILABLE);
    await page.unrouteAll();
    await submitReport(page); // the same form, the same key: the first report comes back
    await page.goto("/patient/reports");
    await expect(page.getByTestId("report-count")).toHaveText(/(^|\D)1(\D|$)/);
  });

  test("signing out clears the draft from the tab", async ({ page }) => {
    await registerPatient(page, { name: "Signout Tester", prefix: "draftout" });
    await openReportForm(page);
    await notes(page).fill("private words");
    await expect.poll(() => draftKeys(page)).toHaveLength(1);
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login/);
    expect(await draftKeys(page)).toEqual([]);
  });
});
