import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectAccessible } from "../fixtures";
import { LoginPage } from "../pages/login-page";

/** Lucas Petit (demo): Dr Martin's patient, heat-triggered spasms and a diuretic → electrolyte imbalance suggested. */
async function openLucas(page: Page): Promise<string> {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO.doctor, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/doctor$/, { timeout: 30_000 });
  await page.goto("/doctor/search?q=Petit");
  await page.getByTestId("search-results").getByRole("link", { name: "Lucas Petit" }).click();
  await expect(page).toHaveURL(/\/doctor\/patients\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

async function signNow(page: Page) {
  await page.getByTestId("evaluation-sign").click();
  await page.getByTestId("evaluation-sign-confirm").click();
  await expect(page).toHaveURL(/\/evaluation\/[0-9a-f-]{36}\?signed=1/, { timeout: 30_000 });
  await expect(page.getByTestId("evaluation-signed")).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function noHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

test.describe("doctor: evaluation and suspected causes", () => {
  test("PSFS and Ashworth (with 1+), sign, amend, both versions readable; confirm a suggested cause", async ({
    page,
  }) => {
    test.slow();
    const patientId = await openLucas(page);
    const base = `/doctor/patients/${patientId}/evaluation`;
    await page.goto(base);
    await expect(page.getByRole("heading", { level: 2, name: /^(évaluations|evaluations)$/i })).toBeVisible();
    await expectAccessible(page);

    await page.getByTestId("evaluation-start").click();
    await expect(page).toHaveURL(/\/evaluation\/(new|[0-9a-f-]{36}\/edit)$/);
    const form = page.getByTestId("evaluation-form");
    await expect(form).toBeVisible();
    // A draft left by an earlier run starts clean.
    while ((await form.getByTestId("mas-row").count()) > 0) {
      await form.getByRole("button", { name: /supprimer la ligne 1|remove row 1/i }).click();
    }

    // Signing checks the whole evaluation: the frequency is required, in the doctor's language.
    await page.getByTestId("evaluation-sign").click();
    await expect(form.locator("#eval-psfsFrequency-error")).toHaveText(/fréquence|frequency/i);
    // Severity is asked only once there are spasms, and then required.
    await expect(form.locator("#eval-psfsSeverity-1")).toHaveCount(0);
    await form.locator("#eval-psfsFrequency-2").click();
    await page.getByTestId("evaluation-sign").click();
    await expect(form.locator("#eval-psfsSeverity-error")).toHaveText(/sévérité|severity/i);
    // Keyboard: a focused choice is checked with Space.
    await form.locator("#eval-psfsSeverity-1").click();
    await form.locator("#eval-psfsSeverity-2").focus();
    await page.keyboard.press("Space");
    await expect(form.locator("#eval-psfsSeverity-2")).toHaveAttribute("aria-checked", "true");
    await expect(form.locator("#eval-psfsSeverity-error")).toHaveCount(0);

    // Ashworth rows: one from the list with '1+', one typed in.
    const add = form.getByRole("button", { name: /ajouter un muscle|add a muscle/i });
    await add.click();
    await add.click();
    await form.locator("#mas-0-group").selectOption("elbow_flexors");
    await form.locator("#mas-0-side").selectOption("left");
    await form.locator("#mas-0-score").selectOption("1+");
    await form.locator("#mas-1-group").selectOption("other");
    await form.locator("#mas-1-side").selectOption("right");
    await form.locator("#mas-1-score").selectOption("2");
    await form.getByRole("button", { name: /enregistrer le brouillon|save draft/i }).click();
    await expect(form.locator("#mas-1-otherGroup-error")).toHaveText(/groupe musculaire|muscle group/i);
    await form.locator("#mas-1-otherGroup").fill("Tibialis posterior");

    await form.locator("#eval-examNotes").fill("Réflexes vifs, pas de clonus.");
    await form.locator("#workup-sodium").click();
    await form.locator("#workup-other").click();
    await form.getByRole("button", { name: /enregistrer le brouillon|save draft/i }).click();
    await expect(form.locator("#eval-workUpNotes-error")).toBeVisible();
    await form.locator("#eval-workUpNotes").fill("Vitamine D");
    await form.getByRole("button", { name: /enregistrer le brouillon|save draft/i }).click();
    await expect(page.getByTestId("evaluation-status")).toHaveText(/brouillon enregistré|draft saved/i);
    await expect(page).toHaveURL(/\/evaluation\/[0-9a-f-]{36}\/edit$/);
    await expectAccessible(page);

    // The saved draft reloads as typed ('1+' is still '1+').
    await page.reload();
    await expect(form.locator("#mas-0-score")).toHaveValue("1+");
    await expect(form.locator("#mas-1-otherGroup")).toHaveValue("Tibialis posterior");
    await expect(form.locator("#eval-psfsSeverity-2")).toHaveAttribute("aria-checked", "true");

    const v1 = await signNow(page);
    const view = page.getByTestId("evaluation-view");
    await expect(view.getByTestId("view-mas")).toContainText("1+");
    await expect(view.getByTestId("view-mas")).toContainText("Tibialis posterior");
    await expect(view.getByTestId("view-psfs-frequency")).toContainText("2");
    const v1Title = (await page.getByRole("heading", { level: 2 }).last().textContent())!;
    const version = Number(v1Title.match(/(\d+)\s*$/)![1]);
    await expectAccessible(page);

    // Amend: a new draft version pointing to the signed one.
    await page.getByTestId("evaluation-amend").click();
    await expect(page).toHaveURL(/\/evaluation\/[0-9a-f-]{36}\/edit$/, { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 2 }).last()).toHaveText(new RegExp(`${version + 1}$`));
    await expect(form.locator("#mas-0-score")).toHaveValue("1+");
    await form.locator("#eval-examNotes").fill("Avenant : clonus inépuisable à gauche.");
    const v2 = await signNow(page);
    expect(v2).not.toBe(v1);
    await expect(page.getByTestId("evaluation-view")).toContainText(/clonus inépuisable/);

    // The signed first version is unchanged, cannot be amended twice, and links to its amendment.
    await page.goto(`${base}/${v1}`);
    await expect(page.getByTestId("evaluation-view")).toContainText("Réflexes vifs");
    await expect(page.getByTestId("evaluation-amend")).toHaveCount(0);
    await expect(
      page.getByRole("link", { name: new RegExp(`(version|la version) ${version + 1}`, "i") }),
    ).toBeVisible();

    // The list shows both versions, who signed and when.
    await page.goto(base);
    const list = page.getByTestId("evaluation-list");
    for (const id of [v1, v2]) await expect(list.locator(`a[href$="/evaluation/${id}"]`)).toBeVisible();
    await expect(list.getByTestId("evaluation-item").first()).toContainText(/signée par|signed by/i);
    await expect(list.getByTestId("evaluation-item").first()).toContainText(/Claire Martin/);

    // Causes: electrolyte imbalance suggested from the facts, with its work-up; confirm it with a note.
    await page.goto(`/doctor/patients/${patientId}/causes`);
    const card = page.locator('[data-testid="cause-card"][data-cause="electrolyte_imbalance"]');
    await expect(card.getByTestId("cause-facts")).toContainText(/diurétique|diuretic/i);
    await expect(card).toContainText(/magnésium|magnesium/i);
    await expectAccessible(page);
    const decision = card.locator("form");
    await decision.getByRole("radio", { name: /^(confirmée|confirmed)$/i }).click();
    await decision.getByRole("textbox").fill("Natrémie basse au bilan.");
    await decision.getByRole("button", { name: /^(enregistrer|record)$/i }).click();
    await expect(card.getByTestId("cause-status")).toHaveText(/confirmée|confirmed/i);
    await card.getByTestId("cause-history").locator("summary").click();
    await expect(card.getByTestId("cause-history")).toContainText("Natrémie basse au bilan.");
    await expect(card.getByTestId("cause-history")).toContainText(/Claire Martin/);

    // A cause the software did not suggest, with a free label; the label is required.
    const add2 = page.getByTestId("cause-new-form");
    await add2.locator("#cause-new-cause").selectOption("other");
    await add2.getByRole("radio", { name: /en cours d’investigation|under investigation/i }).click();
    await add2.getByRole("button", { name: /ajouter la cause|add the cause/i }).click();
    await expect(add2.locator("#cause-new-label-error")).toHaveText(/nommez|name the cause/i);
    await add2.locator("#cause-new-label").fill("Hypothyroïdie");
    await add2.getByRole("button", { name: /ajouter la cause|add the cause/i }).click();
    await expect(page.locator('[data-testid="cause-card"][data-cause="other"]').first()).toBeVisible();
    await expectAccessible(page);

    // 390 px: the list, a version and the causes fit and stay accessible.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of [base, `${base}/${v2}`, `/doctor/patients/${patientId}/causes`]) {
      await page.goto(url);
      await noHorizontalScroll(page);
      await expectAccessible(page);
    }
    await page.goto(`${base}/new`);
    await expect(page.getByTestId("evaluation-form")).toBeVisible();
    await page.getByRole("button", { name: /ajouter un muscle|add a muscle/i }).click();
    await noHorizontalScroll(page);
    await expectAccessible(page);
  });
});
