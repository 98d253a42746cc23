import { expect, test } from "@playwright/test";
import { expectAccessible } from "../fixtures";
import { fillFinishedReport, openReportForm, registerPatient, submitReport } from "../pages/patient";

// The whole patient journey in each language: register → profile → report → result → history → trends → withdraw.
const LANGS = {
  en: {
    browserLocale: "en-GB",
    profileSaved: /saved/i,
    advice: "A doctor of your clinic will review your report",
    notReviewed: "Not yet reviewed by a doctor",
    withdrawReason: "Entered by mistake",
    reasonLabel: /why are you withdrawing it/i,
  },
  fr: {
    browserLocale: "fr-FR",
    profileSaved: /enregistré/i,
    advice: "Un médecin de votre cabinet examinera votre signalement",
    notReviewed: "Pas encore examiné par un médecin",
    withdrawReason: "Saisi par erreur",
    reasonLabel: /pourquoi/i,
  },
} as const;

for (const [lang, L] of Object.entries(LANGS)) {
  test.describe(`patient journey (${lang})`, () => {
    test.use({ locale: L.browserLocale });

    test(`register, profile, report, result, history, trends, withdraw (${lang})`, async ({ page }) => {
      test.slow();
      await registerPatient(page, {
        name: lang === "fr" ? "Amélie Parcours" : "Journey Tester",
        prefix: `journey-${lang}`,
      });
      await expect(page.locator("html")).toHaveAttribute("lang", lang);

      // Profile
      const form = page.getByTestId("profile-form");
      await form.locator("#field-dateOfBirth").fill("1975-03-14");
      await form.getByRole("radio").first().check();
      await form.getByRole("checkbox", { name: /diabetes|diabète/i }).check();
      await form.getByTestId("profile-save").click();
      await expect(page.getByTestId("profile-saved")).toBeVisible();

      // Report → result (pain 5: "soon")
      await openReportForm(page);
      await fillFinishedReport(page, { pain: 5 });
      await submitReport(page);
      const advice = page.getByTestId("triage-advice");
      await expect(advice).toHaveAttribute("data-level", "soon");
      await expect(advice).toHaveAttribute("data-advice", "doctor_will_review");
      await expect(advice).toContainText(L.advice);
      await expect(page.getByTestId("review-status")).toHaveText(L.notReviewed);
      await expectAccessible(page);

      // History
      await page.goto("/patient/reports");
      const row = page.getByTestId("report-row");
      await expect(row).toHaveCount(1);
      await expect(row.getByTestId("review-status")).toHaveText(L.notReviewed);
      await expectAccessible(page);

      // Trends
      await page.goto("/patient/trends");
      await expect(page.getByTestId("trend-chart")).toBeVisible();
      await expectAccessible(page);

      // Withdraw from the history
      await page.goto("/patient/reports");
      await row.getByTestId("withdraw-report").click();
      const dialog = page.getByTestId("withdraw-dialog");
      await dialog.getByRole("textbox", { name: L.reasonLabel }).fill(L.withdrawReason);
      await dialog.getByTestId("confirm-withdraw").click();
      await expect(dialog).toBeHidden();
      await expect(row).toHaveAttribute("data-status", "withdrawn");
      await expect(row.getByTestId("withdrawn-note")).toContainText(L.withdrawReason);

      // A withdrawn report leaves the trends.
      await page.goto("/patient/trends");
      await expect(page.getByTestId("empty-state")).toBeVisible();
    });
  });
}
