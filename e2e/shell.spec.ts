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

// The theme is a class on <html> set before first paint by an inline script (lib/theme.ts), changed only by the
// toggle or, on "system", by the operating system; the choice survives a reload and is shared with other tabs.
test("the theme toggle switches light and dark, keeps the choice across reloads and tabs, and follows the system", async ({
  page,
  context,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO.patient, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/patient$/, { timeout: 20_000 });
  const html = page.locator("html");
  const toggle = page.getByTestId("theme-toggle");
  await expect(html).toHaveClass(/\blight\b/);
  await expect(toggle).toHaveValue("system");

  await toggle.selectOption("dark");
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(html).not.toHaveClass(/\blight\b/);
  expect(await html.evaluate((el) => el.style.colorScheme)).toBe("dark");

  // Before any script of the app runs, the stored choice is on <html> (no flash of the light theme).
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(toggle).toHaveValue("dark");

  // Another tab follows a change made here.
  const other = await context.newPage();
  await other.goto("/patient/care");
  await expect(other.locator("html")).toHaveClass(/\bdark\b/);
  await toggle.selectOption("light");
  await expect(other.locator("html")).toHaveClass(/\blight\b/);
  await expect(other.getByTestId("theme-toggle")).toHaveValue("light");
  await other.close();

  // "System" follows the operating system, now and when it changes.
  await toggle.selectOption("system");
  await expect(html).toHaveClass(/\blight\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(html).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(toggle).toHaveValue("system");
  await expectAccessible(page);
});

// The bell's live part loads after hydration (components/notifications/notification-bell.tsx): a press on the
// placeholder before it arrives still opens the list.
test("a press on the bell before its live part has loaded opens the notifications", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO.doctor, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/doctor/, { timeout: 20_000 });
  // Hold back the live bell's chunk so the placeholder is what gets pressed.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("notifications-mark-all") || body.includes("bellLabel")) await held;
    await route.fulfill({ response, body });
  });
  await page.goto("/doctor/search");
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toBeVisible();
  await expect(bell).toHaveAttribute("data-live", "false");
  await bell.click();
  release();
  const list = page.getByTestId("notification-list").or(page.getByTestId("notifications-empty"));
  await expect(list).toBeVisible();
  await expect(page.getByTestId("notification-bell")).toHaveAttribute("aria-expanded", "true");
});
