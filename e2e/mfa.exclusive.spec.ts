import { expect, test, type Browser, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { DEMO, DEMO_PASSWORD, expectAccessible, uniqueEmail } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { createAccount, expectNoHorizontalScroll, firstSignIn, NEW_PASSWORD } from "./admin/admin-pages";

// Exclusive: "require two-step verification for staff" is clinic-wide, so this spec runs alone after the others
// (playwright.config.ts). It uses its own admin and doctor, and switches the setting back off in `finally`.

/** The code an authenticator app would show, read from the secret printed beside the QR code. */
function codeFor(secret: string, offsetMs = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  return totp.generate({ timestamp: Date.now() + offsetMs });
}

async function readSecret(page: Page): Promise<string> {
  const text = (await page.getByTestId("mfa-secret").textContent()) ?? "";
  const secret = text.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  return secret;
}

/** On an enrolment form: QR code visible, enter the app's code, get ten recovery codes, continue. */
async function enrol(page: Page, check?: () => Promise<void>): Promise<{ secret: string; codes: string[] }> {
  await expect(page.getByTestId("mfa-qr")).toBeVisible();
  await expect(page.getByTestId("mfa-qr")).toHaveAttribute("src", /^data:image\/png;base64,/);
  const secret = await readSecret(page);
  await check?.();
  await page.waitForLoadState("networkidle");
  await page.getByTestId("mfa-enrol-form").locator('input[name="code"]').fill(codeFor(secret));
  await page.getByTestId("mfa-enrol-form").locator('button[type="submit"]').click();
  await expect(page.getByTestId("mfa-recovery-codes")).toBeVisible({ timeout: 30_000 });
  const codes = (await page.getByTestId("mfa-recovery-code").allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  return { secret, codes };
}

async function signInToSecondStep(page: Page, email: string) {
  await page.goto("/login");
  await new LoginPage(page).signIn(email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/mfa$/, { timeout: 30_000 });
}

async function submitCode(page: Page, code: string) {
  await page.waitForLoadState("networkidle");
  await page.getByTestId("mfa-verify-form").locator('input[name="code"]').fill(code);
  await page.getByTestId("mfa-verify-form").locator('button[type="submit"]').click();
}

async function setStaffMfa(admin: Page, on: boolean) {
  await admin.goto("/admin/settings");
  await admin.waitForLoadState("networkidle");
  const toggle = admin.getByTestId("require-staff-mfa");
  await expect(toggle).toBeEnabled();
  if ((await toggle.getAttribute("aria-checked")) !== String(on)) await toggle.click();
  await admin.getByTestId("save-staff-mfa").click();
  await expect(admin.getByTestId("staff-mfa-result")).toBeVisible();
  await expect(admin.getByTestId("staff-mfa-result")).toHaveAttribute("role", "status");
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: "en-GB" })).newPage();
}

