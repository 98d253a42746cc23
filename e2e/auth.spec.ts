import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectAccessible, uniqueEmail } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { PATIENT_PASSWORD, registerPatient } from "./pages/patient";

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

test.describe("sessions that end and sign-in throttling", () => {
  test("a cookie copied before sign-out is refused after it: pages, CSV export and actions", async ({
    page,
    browser,
  }) => {
    await registerPatient(page, { prefix: "copied" });
    const copied = await page.context().cookies();
    const login = new LoginPage(page);
    await login.signOut();

    const thief = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    await thief.addCookies(copied);
    const other = await thief.newPage();
    await other.goto("/patient");
    await expect(other).toHaveURL(/\/login/);
    const csv = await thief.request.get("/api/patient/reports/export", { maxRedirects: 0 });
    expect(csv.status()).not.toBe(200);
    expect(await csv.text()).not.toContain("startedAt");
    await thief.close();
  });

  test("sign out on all devices ends the other browser's session too", async ({ page, browser }) => {
    const email = await registerPatient(page, { prefix: "everywhere" });
    const second = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const other = await second.newPage();
    const otherLogin = new LoginPage(other);
    await otherLogin.goto();
    await otherLogin.signIn(email, PATIENT_PASSWORD);
    await expect(other).toHaveURL(/\/patient/, { timeout: 20_000 });

    await page.goto("/patient");
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out-everywhere").click();
    await expect(page).toHaveURL(/\/login/);
    await other.goto("/patient");
    await expect(other).toHaveURL(/\/login/);
    await second.close();
  });

  test("after 5 failures the sign-in says to wait, in the user's language, the same for an unknown e-mail", async ({
    page,
  }) => {
    const login = new LoginPage(page);
    await login.goto();
    // The form answers in place only once hydrated.
    await page.waitForLoadState("networkidle");
    const ghost = uniqueEmail("ghost");
    const error = page.getByTestId("form-error");
    // Each attempt waits for its answer: the form resets its fields when an action completes.
    const attempt = (password: string) =>
      Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login")),
        login.signIn(ghost, password),
      ]);
    for (let i = 0; i < 5; i++) {
      await attempt(`wrong password ${i}`);
      await expect(error).toHaveText(/incorrect/i);
    }
    await attempt("wrong password again");
    await expect(error).toHaveText(
      /too many attempts\. try again in 15 minutes|trop de tentatives\. réessayez dans 15 minutes/i,
    );
    await expectAccessible(page);
  });

  test("idle logoff: a warning at 28 minutes offers to stay; at 30 the session ends", async ({ page }) => {
    await page.clock.install();
    await registerPatient(page, { prefix: "idle" });
    await page.goto("/patient");
    await expect(page.getByTestId("user-menu")).toBeVisible();

    await page.clock.fastForward("28:05");
    const warning = page.getByTestId("idle-warning");
    await expect(warning).toBeVisible();
    await expect(warning.getByRole("heading")).toHaveText(/still there|toujours là/i);
    await expectAccessible(page);
    await warning.getByRole("button", { name: /stay signed in|rester connecté/i }).click();
    await expect(warning).toBeHidden();
    await expect(page).toHaveURL(/\/patient$/);

    await page.clock.fastForward("30:05");
    await expect(page).toHaveURL(/\/login/, { timeout: 20_000 });
    await page.goto("/patient");
    await expect(page).toHaveURL(/\/login/);
  });
});
