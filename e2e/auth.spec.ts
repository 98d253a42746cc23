import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectAccessible } from "./fixtures";
import { LoginPage } from "./pages/login-page";

test.describe("sign-in and roles", () => {
  test("the sign-in page is accessible", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  });

  for (const [role, email, home, marker] of [
    ["patient", DEMO.patient, "/patient", "safety-notice"],
    ["doctor", DEMO.doctor, "/doctor", "triage-queue"],
    ["admin", DEMO.admin, "/admin", "admin-overview"],
  ] as const) {
    test(`${role} signs in, lands on the ${role} home, and signs out`, async ({ page }) => {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(email, DEMO_PASSWORD);
      await expect(page).toHaveURL(new RegExp(`${home}$`), { timeout: 20_000 });
      await expect(page.getByTestId(marker)).toBeVisible();
      await expectAccessible(page);
      await login.signOut();
      await page.goto(home);
      await expect(page).toHaveURL(/\/login/);
    });
  }

  test("a wrong password shows the generic error and no hint about the account", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO.doctor, "definitely-not-it");
    const error = page.getByTestId("form-error");
    await expect(error).toBeVisible();
    await login.signIn("nobody-here@demo.spasmcare.test", "definitely-not-it");
    await expect(error).toHaveText(
      /e-mail or password is incorrect|adresse e-mail ou le mot de passe est incorrect/i,
    );
    await expect(page).toHaveURL(/\/login/);
  });

  test("a patient is refused the doctor and admin areas", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO.patient, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/patient$/, { timeout: 20_000 });
    for (const path of ["/doctor", "/admin"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: /access denied|accès refusé/i })).toBeVisible();
    }
  });

  test("anonymous visitors are sent to the sign-in page", async ({ page }) => {
    for (const path of ["/patient", "/doctor", "/admin"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login/);
    }
  });
});
