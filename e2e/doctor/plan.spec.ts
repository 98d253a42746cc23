import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../fixtures";
import { DOCTORS, freshPatientWithReport, openCaseFromQueue, signIn } from "../pages/doctor";
import { LoginPage } from "../pages/login-page";
import { PATIENT_PASSWORD } from "../pages/patient";

/** yyyy-mm-dd, `days` from today (UTC is close enough for dates weeks away). */
function inDays(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function noHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

async function addItem(page: Page, kind: string) {
  await page.locator("#plan-add-kind").selectOption(kind);
  await page.getByTestId("add-item").click();
}

test.describe("doctor: treatment plan", () => {
  test("build a plan with an injection and a referral, publish, the patient reads it, revise and see the versions", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const patient = await freshPatientWithReport(browser, {
      name: `Plan Case ${Date.now() % 100000}`,
      pain: 9,
    });
    await signIn(page, DOCTORS.martin);
    const id = await openCaseFromQueue(page, patient.name);
    const planUrl = `/doctor/patients/${id}/plan`;
    await page.goto(planUrl);
    await expect(page.getByTestId("empty-state")).toBeVisible();
    const editor = page.getByTestId("plan-editor");
    await expect(editor).toBeVisible();
    await expect(page.getByTestId("patient-locale")).toBeVisible();
    await expectAccessible(page);

    // Publishing an empty plan is refused field by field, in the doctor's language (French for Dr Martin).
    await page.getByTestId("publish-plan").click();
    await page.getByTestId("publish-confirm").click();
    await expect(editor.locator("#plan-summary-error")).toHaveText(/résumé|summary/i);

    await expect(editor.locator("#plan-summary")).toBeFocused();
    // Once a check has run, fixing a field clears its message as the doctor types.
    await editor.locator("#plan-summary").fill("Étirez vos mollets chaque soir. Une injection est prévue.");
    await expect(editor.locator("#plan-summary-error")).toBeHidden();
    await editor.locator("#plan-internalNotes").fill("INTERNAL-E2E-NOTE");
    await addItem(page, "stretching_massage");
    await editor.locator("#plan-items-0-instructions").fill("Étirement des mollets 3 × 30 s le soir");

    await addItem(page, "injection");
    await editor.locator("#plan-items-1-product").fill("onabotulinumtoxinA");
    await editor.locator("#plan-items-1-totalUnits").fill("100");
    await editor.locator("#plan-items-1-sites-0-muscle").fill("Gastrocnemius");
    await editor.locator("#plan-items-1-sites-0-units").fill("60");
    await editor.getByRole("button", { name: /ajouter un muscle|add muscle/i }).click();
    await editor.locator("#plan-items-1-sites-1-muscle").fill("Soleus");
    await editor.locator("#plan-items-1-sites-1-side").selectOption("left");
    await editor.locator("#plan-items-1-sites-1-units").fill("30");
    await expect(editor.getByTestId("units-sum")).toContainText("90");
    await editor.locator("#plan-items-1-scheduledOn").fill(inDays(14));
    await editor.locator("#plan-items-1-nextReviewOn").fill(inDays(40));
    // Under 12 weeks: a warning, not a block.
    await expect(editor.getByTestId("injection-too-soon")).toBeVisible();

    await addItem(page, "neurology_referral");
    await editor.locator("#plan-items-2-urgency").selectOption("soon");
    await editor.locator("#plan-items-2-reason").fill("Contractions répétées que l’étirement ne soulage pas");

    // Items move and go with what was typed in them.
    await addItem(page, "follow_up");
    await editor.locator("#plan-items-3-followUpOn").fill(inDays(30));
    await editor.getByRole("button", { name: /monter l.élément 4|move item 4 up/i }).click();
    await expect(editor.locator("#plan-items-2-followUpOn")).toHaveValue(inDays(30));
    await expect(editor.locator("#plan-items-3-reason")).toHaveValue(/Contractions répétées/);
    await editor.getByRole("button", { name: /retirer l.élément 3|remove item 3/i }).click();
    await expect(page.getByTestId("plan-item-editor")).toHaveCount(3);
    await expect(editor.locator("#plan-items-2-reason")).toHaveValue(/Contractions répétées/);

    // The muscles add up to 90 of 100 units: say why, or fix them.
    await page.getByTestId("save-draft").click();
    await expect(editor.locator("#plan-items-1-unitsNote-error")).toHaveText(/total/i);
    await editor.locator("#plan-items-1-sites-1-units").fill("40");
    await expect(editor.getByTestId("units-sum")).toContainText("100");
    await page.getByTestId("save-draft").click();
    await expect(page.getByTestId("draft-saved-at")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("plan-item-editor")).toHaveCount(3);
    await expect(page.locator("#plan-items-1-sites-1-units")).toHaveValue("40");
    // The saved draft comes back on a reload, its injection rows rendered on the server (then hydrated: the
    // publish below needs them live).
    await page.reload();
    await expect(page.locator("#plan-items-1-sites-1-units")).toHaveValue("40");
    await expect(editor.getByTestId("units-sum")).toContainText("100");

    await page.getByTestId("publish-plan").click();
    await page.getByTestId("publish-confirm").click();
    await expect(page).toHaveURL(/\/plan\?published=1/, { timeout: 30_000 });
    await expect(page.getByTestId("plan-published-notice")).toBeVisible();
    const published = page.getByTestId("plan-view-published");
    await expect(published.getByTestId("plan-summary")).toContainText("Étirez vos mollets");
    await expect(published.getByTestId("injection-record")).toContainText("Gastrocnemius");
    await expect(published.getByTestId("referral-status")).toHaveText(/demandé|requested/i);
    await expectAccessible(page);

    // After publication the referral moves along its path from the plan page.
    await published.getByTestId("referral-move-form").getByRole("button").click();
    await expect(published.getByTestId("referral-status")).toHaveText(/envoyé|sent/i, { timeout: 30_000 });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId("plan-view-published")).toBeVisible();
    await noHorizontalScroll(page);
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The patient reads exactly what was published, in plain words, and has a notification.
    const patientContext = await browser.newContext({ locale: "en-GB" });
    const patientPage = await patientContext.newPage();
    const login = new LoginPage(patientPage);
    await login.goto();
    await login.signIn(patient.email, PATIENT_PASSWORD);
    await expect(patientPage).toHaveURL(/\/patient/, { timeout: 30_000 });
    await patientPage.goto("/patient/care");
    const care = patientPage.getByTestId("care-plan");
    await expect(care).toContainText("Étirez vos mollets chaque soir");
    await expect(care.getByTestId("plan-item")).toHaveCount(3);
    await expect(patientPage.getByTestId("next-injection")).toContainText("Gastrocnemius");
    await expect(patientPage.getByTestId("next-injection")).toContainText("60");
    await expect(patientPage.getByTestId("referral")).toContainText("Contractions répétées");
    await expect(patientPage.getByTestId("referral-stepper")).toHaveAttribute("data-status", "sent");
    await expect(patientPage.locator("body")).not.toContainText("INTERNAL-E2E-NOTE");
    await expectAccessible(patientPage);
    await patientPage.getByTestId("notification-bell").click();
    await expect(patientPage.getByTestId("notification-list")).toContainText(
      /treatment plan|plan de traitement/i,
    );

    // Revise: a new draft version pre-filled with the published items; publishing it keeps both versions.
    await page.getByTestId("revise-plan").click();
    await expect(page.getByTestId("plan-item-editor")).toHaveCount(3, { timeout: 30_000 });
    await expect(page.locator("#plan-editor-title")).toContainText("2");
    await page.locator("#plan-summary").fill("Version 2 : continuez les étirements.");
    await page.getByTestId("publish-plan").click();
    await page.getByTestId("publish-confirm").click();
    await expect(page).toHaveURL(/\/plan\?published=2/, { timeout: 30_000 });
    const versions = page.getByTestId("plan-version");
    await expect(versions).toHaveCount(2);
    await expect(versions.first()).toContainText(/publié|published/i);
    await expect(versions.nth(1)).toContainText(/remplacé|superseded/i);
    // The referral already sent was carried over, not sent again.
    await expect(page.getByTestId("plan-view-published").getByTestId("referral-status")).toHaveText(
      /envoyé|sent/i,
    );
    await versions.nth(1).getByRole("link").click();
    await expect(page.getByTestId("plan-view-superseded").getByTestId("plan-summary")).toContainText(
      "Étirez vos mollets",
    );
    await expectAccessible(page);

    await patientPage.reload();
    await expect(patientPage.getByTestId("care-plan")).toContainText("Version 2");
    await patientContext.close();
  });
});
