import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../fixtures";
import {
  claimFromQueue,
  DOCTORS,
  freshPatientWithReport,
  openCaseFromQueue,
  queueRow,
  signIn,
} from "../pages/doctor";
import { LoginPage } from "../pages/login-page";
import { PATIENT_PASSWORD } from "../pages/patient";

// The doctor's whole journey, once in each language (Dr Martin reads French, Dr Dubois English):
// queue → urgent case → evaluation (PSFS, Ashworth with 1+) → sign → confirm a suggested cause → plan with an
// injection and a neurology referral → publish → the patient reads it and is notified → the case has left the
// queue → amend the evaluation and revise the plan, both histories visible.
const LANGS = {
  fr: {
    doctor: DOCTORS.martin,
    locale: "fr-FR",
    published: /publié/i,
  },
  en: { doctor: DOCTORS.dubois, locale: "en-GB", published: /published/i },
} as const;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function signEvaluation(page: Page) {
  await page.getByTestId("evaluation-sign").click();
  await page.getByTestId("evaluation-sign-confirm").click();
  await expect(page).toHaveURL(/\/evaluation\/[0-9a-f-]{36}\?signed=1/, { timeout: 30_000 });
  await expect(page.getByTestId("evaluation-signed")).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function publishPlan(page: Page, n: number) {
  await page.getByTestId("publish-plan").click();
  await page.getByTestId("publish-confirm").click();
  await expect(page).toHaveURL(new RegExp(`/plan\\?published=${n}`), { timeout: 30_000 });
}

for (const [lang, L] of Object.entries(LANGS)) {
  test(`doctor journey from the queue to a published plan and its revision (${lang})`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const patient = await freshPatientWithReport(browser, {
      name: `Journey ${lang.toUpperCase()} ${Date.now() % 100000}`,
      pain: 9,
      locale: L.locale,
    });
    const context = await browser.newContext({ locale: L.locale });
    const page = await context.newPage();
    await signIn(page, L.doctor);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);

    // Queue: the new urgent case is in the shared pool; claim it, then open it from my patients.
    await page.goto("/doctor?scope=unassigned&level=urgent");
    await expectAccessible(page);
    await claimFromQueue(page, patient.name);
    const id = await openCaseFromQueue(page, patient.name, "?scope=mine&level=urgent");
    await expect(page.getByTestId("case-triage").getByTestId("triage-badge")).toHaveAttribute(
      "data-level",
      "urgent",
    );
    await expectAccessible(page);

    // Evaluation: PSFS frequency and severity, one Ashworth row scored 1+, then sign.
    await page.getByRole("link", { name: /^(évaluation|evaluation)$/i }).click();
    await page.getByTestId("evaluation-start").click();
    const form = page.getByTestId("evaluation-form");
    await expect(form).toBeVisible();
    await form.locator("#eval-psfsFrequency-2").click();
    await form.locator("#eval-psfsSeverity-2").click();
    await form.getByRole("button", { name: /ajouter un muscle|add a muscle/i }).click();
    await form.locator("#mas-0-group").selectOption("ankle_plantar_flexors");
    await form.locator("#mas-0-side").selectOption("left");
    await form.locator("#mas-0-score").selectOption("1+");
    await form
      .locator("#eval-examNotes")
      .fill(lang === "fr" ? "Mollet gauche spastique." : "Spastic left calf.");
    await expectAccessible(page);
    const v1 = await signEvaluation(page);
    await expect(page.getByTestId("evaluation-view").getByTestId("view-mas")).toContainText("1+");

    // The signed evaluation covers the newest report: the case has left the queue.
    await page.goto("/doctor?scope=mine");
    await expect(page.getByTestId("triage-queue").or(page.getByTestId("empty-state"))).toBeVisible();
    await expect(queueRow(page, patient.name)).toHaveCount(0);

    // Causes: the stretching that helped suggests fatigue / overuse; confirm it with a note.
    await page.goto(`/doctor/patients/${id}/causes`);
    const card = page.locator('[data-testid="cause-card"][data-cause="fatigue_overuse"]');
    await expect(card.getByTestId("cause-facts")).toBeVisible();
    const decision = card.locator("form");
    await decision.getByRole("radio", { name: /^(confirmée|confirmed)$/i }).click();
    await decision
      .getByRole("textbox")
      .fill(lang === "fr" ? "Reprise du sport trop rapide." : "Returned to sport too fast.");
    await decision.getByRole("button", { name: /^(enregistrer|record)$/i }).click();
    await expect(card.getByTestId("cause-status")).toHaveText(/confirmée|confirmed/i);
    await expectAccessible(page);

    // Plan: plain-language summary, an injection with units per muscle and a neurology referral; publish.
    await page.goto(`/doctor/patients/${id}/plan`);
    const editor = page.getByTestId("plan-editor");
    const summary =
      lang === "fr" ? "Étirez le mollet gauche chaque soir." : "Stretch your left calf every evening.";
    await editor.locator("#plan-summary").fill(summary);
    await page.locator("#plan-add-kind").selectOption("injection");
    await page.getByTestId("add-item").click();
    await editor.locator("#plan-items-0-product").fill("onabotulinumtoxinA");
    await editor.locator("#plan-items-0-totalUnits").fill("50");
    await editor.locator("#plan-items-0-sites-0-muscle").fill("Gastrocnemius");
    await editor.locator("#plan-items-0-sites-0-units").fill("50");
    await editor.locator("#plan-items-0-scheduledOn").fill(inDays(10));
    await editor.locator("#plan-items-0-nextReviewOn").fill(inDays(100));
    await page.locator("#plan-add-kind").selectOption("neurology_referral");
    await page.getByTestId("add-item").click();
    await editor.locator("#plan-items-1-urgency").selectOption("routine");
    await editor
      .locator("#plan-items-1-reason")
      .fill(lang === "fr" ? "Avis sur la spasticité" : "Advice on spasticity");
    await expectAccessible(page);
    await publishPlan(page, 1);
    await expect(page.getByTestId("plan-view-published").getByTestId("injection-record")).toContainText(
      "Gastrocnemius",
    );

    // The patient reads the plan in plain words and has a notification.
    const patientContext = await browser.newContext({ locale: L.locale });
    const patientPage = await patientContext.newPage();
    await new LoginPage(patientPage).goto();
    await new LoginPage(patientPage).signIn(patient.email, PATIENT_PASSWORD);
    await expect(patientPage).toHaveURL(/\/patient/, { timeout: 30_000 });
    await patientPage.getByTestId("notification-bell").click();
    await expect(patientPage.getByTestId("notification-list")).toContainText(
      /plan de traitement|treatment plan/i,
    );
    await patientPage.goto("/patient/care");
    await expect(patientPage.getByTestId("care-plan")).toContainText(summary);
    await expect(patientPage.getByTestId("next-injection")).toContainText("Gastrocnemius");
    await expect(patientPage.getByTestId("referral")).toContainText(
      lang === "fr" ? "spasticité" : "spasticity",
    );
    await expectAccessible(patientPage);

    // Amend the evaluation: a second version; both stay readable.
    await page.goto(`/doctor/patients/${id}/evaluation/${v1}`);
    await page.getByTestId("evaluation-amend").click();
    await expect(page).toHaveURL(/\/evaluation\/[0-9a-f-]{36}\/edit$/, { timeout: 30_000 });
    await form
      .locator("#eval-examNotes")
      .fill(lang === "fr" ? "Avenant : clonus à gauche." : "Amendment: left clonus.");
    const v2 = await signEvaluation(page);
    await page.goto(`/doctor/patients/${id}/evaluation`);
    const list = page.getByTestId("evaluation-list");
    for (const e of [v1, v2]) await expect(list.locator(`a[href$="/evaluation/${e}"]`)).toBeVisible();

    // Revise the plan: version 2 published, version 1 superseded and still viewable.
    await page.goto(`/doctor/patients/${id}/plan`);
    await page.getByTestId("revise-plan").click();
    await expect(page.getByTestId("plan-item-editor")).toHaveCount(2, { timeout: 30_000 });
    await page.locator("#plan-summary").fill(`${summary} v2`);
    await publishPlan(page, 2);
    const versions = page.getByTestId("plan-version");
    await expect(versions).toHaveCount(2);
    await expect(versions.first()).toContainText(L.published);
    await patientPage.reload();
    await expect(patientPage.getByTestId("care-plan")).toContainText(`${summary} v2`);
    await patientContext.close();
    await context.close();
  });
}
