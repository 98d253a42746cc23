import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "../fixtures";
import {
  answerRedFlags,
  fillFinishedReport,
  submitReport,
  openReportForm as openForm,
  registerPatient as register,
  type RedFlagAnswer,
} from "../pages/patient";

const registerPatient = (page: Page, name = "Report Tester") => register(page, { name, prefix: "report" });

const REPORT_URL = /\/patient\/reports\/[0-9a-f-]{36}\?new=1$/;

/** Presses Tab until the element matching `selector` has focus: the page is driven by the keyboard alone. */
async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** An arrow key at full speed: a native radio group checks what it focuses in the same step. */
async function arrow(page: Page, key: "ArrowRight" | "ArrowLeft" | "ArrowDown" | "ArrowUp", times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

const RADIO = 'input[type="radio"]';

/** Counts posts to the form's server action. */
function countPosts(page: Page) {
  const posts = { count: 0 };
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/patient/reports/new") posts.count++;
  });
  return posts;
}

async function fillByMouse(page: Page, pain: number, redFlags: readonly RedFlagAnswer[] = ["none"]) {
  await page.locator("#field-sites-hand").click();
  await page.getByTestId("side-hand").getByRole("radio").nth(1).click(); // right
  await page.getByRole("radio", { name: /no, it has stopped|non, il s’est arrêté/i }).check();
  await page.getByRole("button", { name: /^5 min$/ }).click();
  await page.getByTestId("pain-scale").getByRole("radio").nth(pain).click();
  await answerRedFlags(page, redFlags);
  await page.locator("#field-relief-stretching_helped").click();
  await page.locator("#field-pattern-single_cramp").click();
  await page.locator("#field-handImpact-none").click();
  await page.locator("#field-walkingImpact-none").click();
}

