// Dev aid: `node scripts/screenshot.mjs <email|-> <path> [more paths…]` saves PNGs of pages to /tmp/shots.
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";

const [email, ...paths] = process.argv.slice(2);
const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = process.env.SHOTS_DIR ?? "/tmp/shots";
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
});
const page = await browser.newPage({
  viewport: { width: Number(process.env.WIDTH ?? 1280), height: 900 },
  colorScheme: process.env.DARK ? "dark" : "light",
  locale: process.env.LOCALE ?? "en-GB",
});
if (email && email !== "-") {
  await page.goto(`${base}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', process.env.PASSWORD ?? "SpasmCare-demo-2026");
  await page.click('form button[type="submit"]');
  await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 30_000 });
}
for (const p of paths) {
  await page.goto(`${base}${p}`);
  await page.waitForLoadState("networkidle");
  const file = `${out}/${(email ?? "anon").split("@")[0]}${p.replace(/[/?=&]/g, "_")}${process.env.DARK ? "-dark" : ""}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
