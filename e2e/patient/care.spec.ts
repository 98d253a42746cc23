import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectAccessible } from "../fixtures";
import { registerPatient } from "../pages/patient";
import { LoginPage } from "../pages/login-page";

test.describe("patient profile, care and access log", () => {
  test("a new patient completes the profile, then finds the empty care page and the access log", async ({
    page,
  }) => {
    await registerPatient(page, { name: "Élodie Test", prefix: "care" });
    await expect(page.getByTestId("welcome-banner")).toBeVisible();
    await expect(page.getByTestId("welcome-banner").getByRole("link")).toHaveAttribute(
      "href",
      "/patient/reports/new",
    );
    await expect(page.getByTestId("assigned-doctor")).toContainText(/not yet assigned|pas encore attribué/i);
    await expectAccessible(page);

    const form = page.getByTestId("profile-form");
    const birth = form.locator("#field-dateOfBirth");
    const other = form.locator("#field-conditionsOther");

    // Bad input: a birth date in the future. Nothing is saved and every typed value stays.
    await birth.fill("2999-01-01");
    await form.getByRole("radio", { name: /female|femme/i }).check();
    await form.getByRole("checkbox", { name: /diabetes|diabète/i }).check();
    await form.getByRole("checkbox", { name: /spinal cord|moelle/i }).check();
    await other.fill("Asthma since childhood");
    await form.getByTestId("profile-save").click();
    await expect(form.locator("#field-dateOfBirth-error")).toHaveText(
      /cannot be in the future|ne peut pas être dans le futur/i,
    );
    await expect(birth).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByRole("checkbox", { name: /diabetes|diabète/i })).toBeChecked();
    await expect(other).toHaveValue("Asthma since childhood");
    await expectAccessible(page);

    // Valid input is saved and survives a reload.
    await birth.fill("1980-06-01");
    await form.getByTestId("profile-save").click();
    await expect(page.getByTestId("profile-saved")).toBeVisible();
    await expect(form.locator("#field-dateOfBirth-error")).toHaveCount(0);
    await page.goto("/patient/profile");
    await expect(page.getByTestId("welcome-banner")).toHaveCount(0);
    await expect(form.locator("#field-dateOfBirth")).toHaveValue("1980-06-01");
    await expect(form.getByRole("radio", { name: /female|femme/i })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: /diabetes|diabète/i })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: /spinal cord|moelle/i })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: /thyroid|thyroïde/i })).not.toBeChecked();
    await expect(form.locator("#field-conditionsOther")).toHaveValue("Asthma since childhood");

    await page.goto("/patient/care");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/my care|mes soins/i);
    await expect(page.getByTestId("empty-state")).toContainText(
      /not published a plan yet|pas encore publié de plan/i,
    );
    await expectAccessible(page);

    await page.goto("/patient/access");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      /who saw my record|qui a consulté mon dossier/i,
    );
    // A brand-new account: nobody from the clinic has opened it, and the patient's own actions are not listed.
    await expect(page.getByTestId("empty-state")).toBeVisible();
    await expectAccessible(page);

    const api = await page.request.get("/api/notifications");
    expect(api.status()).toBe(200);
    expect(await api.json()).toMatchObject({ items: [], unread: 0, role: "patient" });
  });

  test("the notifications API refuses anonymous callers", async ({ request }) => {
    const list = await request.get("/api/notifications");
    expect(list.status()).toBe(401);
    expect(await list.json()).toEqual({ error: "unauthenticated" });
    const read = await request.post("/api/notifications/read", { data: { all: true } });
    expect(read.status()).toBe(401);
  });

  test("the demo patient opens the notification bell", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO.patient, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/patient$/, { timeout: 20_000 });
    const bell = page.getByTestId("notification-bell");
    await expect(bell).toHaveAttribute("aria-label", /notifications/i);
    await bell.click();
    await expect(
      page.getByTestId("notification-list").or(page.getByTestId("notifications-empty")),
    ).toBeVisible();
    await expectAccessible(page);
  });
});
