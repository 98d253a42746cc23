import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectAccessible } from "../fixtures";
import { fillFinishedReport, openReportForm, registerPatient, submitReport } from "../pages/patient";
import { LoginPage } from "../pages/login-page";

// Seeded with 3 reports (2 "soon", 1 "urgent"). These tests only read his data; the withdraw journey
// registers its own patient.
const LUCAS = "lucas.petit@demo.spasmcare.test";
const EXPORT_URL = "/api/patient/reports/export";

async function signIn(page: Page, email: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

/** The report ids the history page links to (Lucas's fit on one page). */
async function listedIds(page: Page): Promise<string[]> {
  const hrefs = await page
    .getByTestId("report-row")
    .locator("h2 a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.split("/").pop() ?? "");
}

function csvRows(text: string): string[] {
  return text.split("\r\n").filter(Boolean);
}

test.describe("report history and trends (demo patient, read-only)", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, LUCAS);
  });

  test("lists the patient's reports newest first, with badges and links, accessibly", async ({ page }) => {
    await page.goto("/patient/reports");
    const rows = page.getByTestId("report-row");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    const times = await rows
      .locator("time")
      .evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime") ?? ""));
    expect(times).toEqual([...times].sort().reverse());
    await expect(rows.first().getByTestId("triage-badge")).toBeVisible();
    await expect(rows.first().locator("h2 a")).toHaveAttribute("href", /^\/patient\/reports\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("export-csv")).toHaveAttribute("download", "");
    await expectAccessible(page);
  });

  test("filters by triage level and body site through the URL; bad parameters fall back", async ({
    page,
  }) => {
    await page.goto("/patient/reports");
    await page.getByTestId("filter-level").selectOption("soon");
    await expect(page).toHaveURL(/[?&]level=soon/);
    const rows = page.getByTestId("report-row");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    for (const level of await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute("data-level")))) {
      expect(level).toBe("soon");
    }
    await expectAccessible(page);

    await page.goto("/patient/reports?level=soon&site=knee");
    await expect(page.getByTestId("empty-state")).toBeVisible();
    await page.getByTestId("empty-state").getByRole("link").click();
    await expect(page).toHaveURL(/\/patient\/reports$/);

    const response = await page.goto("/patient/reports?page=-3&level=nope&site=%3Cscript%3E");
    expect(response?.status()).toBe(200);
    expect(await page.getByTestId("report-row").count()).toBeGreaterThanOrEqual(3);
  });

  test("the trends page draws the charts with a text alternative", async ({ page }) => {
    await page.goto("/patient/trends");
    const chart = page.getByTestId("trend-chart");
    await expect(chart).toBeVisible();
    await expect(chart.locator("svg").first()).toBeVisible();
    await expect(page.getByRole("figure", { name: /episodes per week|épisodes par semaine/i })).toBeVisible();
    // 12 weeks in the screen-reader table, and the site list.
    await expect(chart.locator("table tbody tr")).toHaveCount(12);
    await expect(page.getByTestId("site-breakdown").locator("li").first()).toBeVisible();
    await expectAccessible(page);
  });

  test("downloads a CSV of the patient's own reports", async ({ page }) => {
    await page.goto("/patient/reports");
    const ids = await listedIds(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-csv").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^spasmcare-reports-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = csvRows(text.slice(1));
    // Headers in the patient's language (lib/dal/report-export.ts).
    expect(header).toMatch(
      /^(Report number,Started \(Paris time\)|Numéro du signalement,Début \(heure de Paris\)),/,
    );
    expect(rows.map((r) => r.split(",")[0]).sort()).toEqual([...ids].sort());
  });

  test("the export URL gives only the signed-in patient's data, and nothing to a visitor", async ({
    page,
    browser,
  }) => {
    await page.goto("/patient/reports");
    const ids = await listedIds(page);
    const response = await page.request.get(EXPORT_URL);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="spasmcare-reports-/);
    const [, ...rows] = csvRows((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows.map((r) => r.split(",")[0]).sort()).toEqual([...ids].sort());

    const anonymous = await browser.newContext();
    const denied = await anonymous.request.get(new URL(EXPORT_URL, page.url()).toString());
    expect(denied.status()).toBe(401);
    await anonymous.close();
  });
});

test("a doctor is refused the patient's export and history", async ({ page }) => {
  await signIn(page, DEMO.doctor);
  const response = await page.request.get(EXPORT_URL);
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({ error: "forbidden" });
  // The page streams behind its loading skeleton, so the refusal arrives as the forbidden page, not as a status.
  for (const path of ["/patient/reports", "/patient/trends"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: /access denied|accès refusé/i })).toBeVisible();
    await expect(page.getByTestId("report-row")).toHaveCount(0);
    await expect(page.getByTestId("trend-chart")).toHaveCount(0);
  }
});

test.describe("withdrawing a report", () => {
  async function registerWithOneReport(page: Page) {
    await registerPatient(page, { name: "Withdraw Tester", prefix: "withdraw" });
    await openReportForm(page);
    await fillFinishedReport(page, { pain: 3 });
    await submitReport(page);
  }

  test("the patient withdraws a report with a reason; it stays listed, marked, and leaves the trends", async ({
    page,
  }) => {
    await registerWithOneReport(page);
    await page.goto("/patient/reports");
    const row = page.getByTestId("report-row");
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute("data-status", "active");

    // Escape closes the dialog and gives the focus back to its button.
    const open = row.getByTestId("withdraw-report");
    await open.click();
    const dialog = page.getByTestId("withdraw-dialog");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();

    await open.click();
    await expect(dialog.getByRole("heading")).toHaveText(/withdraw this report/i);
    await expect(dialog).toContainText(/stays in your record/i);
    await expectAccessible(page);
    const reason = dialog.getByRole("textbox", { name: /why are you withdrawing it/i });
    await dialog.getByTestId("confirm-withdraw").click();
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(dialog).toContainText("This field is required.");
    await expect(reason).toBeFocused();
    await reason.fill("ab");
    await dialog.getByTestId("confirm-withdraw").click();
    await expect(dialog).toContainText("at least 3 characters");
    await expectAccessible(page);

    await reason.fill("Entered twice by mistake");
    await dialog.getByTestId("confirm-withdraw").click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/report withdrawn/i)).toBeVisible();
    await expect(row).toHaveAttribute("data-status", "withdrawn");
    await expect(row.getByTestId("withdrawn-note")).toContainText("Entered twice by mistake");
    await expect(row.getByTestId("withdraw-report")).toHaveCount(0);
    await expectAccessible(page);

    await page.goto("/patient/trends");
    await expect(page.getByTestId("empty-state")).toBeVisible();
    const csv = await (await page.request.get(EXPORT_URL)).text();
    expect(csvRows(csv)[1]).toMatch(/,(Withdrawn|Retiré),/);
    expect(csvRows(csv)[1]).toContain("Entered twice by mistake");
  });
});
