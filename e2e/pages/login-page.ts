import { expect, type Page } from "@playwright/test";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/login");
  }

  async signIn(email: string, password: string) {
    await this.page.locator('input[name="email"]').fill(email);
    await this.page.locator('input[name="password"]').fill(password);
    await this.page.locator('form button[type="submit"]').click();
  }

  async signOut() {
    await this.page.getByTestId("user-menu").click();
    await this.page.getByTestId("sign-out").click();
    await expect(this.page).toHaveURL(/\/login/);
  }
}
