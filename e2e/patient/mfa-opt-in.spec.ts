import { expect, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expectAccessible } from "../fixtures";
import { LoginPage } from "../pages/login-page";
import { PATIENT_PASSWORD, registerPatient } from "../pages/patient";

const codeAt = (secret: string, timestamp: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({
    timestamp,
  });
const codeFor = (secret: string, offsetMs = 0) => codeAt(secret, Date.now() + offsetMs);

test("a patient opts in to two-step verification, signs in with a code, and turns it off again (390 px)", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const email = await registerPatient(page, { prefix: "mfa-patient" });

  // From the account page to the security page; set-up with the key shown as text.
  await page.goto("/account");
  await page.getByTestId("account-security-link").click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByTestId("mfa-status")).toHaveText(/off/i);
  await expect(page.getByTestId("mfa-qr")).toBeVisible();
  await expectAccessible(page);
  const secret = ((await page.getByTestId("mfa-secret").textContent()) ?? "").replace(/\s/g, "");
  await page.waitForLoadState("networkidle");
  await page.getByTestId("mfa-enrol-form").locator('input[name="code"]').fill(codeFor(secret));
  await page.getByTestId("mfa-enrol-form").locator('button[type="submit"]').click();
  await expect(page.getByTestId("mfa-recovery-code")).toHaveCount(10, { timeout: 30_000 });
  await expectAccessible(page);
  await page.getByTestId("mfa-continue").click();
  await expect(page.getByTestId("mfa-status")).toHaveText(/on/i);
  await expect(page.getByTestId("mfa-codes-left")).toContainText("10");

  // The next sign-in asks for a code before any patient page.
  await new LoginPage(page).signOut();
  await page.goto("/login");
  await new LoginPage(page).signIn(email, PATIENT_PASSWORD);
  await expect(page).toHaveURL(/\/mfa$/, { timeout: 30_000 });
  await page.goto("/patient");
  await expect(page).toHaveURL(/\/mfa$/);
  await page.waitForLoadState("networkidle");
  const signInAt = Date.now() + 30_000; // the next step's code, inside the window (the enrolment used this one)
  const usedStep = Math.floor(signInAt / 30_000);
  await page.getByTestId("mfa-verify-form").locator('input[name="code"]').fill(codeAt(secret, signInAt));
  await page.getByTestId("mfa-verify-form").locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/patient$/, { timeout: 30_000 });

  // Turned off with a current code. The code used at sign-in is spent (refused again); a later one works.
  await page.goto("/account/security");
  await page.waitForLoadState("networkidle");
  const disable = page.getByTestId("mfa-disable-form");
  await disable.locator('input[name="code"]').fill(codeAt(secret, signInAt));
  await disable.locator('button[type="submit"]').click();
  await expect(page.locator("#field-code-error")).toBeVisible();
  // Wait (at most 30 s) until the step after the spent one is inside the accepted window.
  await expect
    .poll(() => Math.floor(Date.now() / 30_000), { timeout: 40_000, intervals: [1_000] })
    .toBeGreaterThanOrEqual(usedStep);
  await disable.locator('input[name="code"]').fill(codeFor(secret, 30_000));
  await disable.locator('button[type="submit"]').click();
  await expect(page.getByTestId("mfa-status")).toHaveText(/off/i, { timeout: 30_000 });
  await expectAccessible(page);
});
