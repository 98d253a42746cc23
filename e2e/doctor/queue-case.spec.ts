import { expect, test, type Request } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectAccessible } from "../fixtures";
import {
  claimFromQueue,
  DOCTORS,
  freshPatientWithReport,
  openCaseFromQueue,
  queueRow,
  signIn,
} from "../pages/doctor";
import { LoginPage } from "../pages/login-page";

const RANK = { urgent: 2, soon: 1, routine: 0 } as const;

test.describe("doctor: triage queue and case", () => {
  test("the queue is ordered by level, filters live in the URL, and it is accessible on desktop and phone", async ({
    page,
  }) => {
    await signIn(page, DOCTORS.martin);
    await expect(page.getByTestId("triage-queue")).toBeVisible();
    const levels = await page
      .getByTestId("queue-row")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-level")));
    const ranks = levels.map((l) => RANK[l as keyof typeof RANK]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    await expectAccessible(page);

    await page
      .getByRole("link", { name: /^urgent/i })
      .first()
      .click();
    await expect(page).toHaveURL(/level=urgent/);
    const filtered = await page
      .getByTestId("queue-row")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-level")));
    expect(filtered.length).toBeGreaterThan(0);
    expect(new Set(filtered)).toEqual(new Set(["urgent"]));
    await page.getByRole("link", { name: /my patients|mes patients/i }).click();
    await expect(page).toHaveURL(/scope=mine/);
    await expect(page).toHaveURL(/level=urgent/);
    await expect(page.getByRole("link", { name: /my patients|mes patients/i })).toHaveAttribute(
      "aria-current",
      "page",
    );

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/doctor");
    await expect(page.getByTestId("triage-queue")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectAccessible(page);
  });

  test("a red-flag case opens with its flags at the top; claim makes it mine; the case is accessible at 390 px", async ({
    browser,
    page,
  }) => {
    test.slow();
    const patient = await freshPatientWithReport(browser, {
      name: `Flag Case ${Date.now() % 100000}`,
      pain: 3,
      redFlags: ["numbness"],
    });
    await signIn(page, DOCTORS.martin);
    // The row names the case's reasons and sites and says how long it has waited.
    await page.goto("/doctor?scope=unassigned&level=urgent");
    const row = queueRow(page, patient.name);
    await expect(row).toContainText(/Red flag: new weakness|Signe d’alerte : faiblesse/);
    await expect(row).toContainText(/Calf|Mollet/);
    await expect(row.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    await expect(row.locator("time")).toHaveText(/ago|il y a|now|maintenant/i);
    await claimFromQueue(page, patient.name);
    await page.goto("/doctor?scope=mine&level=urgent");
    await expect(queueRow(page, patient.name).getByRole("cell").last()).toHaveText(
      /^(My patient|Mon patient)$/,
    );
    const id = await openCaseFromQueue(page, patient.name, "?scope=mine&level=urgent");
    await expect(page.getByTestId("red-flags")).toContainText(/numbness|engourdissement/i);
    await expect(page.getByTestId("case-doctor")).toHaveText("Dr Claire Martin");
    await expect(page.getByTestId("timeline-report")).toHaveCount(1);
    await expect(page.getByTestId("timeline-report").first()).toContainText(
      /(reviewed by|revu par) dr claire martin/i,
    );
    await expectAccessible(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectAccessible(page);

    // A missing patient id answers 404, like a malformed one.
    for (const bad of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const res = await page.goto(`/doctor/patients/${bad}`);
      expect(res?.status()).toBe(404);
    }
    expect(id).toMatch(/[0-9a-f-]{36}/);
  });

  test("break-glass: another doctor is refused, states a reason, gets a banner", async ({ browser }) => {
    test.slow();
    const patient = await freshPatientWithReport(browser, {
      name: `Glass Case ${Date.now() % 100000}`,
      pain: 9,
    });
    const martin = await (await browser.newContext()).newPage();
    await signIn(martin, DOCTORS.martin);
    await claimFromQueue(martin, patient.name);
    const id = await openCaseFromQueue(martin, patient.name, "?scope=mine&level=urgent");

    const dubois = await (await browser.newContext({ locale: "en-GB" })).newPage();
    await signIn(dubois, DOCTORS.dubois);
    await dubois.goto(`/doctor/patients/${id}`);
    const offer = dubois.getByTestId("break-glass");
    await expect(offer).toContainText(`${patient.name} is a patient of Dr Claire Martin`);
    await expect(dubois.getByTestId("case-timeline")).toHaveCount(0);
    await expectAccessible(dubois);
    await dubois.getByLabel(/reason for emergency access/i).fill("too short");
    await dubois.getByRole("button", { name: /break the glass/i }).click();
    await expect(offer).toContainText(/at least 10 characters/i);
    await dubois
      .getByLabel(/reason for emergency access/i)
      .fill("Seen at the ER tonight, Dr Martin unreachable");
    await dubois.getByRole("button", { name: /break the glass/i }).click();
    await expect(dubois.getByTestId("break-glass-banner")).toContainText(
      "Seen at the ER tonight, Dr Martin unreachable",
    );
    await expect(dubois.getByTestId("case-timeline")).toBeVisible();
    await expectAccessible(dubois);

    // The grant is on the admins' break-glass list, with the stated reason.
    const admin = await (await browser.newContext({ locale: "en-GB" })).newPage();
    await signIn(admin, DEMO.admin);
    await admin.goto("/admin/audit?tab=break-glass");
    const grant = admin
      .getByTestId("break-glass-row")
      .filter({ hasText: "Seen at the ER tonight, Dr Martin unreachable" });
    await expect(grant).toContainText("Dr Antoine Dubois");
    await expect(grant).toContainText(patient.name);
  });

  test("patients and admins reach no doctor page, route handler or action", async ({ browser, page }) => {
    // Capture a real "claim" action as the doctor sends it, then replay it with other people's sessions.
    const patient = await freshPatientWithReport(browser, {
      name: `Replay Case ${Date.now() % 100000}`,
      pain: 9,
    });
    await signIn(page, DOCTORS.dubois);
    await page.goto("/doctor?scope=unassigned&level=urgent");
    const row = queueRow(page, patient.name);
    await expect(row).toBeVisible();
    const captured: Request[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"]) captured.push(r);
    });
    const patientId = (await row.getByRole("link").getAttribute("href"))!.split("/").pop()!;

    for (const [email, role] of [
      [DEMO.patient, "patient"],
      [DEMO.admin, "admin"],
    ] as const) {
      const context = await browser.newContext();
      const other = await context.newPage();
      const login = new LoginPage(other);
      await login.goto();
      await login.signIn(email, DEMO_PASSWORD);
      await expect(other).toHaveURL(new RegExp(`/${role}`), { timeout: 30_000 });
      for (const url of ["/doctor", `/doctor/patients/${patientId}`, "/doctor/search?q=ber"]) {
        const res = await other.goto(url);
        expect(res?.status(), `${role} ${url}`).toBe(403);
      }
      const api = await context.request.get("/api/doctor/queue");
      expect(api.status()).toBe(403);
      await context.close();
    }
    const anon = await browser.newContext();
    expect((await anon.request.get("/api/doctor/queue")).status()).toBe(401);

    // Now the doctor claims; the same request replayed by a patient changes nothing.
    await row.getByRole("button", { name: new RegExp(patient.name) }).click();
    await expect(
      page.getByText(new RegExp(`${patient.name} (is now your patient|est désormais votre patient)`)),
    ).toBeVisible({ timeout: 30_000 });
    const claim = captured.at(-1)!;
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await new LoginPage(p).goto();
    await new LoginPage(p).signIn(DEMO.patient, DEMO_PASSWORD);
    await expect(p).toHaveURL(/\/patient/, { timeout: 30_000 });
    const replay = await ctx.request.post(claim.url(), {
      headers: {
        "next-action": claim.headers()["next-action"],
        "content-type": claim.headers()["content-type"],
        accept: "text/x-component",
      },
      data: claim.postData() ?? "",
    });
    const body = await replay.text();
    expect(body).toContain("forbidden");
    expect(body).not.toContain(patient.name);
    await ctx.close();
    await anon.close();
  });
});
