import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectAccessible } from "./fixtures";
import { LoginPage } from "./pages/login-page";

// The signed-in shell's menu, bell and mobile navigation run on the browser's own <dialog> and a small popup
// (components/ui/popup.tsx, native-dialog.tsx) instead of Radix (issue 8): their keyboard and dismissal behaviour.
for (const width of [390, 1280]) {
  test(`the shell's user menu, notification bell and navigation by keyboard and pointer (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO.doctor, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/doctor/, { timeout: 20_000 });
    await page.waitForLoadState("networkidle");

    // User menu: a menu button; focus goes to the first item, the arrows move, Escape closes and gives focus back.
    const trigger = page.getByTestId("user-menu");
    await expect(trigger).toHaveAttribute("aria-haspopup", "menu");
    await trigger.focus();
    await page.keyboard.press("Enter");
    await expect(trigger).toHaveAttribute("aria-expanded", "true");
    const items = page.getByRole("menu").getByRole("menuitem");
    await expect(items).toHaveCount(3);
    await expect(items.first()).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByTestId("sign-out")).toBeFocused();
    await page.keyboard.press("End");
    await expect(page.getByTestId("sign-out-everywhere")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(items.first()).toBeFocused();
    const box = await page.getByRole("menu").boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toHaveCount(0);
    await expect(trigger).toBeFocused();

    // Bell: a popover inside the viewport, closed by a press outside.
    await page.getByTestId("notification-bell").click();
    const list = page.getByTestId("notification-list").or(page.getByTestId("notifications-empty"));
    await expect(list).toBeVisible();
    const panel = await page.getByRole("dialog", { name: /notifications/i }).boundingBox();
    expect(panel!.x).toBeGreaterThanOrEqual(0);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(width);
    await expectAccessible(page);
    await page.mouse.click(5, 600);
    await expect(list).toBeHidden();

    if (width === 390) {
      // Mobile navigation: a modal sheet; Escape closes it, a link navigates and closes it.
      await page.getByTestId("mobile-nav-open").click();
      const nav = page.getByTestId("mobile-nav");
      await expect(nav).toBeVisible();
      await expectAccessible(page);
      await page.keyboard.press("Escape");
      await expect(nav).toBeHidden();
      await page.getByTestId("mobile-nav-open").click();
      await nav.locator('a[href="/doctor/search"]').click();
      await expect(page).toHaveURL(/\/doctor\/search/);
      await expect(nav).toBeHidden();
    }
  });
}
