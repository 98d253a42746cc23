import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../fixtures";
import { LoginPage } from "../pages/login-page";
import { fillFinishedReport, openReportForm, registerPatient, submitReport } from "../pages/patient";

// Both demo doctors: a self-registered patient is assigned to neither.
const DOCTORS = ["dr.martin@demo.spasmcare.test", "dr.dubois@demo.spasmcare.test"] as const;

type Inbox = { items: { kind: string; readAt: string | null }[]; unread: number };

async function signInDoctor(browser: Browser, email: string) {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/doctor/, { timeout: 30_000 });
  return { context, page };
}

async function inbox(page: Page): Promise<Inbox> {
  const res = await page.request.get("/api/notifications?limit=50");
  expect(res.ok()).toBe(true);
  return (await res.json()) as Inbox;
}

test("an unassigned patient's urgent report puts a notification in every doctor's bell", async ({
  page,
  browser,
}) => {
  test.slow(); // two doctors and a patient
  const doctors = await Promise.all(DOCTORS.map((email) => signInDoctor(browser, email)));
  // Start from an empty inbox so the new notification is the one this report created.
  for (const d of doctors) {
    const res = await d.page.request.post("/api/notifications/read", { data: { all: true } });
    expect(res.ok()).toBe(true);
    expect((await inbox(d.page)).unread).toBe(0);
  }

  await registerPatient(page, { name: "Unassigned Urgent", prefix: "urgent" });
  await openReportForm(page);
  await fillFinishedReport(page, { pain: 3, redFlags: ["numbness"] });
  await submitReport(page);
  await expect(page.getByTestId("triage-advice")).toHaveAttribute("data-advice", "emergency");

  for (const d of doctors) {
    const box = await inbox(d.page);
    expect(box.unread).toBeGreaterThanOrEqual(1);
    expect(box.items.some((n) => n.kind === "urgent_report" && n.readAt === null)).toBe(true);
    await d.page.reload();
    await expect(d.page.getByTestId("notification-count")).toBeVisible();
    await d.page.getByTestId("notification-bell").click();
    await expect(d.page.getByTestId("notification-list")).toContainText(/Urgent report|Signalement urgent/); // each doctor reads their own language
    await d.context.close();
  }
});
