import { expect, test, type Locator } from "@playwright/test";
import { expectAccessible } from "../fixtures";
import { expectReportFormReady, registerPatient } from "../pages/patient";

// A 390 px phone with a touch screen; only the questions that decide triage and advice are answered.
test.use({
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 3,
  locale: "en-GB",
});

test("a triage-only report takes at most 15 taps from the patient's home to the result", async ({ page }) => {
  test.slow();
  await registerPatient(page, { name: "Phone Patient", prefix: "phone" });
  await page.goto("/patient");
  let taps = 0;
  const tap = async (target: Locator) => {
    await target.tap();
    taps += 1;
  };

  await tap(page.getByRole("main").getByRole("link", { name: "Report an episode" }).first());
  await expectReportFormReady(page);
  await expectAccessible(page);
  await tap(page.locator("#field-sites-calf"));
  await tap(page.getByTestId("side-calf").getByRole("radio", { name: "Left" }));
  await tap(page.getByRole("radio", { name: "No, it has stopped" }));
  await tap(page.getByRole("button", { name: /^5 min$/ }));
  await tap(page.getByTestId("pain-scale").getByRole("radio", { name: "2 out of 10" }));
  await tap(page.locator("#field-redFlags-none"));
  await tap(page.locator("#field-relief-stretching_helped"));
  await tap(page.locator("#field-pattern-single_cramp"));
  await tap(page.locator("#field-handImpact-none"));
  await tap(page.locator("#field-walkingImpact-none"));
  await tap(page.getByTestId("submit-report"));

  await expect(page).toHaveURL(/\/patient\/reports\/[0-9a-f-]{36}\?new=1$/, { timeout: 30_000 });
  await expect(page.getByTestId("triage-advice")).toHaveAttribute("data-advice", "self_care");
  expect(taps).toBeLessThanOrEqual(15);
  // Nothing on the page is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
});
