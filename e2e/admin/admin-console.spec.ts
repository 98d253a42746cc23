import { readFileSync } from "node:fs";
import { expect, test, type Browser } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectAccessible, uniqueEmail } from "../fixtures";
import { LoginPage } from "../pages/login-page";
import { fillFinishedReport, openReportForm, registerPatient, submitReport } from "../pages/patient";
import { createAccount, expectNoHorizontalScroll, firstSignIn, NEW_PASSWORD } from "./admin-pages";

// Serial: the two journeys share the demo admin. Closing self-registration lives in an exclusive spec that runs
// after every other one (see playwright.config.ts), so it cannot refuse another spec's patients.
test.describe.configure({ mode: "serial" });

const BROWSER_LOCALE = { fr: "fr-FR", en: "en-GB" } as const;
const TEXT = {
  fr: {
    accounts: "Comptes",
    audit: "Journal d’audit",
    disabled: "Désactivé",
    assigned: /2 patients attribués/,
  },
  en: { accounts: "Accounts", audit: "Audit log", disabled: "Disabled", assigned: /2 patients assigned/ },
} as const;

async function patientWithReport(browser: Browser, locale: "fr" | "en", name: string) {
  const context = await browser.newContext({ locale: BROWSER_LOCALE[locale] });
  const page = await context.newPage();
  const email = await registerPatient(page, { name, prefix: "adm-patient" });
  await openReportForm(page);
  await fillFinishedReport(page, { pain: 2 });
  await submitReport(page);
  return { context, page, email, name };
}