test("staff MFA: enrolment at first sign-in, a code at every sign-in, a recovery code once, admin reset", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const tag = Date.now().toString(36);

  // The demo admin creates this test's own admin and doctor.
  const demo = await newPage(browser);
  await demo.goto("/login");
  await new LoginPage(demo).signIn(DEMO.admin, DEMO_PASSWORD);
  await expect(demo).toHaveURL(/\/admin$/, { timeout: 30_000 });
  const adminEmail = uniqueEmail("mfa-admin");
  const adminTemp = await createAccount(demo, {
    role: "admin",
    name: `MFA admin ${tag}`,
    email: adminEmail,
    locale: "en",
  });
  const doctorEmail = uniqueEmail("mfa-doctor");
  const doctorTemp = await createAccount(demo, {
    role: "doctor",
    name: `MFA doctor ${tag}`,
    email: doctorEmail,
    locale: "en",
  });
  const doctorUrl = await demo
    .getByTestId("account-created")
    .locator('a[href^="/admin/users/"]')
    .getAttribute("href");
  expect(doctorUrl).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);
  await new LoginPage(demo).signOut();

  // The new admin cannot require MFA before having their own: they enrol on /account/security first.
  const admin = await newPage(browser);
  await firstSignIn(admin, adminEmail, adminTemp, /\/admin$/);
  await admin.goto("/admin/settings");
  await expect(admin.getByTestId("staff-mfa-enrol-first")).toBeVisible();
  await expect(admin.getByTestId("require-staff-mfa")).toBeDisabled();
  await admin.goto("/account/security");
  await expect(admin.getByTestId("mfa-status")).toHaveText(/off/i);
  await enrol(admin, () => expectAccessible(admin));
  await admin.getByTestId("mfa-continue").click();
  await expect(admin.getByTestId("mfa-status")).toHaveText(/on/i);
  await expect(admin.getByTestId("mfa-codes-left")).toContainText("10");

  await setStaffMfa(admin, true);
  try {
    // A freshly created doctor: temporary password first, then enrolment before any doctor page.
    const doctor = await newPage(browser);
    await firstSignIn(doctor, doctorEmail, doctorTemp, /\/mfa$/);
    await doctor.goto("/doctor");
    await expect(doctor).toHaveURL(/\/mfa$/);
    await expect(doctor.locator("h1")).toHaveText(/set up two-step verification/i);
    const { secret, codes } = await enrol(doctor, async () => {
      await expectAccessible(doctor);
      await doctor.setViewportSize({ width: 390, height: 844 });
      await expectNoHorizontalScroll(doctor);
    });
    await expectAccessible(doctor);
    await expectNoHorizontalScroll(doctor);
    await doctor.getByTestId("mfa-continue").click();
    await expect(doctor).toHaveURL(/\/doctor$/, { timeout: 30_000 });
    await new LoginPage(doctor).signOut();

    // Next sign-in: the password alone reaches no doctor page; a wrong code is refused; the app's code opens it.
    await signInToSecondStep(doctor, doctorEmail);
    await doctor.goto("/doctor");
    await expect(doctor).toHaveURL(/\/mfa$/);
    await expect(doctor.getByTestId("mfa-verify-form")).toBeVisible();
    await expectAccessible(doctor);
    await expectNoHorizontalScroll(doctor);
    const wrong = ["000000", "111111", "222222"].find(
      (c) => ![-30_000, 0, 30_000].some((d) => codeFor(secret, d) === c),
    )!;
    await submitCode(doctor, wrong);
    await expect(doctor.locator("#field-code-error")).toBeVisible();
    await expectAccessible(doctor);
    // The enrolment used this 30-second step's code; the next step's is inside the accepted window.
    await submitCode(doctor, codeFor(secret, 30_000));
    await expect(doctor).toHaveURL(/\/doctor$/, { timeout: 30_000 });
    await new LoginPage(doctor).signOut();

    // Then with a recovery code (typed in capitals), which works once only.
    await signInToSecondStep(doctor, doctorEmail);
    await submitCode(doctor, codes[0].toUpperCase());
    await expect(doctor).toHaveURL(/\/doctor$/, { timeout: 30_000 });
    await new LoginPage(doctor).signOut();
    await signInToSecondStep(doctor, doctorEmail);
    await submitCode(doctor, codes[0]);
    await expect(doctor.locator("#field-code-error")).toBeVisible();
    await expect(doctor).toHaveURL(/\/mfa$/);
    await doctor.getByTestId("mfa-sign-out").click();
    await expect(doctor).toHaveURL(/\/login/);

    // Lost phone: the admin resets the doctor's MFA (audited); the next sign-in enrols again.
    await admin.goto(doctorUrl!);
    await expect(admin.getByTestId("account-mfa-status")).toHaveText(/on for this account/i);
    await admin.getByTestId("mfa-reset").click();
    await admin
      .getByRole("alertdialog")
      .getByRole("button", { name: /reset two-step verification/i })
      .click();
    await expect(admin.getByTestId("mfa-reset-result")).toBeVisible();
    await expect(admin.getByTestId("account-mfa-status")).toHaveText(/not set up/i);
    await signInToSecondStep(doctor, doctorEmail);
    await expect(doctor.getByTestId("mfa-enrol-form")).toBeVisible();
    await admin.goto("/admin/audit");
    await expect(admin.locator('[data-action="mfa.reset"]').first()).toBeVisible();
  } finally {
    await setStaffMfa(admin, false);
  }
});
