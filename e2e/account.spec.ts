import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, uniqueEmail } from "./fixtures";
import { DOCTORS, signIn } from "./pages/doctor";
import { LoginPage } from "./pages/login-page";
import { PATIENT_PASSWORD, registerPatient } from "./pages/patient";

const NEW_PASSWORD = "violet kettle on the stairs";

async function noHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

/** Through the user menu, as a user would find it. */
async function openAccount(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByTestId("account-link").click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("change-password-form")).toBeVisible();
  await page.waitForLoadState("networkidle");
}

async function submitPasswordChange(page: Page, current: string, next: string, confirm = next) {
  const form = page.getByTestId("change-password-form");
  await form.locator("#field-currentPassword").fill(current);
  await form.locator("#field-newPassword").fill(next);
  await form.locator("#field-confirmPassword").fill(confirm);
  await form.getByTestId("change-password-submit").click();
}

test.describe("account self-service", () => {
  test("changing the password signs out the other browser and keeps this one; the policy speaks per field", async ({
    page,
    browser,
  }) => {
    test.slow();
    const email = await registerPatient(page, { name: "Account Owner", prefix: "acct" });
    // A second browser signed in as the same patient.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, email, PATIENT_PASSWORD);
    await otherPage.goto("/patient");
    await expect(otherPage).toHaveURL(/\/patient$/);

    await openAccount(page);
    await expectAccessible(page);
    const form = page.getByTestId("change-password-form");

    // Wrong current password: said under that field, nothing changes.
    await submitPasswordChange(page, "not my password at all", NEW_PASSWORD);
    await expect(form.locator("#field-currentPassword-error")).toHaveText(
      /not your current password|pas votre mot de passe actuel/i,
    );
    await expect(form.locator("#field-currentPassword")).toHaveAttribute("aria-invalid", "true");

    // The policy, field by field.
    await submitPasswordChange(page, PATIENT_PASSWORD, "too short");
    await expect(form.locator("#field-newPassword-error")).toHaveText(/at least 12|au moins 12/i);
    await submitPasswordChange(page, PATIENT_PASSWORD, "1qaz2wsx3edc");
    await expect(form.locator("#field-newPassword-error")).toHaveText(/too common|trop courant/i);
    await submitPasswordChange(page, PATIENT_PASSWORD, "account owner forever");
    await expect(form.locator("#field-newPassword-error")).toHaveText(/e-mail|nom|name/i);
    await submitPasswordChange(page, PATIENT_PASSWORD, NEW_PASSWORD, "something else entirely");
    await expect(form.locator("#field-confirmPassword-error")).toBeVisible();
    await expectAccessible(page);

    await submitPasswordChange(page, PATIENT_PASSWORD, NEW_PASSWORD);
    await expect(page.getByTestId("password-saved")).toContainText(/1 other session|1 autre session/i);

    // The other browser is out at its next request; this one is still in.
    await otherPage.goto("/patient");
    await expect(otherPage).toHaveURL(/\/login/);
    await page.goto("/patient");
    await expect(page).toHaveURL(/\/patient$/);

    // The old password no longer signs in; the new one does.
    const login = new LoginPage(otherPage);
    await login.goto();
    await login.signIn(email, PATIENT_PASSWORD);
    await expect(otherPage.getByTestId("form-error")).toBeVisible();
    await signIn(otherPage, email, NEW_PASSWORD);
    await expect(otherPage).toHaveURL(/\/patient/);
    await other.close();
  });

  test("changing the e-mail: password required, a taken one refused, the new one signs in", async ({
    page,
  }) => {
    const email = await registerPatient(page, { name: "Mail Changer", prefix: "mail" });
    await openAccount(page);
    const form = page.getByTestId("change-email-form");
    const submit = async (newEmail: string, password: string) => {
      await form.locator("#field-email").fill(newEmail);
      await form.locator("#field-password").fill(password);
      await form.getByTestId("change-email-submit").click();
    };
    await submit(DEMO.patient.toUpperCase(), PATIENT_PASSWORD);
    await expect(form.locator("#field-email-error")).toHaveText(/already uses|utilise déjà/i);
    await expect(form.locator("#field-email")).toHaveValue(DEMO.patient.toUpperCase());
    await submit(uniqueEmail("elsewhere"), "wrong password here");
    await expect(form.locator("#field-password-error")).toHaveText(
      /not your current password|pas votre mot de passe/i,
    );
    await submit("not an e-mail", PATIENT_PASSWORD);
    await expect(form.locator("#field-email-error")).toBeVisible();
    await expectAccessible(page);

    const fresh = uniqueEmail("moved").replace("moved", "Moved");
    await submit(fresh, PATIENT_PASSWORD);
    await expect(page.getByTestId("email-saved")).toContainText(fresh.toLowerCase());
    const login = new LoginPage(page);
    await login.signOut();
    await login.signIn(email, PATIENT_PASSWORD);
    await expect(page.getByTestId("form-error")).toBeVisible();
    await signIn(page, fresh.toLowerCase(), PATIENT_PASSWORD);
    await expect(page).toHaveURL(/\/patient/);
  });

  test("the demo doctor reaches the account page from the user menu, at 390 px too", async ({ page }) => {
    await signIn(page, DOCTORS.martin);
    await page.setViewportSize({ width: 390, height: 844 });
    await openAccount(page);
    await noHorizontalScroll(page);
    await expectAccessible(page);
  });
});