test.describe("patient reports an episode", () => {
  test("empty and bad values get field-level messages, and nothing is sent", async ({ page }) => {
    await registerPatient(page);
    // Server-rendered: the questions, the red-flag one included, are in the HTML before any script runs.
    const html = await (await page.request.get("/patient/reports/new")).text();
    expect(html).toContain('data-testid="report-form"');
    expect(html).toContain("do you have any of these, new since it started?");
    await openForm(page);
    const posts = countPosts(page);
    await expectAccessible(page);
    await page.getByTestId("submit-report").click();

    await expect(page.locator("#field-sites-error")).toHaveText(
      "Choose at least one place where you felt the spasm.",
    );
    await expect(page.locator("#field-painScore-error")).toHaveText(
      "Choose how painful it was, from 0 to 10.",
    );
    await expect(page.locator("#field-ongoing-error")).toHaveText(
      "Tell us whether the spasm is still going on.",
    );
    // The red-flag question cannot be skipped: no answer is an error, not "none".
    await expect(page.locator("#field-redFlags-error")).toHaveText(/Answer this question/);
    await expect(page.locator("#field-redFlags")).toHaveAttribute("aria-describedby", /field-redFlags-error/);
    for (const f of ["relief", "pattern", "handImpact", "walkingImpact"]) {
      await expect(page.locator(`#field-${f}-error`)).toHaveText("Choose one answer.");
    }
    // The first invalid field (where) gets the focus.
    await expect(page.locator("#field-sites-face")).toBeFocused();
    await expectAccessible(page);

    // Live validation with the same rules after the first attempt.
    await page.getByRole("radio", { name: "No, it has stopped" }).check();
    await expect(page.locator("#field-ongoing-error")).toHaveCount(0);
    await expect(page.locator("#field-durationMinutes-error")).toHaveText(/how long it lasted/);
    const duration = page.locator("#field-durationMinutes");
    await expect(duration).toHaveAttribute("aria-invalid", "true");
    await expect(duration).toHaveAttribute("aria-describedby", /field-durationMinutes-error/);
    await answerRedFlags(page, ["numbness"]);
    await expect(page.locator("#field-redFlags-error")).toHaveCount(0);
    await expect(page.getByTestId("red-flag-warning")).toContainText("call 15 (SAMU) or 112 now");
    // "None of these" clears the flags, and a flag clears "none of these".
    await answerRedFlags(page, ["none"]);
    await expect(page.locator("#field-redFlags-numbness")).not.toBeChecked();
    await expect(page.getByTestId("red-flag-warning")).toHaveCount(0);
    await duration.fill("0");
    await expect(page.locator("#field-durationMinutes-error")).toHaveText(/between 1 and 10,080/);
    await duration.fill("10081");
    await expect(page.locator("#field-durationMinutes-error")).toHaveText(/between 1 and 10,080/);
    await duration.fill("20");
    await expect(page.locator("#field-durationMinutes-error")).toHaveCount(0);
    await page.locator("#field-startedAt").fill("2099-01-01T10:00");
    await expect(page.locator("#field-startedAt-error")).toHaveText(/cannot be in the future/);
    await page.getByTestId("pain-scale").getByRole("radio").nth(3).click();
    await expect(page.locator("#field-painScore-error")).toHaveCount(0);
    // A limb site without its side is still an error, pointing at the side choice.
    await page.locator("#field-sites-calf").click();
    await expect(page.locator("#field-sites-error")).toHaveText(/Choose the side/);
    await expect(page.getByTestId("side-calf")).toHaveAttribute("aria-invalid", "true");

    await page.getByTestId("submit-report").click();
    await expect(page).toHaveURL(/\/patient\/reports\/new$/);
    expect(posts.count).toBe(0);
  });

  test("when the server refuses the report, the form keeps every answer", async ({ page }) => {
    // A phone whose clock runs two hours fast: the browser's checks pass, the server's clock refuses the start.
    // Set before the first page, as on a real phone (a clock jumping mid-session reads as two idle hours).
    await page.clock.setFixedTime(new Date(Date.now() + 2 * 60 * 60_000));
    await registerPatient(page);
    await openForm(page);
    const posts = countPosts(page);
    await fillByMouse(page, 4);
    await page.locator("#field-notes").fill("Kept after the refusal.");
    await page.getByTestId("submit-report").click();

    await expect(page.getByTestId("form-error")).toHaveText(
      "Some answers need a correction: see the messages above.",
    );
    await expect(page.locator("#field-startedAt-error")).toHaveText(/cannot be in the future/);
    await expect(page.locator("#field-startedAt")).toBeFocused();
    expect(posts.count).toBe(1);
    await expect(page).toHaveURL(/\/patient\/reports\/new$/);
    await expect(page.locator("#field-notes")).toHaveValue("Kept after the refusal.");
    await expect(page.getByTestId("pain-scale").getByRole("radio", { name: "4 out of 10" })).toBeChecked();
    await expect(page.locator("#field-sites-hand")).toBeChecked();
    await expect(page.getByTestId("side-hand").getByRole("radio", { name: "Right" })).toBeChecked();
    await expect(page.locator("#field-durationMinutes")).toHaveValue("5");
    // Correcting the field clears the server's message about it.
    await page.locator("#field-startedAt").fill(
      await page.evaluate(() => {
        const d = new Date(Date.now() - 3 * 60 * 60_000);
        const p = (n: number) => String(n).padStart(2, "0");
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
      }),
    );
    await expect(page.locator("#field-startedAt-error")).toHaveCount(0);
  });

  test("a routine report filled by keyboard alone shows self-care advice", async ({ page }) => {
    test.slow(); // one key at a time, each checked: about 70 steps
    await registerPatient(page);
    await openForm(page);
    // From here on, keys only: Tab from the top of the page, Space, arrows, typing and Enter.

    await tabTo(page, "#field-sites-calf");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab"); // into the calf's side choice
    await arrow(page, "ArrowRight"); // left → right
    await tabTo(page, `#field-ongoing ${RADIO}`);
    await arrow(page, "ArrowDown"); // yes → no, it has stopped
    await tabTo(page, "#field-durationMinutes");
    await page.keyboard.type("5");
    await tabTo(page, `[data-testid="pain-scale"] ${RADIO}`);
    await arrow(page, "ArrowRight", 2); // 0 → 2
    await tabTo(page, "#field-redFlags-none");
    await page.keyboard.press("Space");
    for (const field of ["relief", "pattern", "handImpact", "walkingImpact"]) {
      await tabTo(page, `#field-${field} ${RADIO}`);
      await page.keyboard.press("Space"); // the first answer
    }
    await tabTo(page, "#field-triggers-exercise_fatigue");
    await page.keyboard.press("Space");
    await tabTo(page, "#field-notes");
    await page.keyboard.type("After a long walk.");
    await tabTo(page, '[data-testid="submit-report"]');
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(REPORT_URL, { timeout: 30_000 });
    const advice = page.getByTestId("triage-advice");
    await expect(advice).toHaveAttribute("data-level", "routine");
    await expect(advice).toContainText("Gently stretch the muscle");
    await expect(advice).toContainText(
      "Report again if it comes back, becomes very painful or does not stop.",
    );
    await expect(page.getByTestId("report-sent")).toBeVisible();
    const summary = page.getByTestId("report-summary");
    await expect(summary.locator('[data-row="sites"]')).toContainText("Calf · Right");
    await expect(summary.locator('[data-row="pain"]')).toContainText("2 out of 10");
    await expect(summary.locator('[data-row="duration"]')).toContainText("5 minutes");
    await expect(summary.locator('[data-row="triggers"]')).toContainText("Exercise or tiredness");
    await expect(summary.locator('[data-row="notes"]')).toContainText("After a long walk.");
    await expectAccessible(page);

    // 404 means 404: a malformed or missing id answers with the not-found status, not a streamed 200.
    for (const id of ["not-a-uuid", crypto.randomUUID()]) {
      const res = await page.goto(`/patient/reports/${id}`);
      expect(res?.status()).toBe(404);
      await expect(page.getByTestId("report-not-found")).toBeVisible();
    }
  });

  test("a red flag shows the call-15 block; another patient cannot open the report", async ({
    page,
    browser,
  }) => {
    test.slow(); // registers two patients
    await registerPatient(page);
    await openForm(page);
    await fillByMouse(page, 2, ["new_weakness", "breathing_or_swallowing"]);
    await expectAccessible(page);
    await page.getByTestId("submit-report").click();

    await expect(page).toHaveURL(REPORT_URL, { timeout: 30_000 });
    const advice = page.getByTestId("triage-advice");
    await expect(advice).toHaveAttribute("data-advice", "emergency");
    await expect(advice).toHaveAttribute("data-level", "urgent");
    await expect(advice.getByRole("heading", { name: "Get care now: call 15 or 112" })).toBeVisible();
    await expect(page.getByTestId("seek-care-now")).toContainText("Call 15 (SAMU) or 112 now");
    await expect(advice.locator('[data-reason="RED_FLAG"]')).toContainText("new warning sign");
    await expect(advice.locator('[data-flag="new_weakness"]')).toBeVisible();
    await expect(advice.locator('[data-flag="breathing_or_swallowing"]')).toBeVisible();
    await expect(advice.getByRole("link", { name: "Call 15" })).toHaveAttribute("href", "tel:15");
    // Nobody has opened it yet, and the page does not pretend otherwise.
    await expect(page.getByTestId("review-status")).toHaveText("Not yet reviewed by a doctor");
    await expectAccessible(page);

    await expectHiddenFromAnotherPatient(browser, page.url());
  });

  test("pain 9 in a finished episode means a doctor within 24 hours, not a call to 15", async ({ page }) => {
    await registerPatient(page);
    await openForm(page);
    await fillByMouse(page, 9);
    await page.getByTestId("submit-report").click();
    await expect(page).toHaveURL(REPORT_URL, { timeout: 30_000 });
    const advice = page.getByTestId("triage-advice");
    await expect(advice).toHaveAttribute("data-advice", "see_doctor_24h");
    await expect(advice.getByRole("heading", { name: "See a doctor within 24 hours" })).toBeVisible();
    await expect(page.getByTestId("emergency-calls")).toHaveCount(0);
    await expect(page.getByTestId("seek-care-now")).toHaveCount(0);
  });

  test("fast keyboard entry stores exactly what was selected in every choice group", async ({ page }) => {
    await registerPatient(page);
    await openForm(page);
    /** After arrows at full speed, the focused radio must be the checked one. */
    const expectFocusedIsChecked = async () =>
      expect(
        await page.evaluate(() => {
          const el = document.activeElement;
          return el instanceof HTMLInputElement && el.type === "radio" && el.checked;
        }),
      ).toBe(true);

    await tabTo(page, "#field-sites-calf");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await arrow(page, "ArrowRight", 3); // left → right → both → wraps to left
    await arrow(page, "ArrowLeft"); // → both
    await expectFocusedIsChecked();
    await tabTo(page, `#field-ongoing ${RADIO}`);
    await arrow(page, "ArrowDown", 3); // yes → no → yes → no
    await expectFocusedIsChecked();
    await tabTo(page, "#field-durationMinutes");
    await page.keyboard.type("12");
    await tabTo(page, `[data-testid="pain-scale"] ${RADIO}`);
    await arrow(page, "ArrowRight", 6);
    await arrow(page, "ArrowLeft", 3); // 0 → 6 → 3
    await expectFocusedIsChecked();
    await tabTo(page, "#field-redFlags-none");
    await page.keyboard.press("Space");
    const picks: [string, number, string][] = [
      ["relief", 2, "Nothing eased it"],
      ["pattern", 1, "Repeated twitching"],
      ["handImpact", 2, "Moderate: hard to do"],
      ["walkingImpact", 1, "Mild: noticeable, but I can do it"],
    ];
    for (const [field, downs] of picks) {
      await tabTo(page, `#field-${field} ${RADIO}`);
      // Overshoot and come back, as a fast typist does.
      await arrow(page, "ArrowDown", downs + 1);
      await arrow(page, "ArrowUp");
      await expectFocusedIsChecked();
    }
    await tabTo(page, '[data-testid="submit-report"]');
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(REPORT_URL, { timeout: 30_000 });
    const summary = page.getByTestId("report-summary");
    await expect(summary.locator('[data-row="sites"]')).toContainText("Calf · Both sides");
    await expect(summary.locator('[data-row="duration"]')).toContainText("12 minutes");
    await expect(summary.locator('[data-row="pain"]')).toContainText("3 out of 10");
    await expect(summary.locator('[data-row="redFlags"]')).toHaveText(/None$/);
    for (const [field, , label] of picks) {
      await expect(summary.locator(`[data-row="${field}"]`)).toContainText(label);
    }
    const advice = page.getByTestId("triage-advice");
    await expect(advice).toHaveAttribute("data-advice", "doctor_will_review");
    await expect(advice.locator("[data-reason]")).toHaveText([
      /Stretching or massage did not ease it/,
      /made using your hand or walking hard/,
    ]);
  });
});

