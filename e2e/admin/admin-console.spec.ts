import { readFileSync } from "node:fs";
import { expect, test, type Browser } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectAccessible, uniqueEmail } from "../fixtures";
import { LoginPage } from "../pages/login-page";
import { fillFinishedReport, openReportForm, registerPatient, submitReport } from "../pages/patient";
import { createAccount, expectNoHorizontalScroll, firstSignIn, NEW_PASSWORD } from "./admin-pages";

// Serial: the registration test closes self-registration for a moment, which would refuse the journey's patients.
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

test("self-registration switched off: the page and a replayed register action are refused", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const visitor = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await visitor.goto("/register");
  await expect(visitor.locator('input[name="name"]')).toBeVisible();
  await visitor.waitForLoadState("networkidle");

  const adminContext = await browser.newContext({ locale: "en-GB" });
  const admin = await adminContext.newPage();
  const login = new LoginPage(admin);
  await login.goto();
  await login.signIn(DEMO.admin, DEMO_PASSWORD);
  await expect(admin).toHaveURL(/\/admin$/, { timeout: 30_000 });
  const setSettings = async (name: string, open: boolean) => {
    await admin.goto("/admin/settings");
    await admin.waitForLoadState("networkidle");
    await admin.locator("#field-clinicName").fill(name);
    const toggle = admin.getByTestId("self-registration");
    if ((await toggle.getAttribute("aria-checked")) !== String(open)) await toggle.click();
    await admin.getByTestId("save-settings").click();
    await expect(admin.getByTestId("admin-form-success")).toBeVisible();
  };
  try {
    await setSettings("Clinique E2E", false);
    await expectAccessible(admin);
    // The clinic name is in the app shell at once.
    await expect(admin.locator("header")).toContainText("Clinique E2E");

    // The form loaded while registration was open is submitted now: the action refuses it.
    const password = "a long enough password";
    await visitor.locator('input[name="name"]').fill("Too Late");
    await visitor.locator('input[name="email"]').fill(uniqueEmail("late"));
    await visitor.locator('input[name="password"]').fill(password);
    await visitor.locator('input[name="confirmPassword"]').fill(password);
    await visitor.locator('form button[type="submit"]').click();
    await expect(visitor.getByTestId("form-error")).toContainText(/self-registration is closed|inscription/i);
    await expect(visitor).toHaveURL(/\/register$/);
    await visitor.reload();
    await expect(visitor.locator('input[name="name"]')).toHaveCount(0);
    await expect(visitor.getByText(/self-registration is closed/i)).toBeVisible();
    await expectAccessible(visitor);
  } finally {
    await setSettings("SpasmCare", true);
  }
  await visitor.reload();
  await expect(visitor.locator('input[name="name"]')).toBeVisible();
  await adminContext.close();
});

test("the server names each request itself: a client-supplied request id is dropped", async ({ request }) => {
  const response = await request.get("/login", { headers: { "x-request-id": "forged-by-client" } });
  const id = response.headers()["x-request-id"];
  expect(id).not.toBe("forged-by-client");
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});
