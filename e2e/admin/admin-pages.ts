import { expect, type Page } from "@playwright/test";
import { LoginPage } from "../pages/login-page";

export const NEW_PASSWORD = "my own new password 42";

/** Signs in with a temporary password, is held on the change page, and sets a new one; lands on the role home. */
export async function firstSignIn(page: Page, email: string, temporaryPassword: string, home: RegExp) {
  await page.goto("/login");
  await new LoginPage(page).signIn(email, temporaryPassword);
  await expect(page).toHaveURL(/\/change-password$/, { timeout: 30_000 });
  // Anything else sends them back here until the password is changed.
  await page.goto("/patient");
  await expect(page).toHaveURL(/\/change-password$/);
  await page.locator('input[name="password"]').fill(NEW_PASSWORD);
  await page.locator('input[name="confirmPassword"]').fill(NEW_PASSWORD);
  await page.getByTestId("change-password-form").locator('button[type="submit"]').click();
  await expect(page).toHaveURL(home, { timeout: 30_000 });
}

/** Creates an account from /admin/users/new and returns the temporary password shown once. */
export async function createAccount(
  page: Page,
  account: { role: "patient" | "doctor" | "admin"; name: string; email: string; locale: "fr" | "en" },
): Promise<string> {
  await page.goto("/admin/users/new");
  const form = page.getByTestId("create-account-form");
  await expect(form).toBeVisible();
  await page.waitForLoadState("networkidle");
  await form.locator("#field-role").selectOption(account.role);
  await form.locator("#field-name").fill(account.name);
  await form.locator("#field-email").fill(account.email);
  await form.locator("#field-locale").selectOption(account.locale);
  await page.getByTestId("create-account-submit").click();
  const password = page.getByTestId("temporary-password");
  await expect(password).toBeVisible({ timeout: 30_000 });
  return (await password.textContent())!.trim();
}

/** No horizontal scrolling at the current viewport. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
}