async function expectHiddenFromAnotherPatient(browser: Browser, url: string) {
  const other = await browser.newContext({ locale: "en-GB" });
  const page = await other.newPage();
  await registerPatient(page, "Other Patient");
  const res = await page.goto(url.replace(/\?.*$/, ""));
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("report-not-found")).toBeVisible();
  await expect(page.getByTestId("triage-advice")).toHaveCount(0);
  await other.close();
}

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("errors and the result speak French", async ({ page }) => {
    await registerPatient(page, "Patiente Test");
    await openForm(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signaler un épisode de spasme");
    await page.getByTestId("submit-report").click();
    await expect(page.locator("#field-sites-error")).toHaveText(
      "Choisissez au moins un endroit où vous avez ressenti le spasme.",
    );
    await expect(page.locator("#field-painScore-error")).toHaveText(
      "Indiquez l’intensité de la douleur, de 0 à 10.",
    );
    await expect(page.locator("#field-relief-error")).toHaveText("Choisissez une réponse.");
    await expect(page.locator("#field-redFlags-error")).toHaveText(/Répondez à cette question/);

    await fillByMouse(page, 5);
    await page.getByTestId("submit-report").click();
    await expect(page).toHaveURL(REPORT_URL, { timeout: 30_000 });
    const advice = page.getByTestId("triage-advice");
    await expect(advice).toHaveAttribute("data-advice", "doctor_will_review");
    await expect(advice).toContainText("Un médecin de votre cabinet examinera votre signalement");
    await expect(page.getByTestId("review-status")).toHaveText("Pas encore examiné par un médecin");
    await expect(advice.locator('[data-reason="PAINFUL"]')).toHaveText(
      "Le spasme était douloureux (4 à 7 sur 10).",
    );
    await expect(page.getByTestId("report-summary").locator('[data-row="sites"]')).toContainText(
      "Main et doigts · Droite",
    );
    await expectAccessible(page);
  });
});

