import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { enumerateEndpoints } from "../../test/matrix/enumerate";
import { DEMO, DEMO_PASSWORD } from "../fixtures";

// The authorization matrix over HTTP against the production build, as an attacker calls it: server actions by the
// id in the build's server-reference manifest, route handlers by URL, sessions made through Auth.js's own
// endpoints. The full matrix (every endpoint × nine principals, nothing written when refused) is the vitest suite
// test/matrix/authorization-matrix.test.ts; this spec checks the HTTP layer for a representative subset, and that
// every action in the build is one the vitest matrix enumerates.

type ManifestEntry = { workers: Record<string, unknown>; exportedName?: string; filename?: string };
const root = path.resolve(import.meta.dirname, "../..");
const manifest = JSON.parse(
  readFileSync(
    path.join(root, process.env.NEXT_DIST_DIR || ".next", "server/server-reference-manifest.json"),
    "utf8",
  ),
) as { node: Record<string, ManifestEntry> };

function actionId(file: string, name: string): string {
  const hit = Object.entries(manifest.node).find(([, e]) => e.filename === file && e.exportedName === name);
  if (!hit) throw new Error(`${file}#${name} is not in the build's server-reference manifest`);
  return hit[0];
}

type Principal = "anonymous" | "patient" | "doctor" | "admin" | "signedOutCookie";
const baseURL = () => test.info().project.use.baseURL!;