for (const locale of ["fr", "en"] as const) {
  test(`admin runs the clinic: accounts, first sign-in, bulk assignment, disable, audit (${locale})`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const tag = `${locale}${Date.now().toString(36)}`;
    const text = TEXT[locale];

    // Two patients with a report each; the first stays signed in in its own browser context.
    const p1 = await patientWithReport(browser, locale, `Alpha ${tag}`);
    const p2 = await patientWithReport(browser, locale, `Bravo ${tag}`);

    // The demo admin creates an admin in this test's language, who must replace the temporary password.
    const adminContext = await browser.newContext({ locale: BROWSER_LOCALE[locale] });
    const admin = await adminContext.newPage();
    const login = new LoginPage(admin);
    await login.goto();
    await login.signIn(DEMO.admin, DEMO_PASSWORD);
    await expect(admin).toHaveURL(/\/admin$/, { timeout: 30_000 });
    const adminEmail = uniqueEmail(`adm-${locale}`);
    const adminTemp = await createAccount(admin, {
      role: "admin",
      name: `Admin ${tag}`,
      email: adminEmail,
      locale,
    });
    await login.signOut();
    await firstSignIn(admin, adminEmail, adminTemp, /\/admin$/);
    await expect(
      admin.getByRole("navigation").getByRole("link", { name: text.accounts }).first(),
    ).toBeVisible();

    // The new admin creates a doctor; the doctor signs in with the temporary password and must set a new one.
    const doctorEmail = uniqueEmail(`doc-${locale}`);
    const doctorName = `Dr Charlie ${tag}`;
    const doctorTemp = await createAccount(admin, {
      role: "doctor",
      name: doctorName,
      email: doctorEmail,
      locale,
    });
    await expectAccessible(admin);
    const doctorContext = await browser.newContext({ locale: BROWSER_LOCALE[locale] });
    const doctor = await doctorContext.newPage();
    await firstSignIn(doctor, doctorEmail, doctorTemp, /\/doctor$/);
    // The temporary password no longer works.
    await doctorContext.clearCookies();
    await doctor.goto("/login");
    await new LoginPage(doctor).signIn(doctorEmail, doctorTemp);
    await expect(doctor.getByTestId("form-error")).toBeVisible();
    await new LoginPage(doctor).signIn(doctorEmail, NEW_PASSWORD);
    await expect(doctor).toHaveURL(/\/doctor$/, { timeout: 30_000 });

    // Bulk assignment from the filtered list.
    await admin.goto(`/admin/users?q=${encodeURIComponent(tag)}&role=patient`);
    const rows = admin.getByTestId("account-row");
    await expect(rows).toHaveCount(2);
    await expectAccessible(admin);
    await admin.waitForLoadState("networkidle");
    await admin.getByRole("checkbox", { name: new RegExp(p1.name) }).click();
    await admin.getByRole("checkbox", { name: new RegExp(p2.name) }).click();
    await admin
      .locator("#bulk-doctor")
      .selectOption({ label: `${doctorName} (0 patient${locale === "fr" ? "" : "s"})` });
    await admin.getByTestId("bulk-assign-submit").click();
    await expect(admin.getByTestId("admin-form-success")).toHaveText(text.assigned);
    await expect(admin.getByTestId("account-doctor").first()).toHaveText(doctorName);

    // They appear in the doctor's queue as the doctor's own patients, at once.
    await doctor.goto("/doctor?scope=mine");
    const queue = doctor.getByTestId("triage-queue");
    await expect(queue.getByRole("link", { name: p1.name })).toBeVisible();
    await expect(queue.getByRole("link", { name: p2.name })).toBeVisible();

    // The admin disables the first patient, who is signed in elsewhere: their next click lands on sign-in.
    await admin.getByRole("link", { name: p1.name }).click();
    await expect(admin).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await expect(admin.getByTestId("current-doctor")).toContainText(doctorName);
    await expectAccessible(admin);
    await admin.waitForLoadState("networkidle");
    await admin.getByTestId("toggle-status").click();
    await admin.getByTestId("toggle-status-confirm").click();
    await expect(admin.getByTestId("account-badges")).toContainText(text.disabled);
    await p1.page.goto("/patient/reports");
    await expect(p1.page).toHaveURL(/\/login/);

    // The audit log shows these events, filters them, and exports the filtered rows as CSV.
    await admin.goto("/admin/audit");
    await expect(admin.getByRole("heading", { level: 1, name: text.audit })).toBeVisible();
    await admin.locator("#audit-patient").fill(p1.name);
    await admin.getByTestId("apply-audit-filters").click();
    await expect(admin).toHaveURL(/patient=/);
    const auditRows = admin.getByTestId("audit-row");
    await expect(auditRows.first()).toBeVisible();
    const actions = await auditRows.evaluateAll((els) => els.map((e) => e.getAttribute("data-action")));
    expect(actions).toEqual(expect.arrayContaining(["account.status", "assignment.update", "auth.register"]));
    await admin.locator("#audit-action").selectOption("account.status");
    await admin.getByTestId("apply-audit-filters").click();
    await expect(auditRows).toHaveCount(1);
    await expect(auditRows.first()).toContainText(`Admin ${tag}`);
    await expectAccessible(admin);
    const downloadPromise = admin.waitForEvent("download");
    await admin.getByTestId("export-csv").click();
    const download = await downloadPromise;
    const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe(
      "time,actor,actor_email,actor_role,action,entity_type,patient,outcome,request_id,ip,user_agent",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("account.status");
    expect(lines[1]).toContain(p1.name);
    expect(lines[1]).toContain(adminEmail);

    // Phones: the admin pages fit 390 px without sideways scrolling.
    await admin.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/admin/users", "/admin/audit", "/admin/audit?tab=break-glass", "/admin/settings"]) {
      await admin.goto(path);
      await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoHorizontalScroll(admin);
      await expectAccessible(admin);
    }

    for (const c of [p1.context, p2.context, adminContext, doctorContext]) await c.close();
  });
}

test("the server names each request itself: a client-supplied request id is dropped", async ({ request }) => {
  const response = await request.get("/login", { headers: { "x-request-id": "forged-by-client" } });
  const id = response.headers()["x-request-id"];
  expect(id).not.toBe("forged-by-client");
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});