for (const L of [
  {
    locale: "en-GB",
    title: "See a doctor within 24 hours",
    repeated: "This is your second episode in 30 days.",
  },
  {
    locale: "fr-FR",
    title: "Consultez un médecin dans les 24 heures",
    repeated: "C’est votre deuxième épisode en 30 jours.",
  },
]) {
  test.describe(`${L.locale}: the third eased cramp in 30 days`, () => {
    test.use({ locale: L.locale });

    test("says see a doctor within 24 hours, with no call-15 block", async ({ page }) => {
      test.slow(); // three reports
      await registerPatient(page, "Third Cramp");
      for (const expected of ["self_care", "doctor_will_review"]) {
        await openForm(page);
        await fillFinishedReport(page, { pain: 2 });
        await submitReport(page);
        await expect(page.getByTestId("triage-advice")).toHaveAttribute("data-advice", expected);
      }
      await expect(page.locator('[data-reason="REPEATED"]')).toHaveText(L.repeated);
      await openForm(page);
      await fillFinishedReport(page, { pain: 2 });
      await submitReport(page);
      const advice = page.getByTestId("triage-advice");
      await expect(advice).toHaveAttribute("data-level", "urgent");
      await expect(advice).toHaveAttribute("data-advice", "see_doctor_24h");
      await expect(advice.getByRole("heading", { name: L.title })).toBeVisible();
      await expect(advice.locator("[data-reason]")).toHaveCount(1);
      await expect(advice.locator('[data-reason="RECURRING"]')).toBeVisible();
      await expect(page.getByTestId("emergency-calls")).toHaveCount(0);
      await expect(page.getByRole("link", { name: /15/ })).toHaveCount(0);
      await expectAccessible(page);
    });
  });
}
