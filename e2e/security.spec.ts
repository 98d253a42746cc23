import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./fixtures";
import { LoginPage } from "./pages/login-page";

// Headers, bad requests and CSP against the production build (scripts/e2e-server.mjs runs `next start`).

const ACTION_HEADERS = { "next-action": "00".repeat(21), "content-type": "text/plain;charset=UTF-8" };

function expectSecurityHeaders(headers: Record<string, string>) {
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"])
    expect(csp).toContain(d);
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
}

test.describe("security headers", () => {
  test("public pages carry the CSP with a fresh nonce per request, HSTS and the other headers", async ({
    request,
  }) => {
    const nonces = new Set<string>();
    for (const path of ["/login", "/register", "/login"]) {
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      const headers = res.headers();
      expectSecurityHeaders(headers);
      nonces.add(/'nonce-([^']+)'/.exec(headers["content-security-policy"])![1]);
      // The nonce reaches Next's own scripts.
      const html = await res.text();
      const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"])![1];
      expect(html).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(3);
  });

  test("pages and routes with patient data carry the headers and are never cached", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO.patient, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/patient$/, { timeout: 20_000 });
    for (const path of [
      "/patient",
      "/patient/reports",
      "/patient/trends",
      "/patient/profile",
      "/api/patient/reports/export",
    ]) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(200);
      expectSecurityHeaders(res.headers());
      expect(res.headers()["cache-control"], path).toContain("no-store");
    }
  });

  for (const [role, email, paths] of [
    ["doctor", DEMO.doctor, ["/doctor", "/doctor?scope=mine", "/doctor/search?q=be", "/api/doctor/queue"]],
    ["admin", DEMO.admin, ["/admin", "/admin/users", "/admin/audit", "/admin/settings"]],
  ] as const) {
    test(`${role} pages and routes carry the headers and are never cached`, async ({ page }) => {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(email, DEMO_PASSWORD);
      await expect(page).toHaveURL(new RegExp(`/${role}$`), { timeout: 20_000 });
      for (const path of paths) {
        const res = await page.request.get(path);
        expect(res.status(), path).toBe(200);
        expectSecurityHeaders(res.headers());
        expect(res.headers()["cache-control"], path).toContain("no-store");
      }
    });
  }
});

test.describe("bad requests get a 4xx, never a 500", () => {
  test("a cross-origin server action is refused with 403", async ({ request }) => {
    const res = await request.post("/login", {
      headers: { ...ACTION_HEADERS, origin: "https://evil.example" },
      data: "[]",
    });
    expect(res.status()).toBe(403);
  });

  test("a 1 MB action body is refused with 413", async ({ request }) => {
    const res = await request.post("/login", { headers: ACTION_HEADERS, data: "x".repeat(1024 * 1024) });
    expect(res.status()).toBe(413);
  });

  for (const [name, headers, data] of [
    ["garbage with an unknown action id", ACTION_HEADERS, "{{{not json"],
    ["a malformed action id", { ...ACTION_HEADERS, "next-action": "../../etc" }, "[]"],
    [
      "a multipart body without boundary",
      { ...ACTION_HEADERS, "content-type": "multipart/form-data" },
      "--x\r\n",
    ],
  ] as const) {
    test(`${name} is a 4xx`, async ({ request }) => {
      const res = await request.post("/login", { headers, data });
      expect(res.status(), await res.text()).toBeGreaterThanOrEqual(400);
      expect(res.status()).toBeLessThan(500);
    });
  }
});

/** Console errors and CSP violations seen while the page loads and hydrates. */
function watchCsp(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  return problems;
}

test("pages render under the CSP with no violation or console error (theme script, charts, i18n)", async ({
  page,
}) => {
  const problems = watchCsp(page);
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const login = new LoginPage(page);
  await login.signIn(DEMO.patient, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/patient$/, { timeout: 20_000 });
  for (const path of ["/patient", "/patient/reports/new", "/patient/trends"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("main")).toBeVisible();
  }
  // The theme script ran (it sets a class on <html>) and client components hydrated (the menu opens).
  await expect(page.locator("html")).toHaveClass(/light|dark/);
  await page.getByTestId("user-menu").click();
  await expect(page.getByTestId("sign-out")).toBeVisible();
  expect(problems).toEqual([]);
});
