import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectAccessible, uniqueEmail } from "../fixtures";
import { LoginPage } from "../pages/login-page";

// Exclusive: it closes self-registration clinic-wide for a moment, so it runs alone after the other specs.
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