async function signedIn(email: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: baseURL() });
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  const res = await ctx.post("/api/auth/callback/credentials", {
    form: { email, password: DEMO_PASSWORD, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(res.status(), `sign-in of ${email}`).toBeLessThan(400);
  expect(res.headers()["location"] ?? "", `sign-in of ${email}`).not.toContain("error");
  return ctx;
}

async function cookieHeader(ctx: APIRequestContext): Promise<string> {
  return (await ctx.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Calls a server action the way the browser does: POST to a page with its id and the arguments as JSON. */
async function callAction(
  ctx: APIRequestContext,
  page: string,
  id: string,
  args: unknown[],
  headers: Record<string, string> = {},
) {
  const res = await ctx.post(page, {
    headers: {
      "next-action": id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      ...headers,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const body = await res.text();
  const location = res.headers()["location"];
  // No session cookie at all: proxy.ts sends the request to sign-in before any action runs.
  const redirect = location ? `redirect ${new URL(location, "http://x").pathname}` : null;
  const error = /"error":"([a-z_]+)"/.exec(body)?.[1] ?? redirect;
  return { status: res.status(), ok: /"ok":true/.test(body), error };
}

const principals: Partial<Record<Principal, APIRequestContext>> = {};
let oldCookie = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  principals.anonymous = await playwrightRequest.newContext({ baseURL: baseURL() });
  principals.patient = await signedIn(DEMO.patient);
  principals.doctor = await signedIn(DEMO.doctor);
  principals.admin = await signedIn(DEMO.admin);
  // A second sign-in of the patient, ended by the sign-out action; its cookie is kept and replayed.
  const leaving = await signedIn(DEMO.patient);
  oldCookie = await cookieHeader(leaving);
  const out = await callAction(leaving, "/patient", actionId("app/(auth)/actions.ts", "signOutAction"), []);
  expect(out.status, "sign-out answers with a redirect").toBeLessThan(400);
  principals.signedOutCookie = await playwrightRequest.newContext({
    baseURL: baseURL(),
    extraHTTPHeaders: { cookie: oldCookie },
  });
});

test.afterAll(async () => {
  for (const ctx of Object.values(principals)) await ctx?.dispose();
});

test("every server action in the build is one the source tree (and so the vitest matrix) enumerates", () => {
  const tree = new Set(enumerateEndpoints(root).endpoints.map((e) => e.key));
  const built = Object.values(manifest.node).map((e) => `${e.filename}#${e.exportedName}`);
  expect(built.length).toBeGreaterThan(20);
  expect(built.filter((k) => !tree.has(k))).toEqual([]);
});

const ROUTES: { path: string; method?: "POST"; allow: Principal[] }[] = [
  { path: "/api/patient/reports/export", allow: ["patient"] },
  { path: "/api/doctor/queue", allow: ["doctor"] },
  { path: "/api/admin/audit/export", allow: ["admin"] },
  { path: "/api/notifications", allow: ["patient", "doctor", "admin"] },
  { path: "/api/notifications/read", method: "POST", allow: ["patient", "doctor", "admin"] },
];

test("route handlers: allowed roles get 200, everyone else 401/403, the signed-out cookie included", async () => {
  const got: Record<string, number> = {};
  const want: Record<string, string> = {};
  for (const route of ROUTES) {
    for (const [who, ctx] of Object.entries(principals) as [Principal, APIRequestContext][]) {
      const res =
        route.method === "POST"
          ? // An id no one has: the allowed roles get 200 and no one's notifications change (the demo doctor's
            // inbox is read by e2e/patient/urgent-notifies.spec.ts at the same time).
            await ctx.post(route.path, { data: { ids: [crypto.randomUUID()] } })
          : await ctx.get(route.path, { maxRedirects: 0 });
      const status = res.status();
      got[`${route.path} ${who}`] = status;
      want[`${route.path} ${who}`] = route.allow.includes(who)
        ? "200"
        : status === 401 || status === 403
          ? String(status)
          : "401|403";
    }
  }
  expect(Object.fromEntries(Object.entries(got).map(([k, v]) => [k, String(v)]))).toEqual(want);
});

const SETTINGS = ["app/(admin)/admin/settings/actions.ts", "updateClinicSettingsAction"] as const;
const CLAIM = ["app/(doctor)/doctor/actions.ts", "claimPatientAction"] as const;
const PROFILE_READ = "/admin/settings";

async function clinicNameShown(): Promise<string> {
  return (await principals.admin!.get(PROFILE_READ)).text();
}

test("server actions by id: the wrong role, no session or an ended session is refused and nothing is written", async () => {
  const settings = actionId(...SETTINGS);
  const claim = actionId(...CLAIM);
  const pwned = `Matrix-${Date.now().toString(36)}`;
  const cells: Record<string, string> = {};
  for (const who of ["anonymous", "patient", "doctor", "signedOutCookie"] as const) {
    const r = await callAction(principals[who]!, "/admin/settings", settings, [
      { clinicName: pwned, selfRegistration: true },
    ]);
    cells[`settings ${who}`] = r.ok ? "ok" : (r.error ?? `HTTP ${r.status}`);
  }
  for (const who of ["anonymous", "patient", "admin", "signedOutCookie"] as const) {
    const r = await callAction(principals[who]!, "/doctor", claim, [{ patientId: crypto.randomUUID() }]);
    cells[`claim ${who}`] = r.ok ? "ok" : (r.error ?? `HTTP ${r.status}`);
  }
  expect(cells).toEqual({
    "settings anonymous": "redirect /login",
    "settings patient": "forbidden",
    "settings doctor": "forbidden",
    "settings signedOutCookie": "unauthenticated",
    "claim anonymous": "redirect /login",
    "claim patient": "forbidden",
    "claim admin": "forbidden",
    "claim signedOutCookie": "unauthenticated",
  });
  // The allowed role reaches the DAL: a doctor claiming a patient who does not exist gets conflict, not a refusal.
  expect(
    (await callAction(principals.doctor!, "/doctor", claim, [{ patientId: crypto.randomUUID() }])).error,
  ).toBe("conflict");
  expect(await clinicNameShown()).not.toContain(pwned);
});

test("a foreign Origin is refused before the action runs, even for the right role", async () => {
  const pwned = `Matrix-origin-${Date.now().toString(36)}`;
  const extras: Record<string, string>[] = [
    {},
    { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
  ];
  for (const extra of extras) {
    const r = await callAction(
      principals.admin!,
      "/admin/settings",
      actionId(...SETTINGS),
      [{ clinicName: pwned, selfRegistration: true }],
      { origin: "https://evil.example", ...extra },
    );
    expect(r.ok).toBe(false);
    expect(r.status).toBeGreaterThanOrEqual(400);
  }
  const res = await principals.admin!.post("/api/notifications/read", {
    headers: { origin: "https://evil.example" },
    data: { all: true },
  });
  expect(res.status()).toBe(403);
  expect(await clinicNameShown()).not.toContain(pwned);
});

test("x-middleware-subrequest does not skip any check: pages, routes and actions still refuse", async () => {
  const anon = principals.anonymous!;
  for (const value of [
    "proxy",
    "middleware",
    "proxy:proxy:proxy:proxy:proxy",
    "src/middleware:middleware:middleware:middleware:middleware",
  ]) {
    const headers = { "x-middleware-subrequest": value };
    const page = await anon.get("/patient", { headers, maxRedirects: 0 });
    expect([303, 307, 308], `/patient with ${value}`).toContain(page.status());
    expect(page.headers()["location"] ?? "").toContain("/login");
    expect((await anon.get("/api/patient/reports/export", { headers })).status()).toBe(401);
    const r = await callAction(
      anon,
      "/doctor",
      actionId(...CLAIM),
      [{ patientId: crypto.randomUUID() }],
      headers,
    );
    expect(r.ok).toBe(false);
    expect(["unauthenticated", "redirect /login"]).toContain(r.error);
  }
});

test("the signed-out cookie reads no page", async () => {
  const res = await principals.signedOutCookie!.get("/patient", { maxRedirects: 0 });
  expect([303, 307, 308]).toContain(res.status());
  expect(res.headers()["location"] ?? "").toContain("/login");
  expect(oldCookie).toContain("session-token");
});

// proxy.ts still runs with the header (its CSP is on the answer), whatever the value.
test("x-middleware-subrequest from a client does not skip proxy.ts", async () => {
  const skipped: string[] = [];
  for (const value of [
    "proxy",
    "middleware",
    "proxy:proxy:proxy:proxy:proxy",
    "middleware:middleware:middleware:middleware:middleware",
  ]) {
    const res = await principals.anonymous!.get("/login", { headers: { "x-middleware-subrequest": value } });
    if (!res.headers()["content-security-policy"]) skipped.push(value);
  }
  expect(skipped).toEqual([]);
});