test("a patient's phone and emergency contact reach the doctor's case header as tap-to-call links", async ({
  page,
  browser,
}) => {
  test.slow();
  const name = `Contact ${Math.random().toString(36).slice(2, 8)}`;
  await registerPatient(page, { name, prefix: "contact" });
  await page.setViewportSize({ width: 390, height: 844 });
  const form = page.getByTestId("profile-form");
  await form.locator("#field-dateOfBirth").fill("1968-11-02");
  await form.getByRole("radio").first().check();
  await form.locator("#field-phone").fill("06 12 34");
  await form.locator("#field-emergencyContactRelation").fill("Sœur");
  await form.getByTestId("profile-save").click();
  await expect(form.locator("#field-phone-error")).toHaveText(
    /valid phone number|numéro de téléphone valide/i,
  );
  await expect(form.locator("#field-emergencyContactName-error")).toBeVisible();
  await expect(form.locator("#field-emergencyContactPhone-error")).toBeVisible();
  await expectAccessible(page);
  await noHorizontalScroll(page);

  await form.locator("#field-phone").fill("06 12 34 56 78");
  await form.locator("#field-emergencyContactName").fill("Marie Dupont");
  await form.locator("#field-emergencyContactPhone").fill("+44 20 7946 0958");
  await form.getByTestId("profile-save").click();
  await expect(page.getByTestId("profile-saved")).toBeVisible();
  await page.reload();
  await expect(page.locator("#field-phone")).toHaveValue("06 12 34 56 78");
  await expect(page.locator("#field-emergencyContactPhone")).toHaveValue("+44 20 7946 0958");

  const doctorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const doctor = await doctorContext.newPage();
  await signIn(doctor, DOCTORS.martin);
  await doctor.goto(`/doctor/search?q=${encodeURIComponent(name)}`);
  await doctor.getByTestId("search-results").getByRole("link", { name }).click();
  await expect(doctor).toHaveURL(/\/doctor\/patients\/[0-9a-f-]{36}$/);
  await expect(doctor.getByTestId("case-name")).toHaveText(name);
  const phone = doctor.getByTestId("case-phone");
  await expect(phone).toHaveText("06 12 34 56 78");
  await expect(phone).toHaveAttribute("href", "tel:+33612345678");
  await expect(doctor.getByTestId("case-emergency")).toContainText("Marie Dupont (Sœur)");
  await expect(doctor.getByTestId("case-emergency-phone")).toHaveAttribute("href", "tel:+442079460958");
  await noHorizontalScroll(doctor);
  await expectAccessible(doctor);
  await doctorContext.close();
});
