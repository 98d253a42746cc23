// `npm run test:replicas` (issue 8 point 7): two `next start` replicas of one build on one PostgreSQL database,
// behind a round-robin proxy, and the checks that prove nothing a request needs lives in one replica's memory:
// sign-in (Auth.js's CSRF flow and the app's sign-in form), the session, a signed-in page, a server action, and the
// sign-in throttle. Every check records which replica answered each request and fails unless both did.
//
// It creates its own database on the local PostgreSQL (REPLICAS_ADMIN_URL, default
// postgres://postgres@127.0.0.1:5432/postgres), migrates it with `npm run db:migrate`, seeds the demo clinic with
// `npm run db:seed`, and drops it at the end. The build is NEXT_DIST_DIR (default `.next`); it is built, with this
// run's NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (the caller's, else a random one), when it has no BUILD_ID or
// REPLICAS_REBUILD=1.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";

const ROOT = process.cwd();
const DIST = process.env.NEXT_DIST_DIR || ".next";
const ADMIN_URL = process.env.REPLICAS_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DEMO_PASSWORD = "SpasmCare-demo-2026";
/** Set for both replicas: the per-address sign-in limit the throttle check counts up to (production default 20). */
const IP_LIMIT = 8;
/** lib/dal/rate-limit.ts SIGN_IN_LIMITS.account (fixed, not configurable). */
const ACCOUNT_LIMIT = 5;
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const log = (line: string) => process.stderr.write(`${line}\n`);

type Replica = { name: "A" | "B"; port: number; child: ChildProcess; stderr: string[] };
type Check = { name: string; ok: boolean; replicas: string[]; detail: string };

// ---------- processes ----------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => (out = (out + d).slice(-6000)));
    child.stderr!.on("data", (d: Buffer) => (out = (out + d).slice(-6000)));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}:\n${out}`)),
    );
  });
}

/** The environment of every child: nothing from the caller's database or limit overrides leaks in. */
function baseEnv(): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const k of Object.keys(env)) if (k.startsWith("SPASMCARE_") || k === "DATABASE_URL") delete env[k];
  return env as NodeJS.ProcessEnv;
}

async function startReplica(
  name: "A" | "B",
  env: NodeJS.ProcessEnv,
  stopping: () => boolean,
): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr: string[] = [];
  const keep = (d: Buffer) => {
    stderr.push(d.toString());
    if (stderr.length > 200) stderr.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  child.on("exit", (code) => {
    if (!stopping()) log(`replica ${name} exited (${code}):\n${stderr.join("").slice(-3000)}`);
  });
  return { name, port, child, stderr };
}

async function waitReady(r: Replica): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (r.child.exitCode !== null) throw new Error(`replica ${r.name} exited before it answered`);
    const res = await request({ port: r.port, path: "/api/ready" }).catch(() => null);
    if (res?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`replica ${r.name} not ready in 120 s: ${r.stderr.join("")}`);
    await new Promise((s) => setTimeout(s, 500));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

// ---------- the round-robin proxy ----------

/**
 * A reverse proxy in a few lines of node:http: request n goes to replica n mod 2, the answer carries
 * `x-replica: A|B`, and the client's address is appended to X-Forwarded-For (the replicas run with
 * TRUSTED_PROXY_HOPS=1, as behind any load balancer). The address the browser used goes on as Host and
 * X-Forwarded-Host: Next's server-action origin check compares it with Origin, and Auth.js builds its redirects from
 * it (without X-Forwarded-Host they would name the replica's own port).
 */
function startProxy(replicas: Replica[], port: number): Promise<http.Server> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = replicas[next++ % replicas.length];
    const forwarded = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: target.port,
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          "x-forwarded-for": forwarded,
          "x-forwarded-host": req.headers.host ?? "",
          "x-forwarded-proto": "http",
        },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, "x-replica": target.name });
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "x-replica": target.name });
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

// ---------- an HTTP client with a cookie jar and a chosen source address ----------

type Res = { status: number; headers: http.IncomingHttpHeaders; body: string; replica: string };

function request(opts: {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Source address on the loopback network: each simulated client gets its own (127.0.0.x). */
  from?: string;
}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: opts.port,
        path: opts.path,
        method: opts.method ?? "GET",
        headers: opts.headers,
        localAddress: opts.from,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            replica: String(res.headers["x-replica"] ?? "-"),
          }),
        );
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout on ${opts.method ?? "GET"} ${opts.path}`)));
    req.on("error", reject);
    req.end(opts.body);
  });
}

class Browser {
  readonly jar = new Map<string, string>();
  readonly seen: string[] = [];
  constructor(
    readonly port: number,
    readonly from: string,
  ) {}
  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }
  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  async fetch(
    p: string,
    init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
  ) {
    const headers: Record<string, string> = { "user-agent": "spasmcare-replicas-check", ...init.headers };
    if (this.jar.size) headers.cookie = this.cookieHeader();
    const res = await request({ port: this.port, path: p, from: this.from, ...init, headers });
    for (const line of res.headers["set-cookie"] ?? []) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    this.seen.push(res.replica);
    return res;
  }
  sessionCookie(): string | undefined {
    return [...this.jar].find(([k]) => k.endsWith("authjs.session-token"))?.[1];
  }
}

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
const FORM = { "content-type": "application/x-www-form-urlencoded" };

async function csrfToken(b: Browser): Promise<{ res: Res; token: string }> {
  const res = await b.fetch("/api/auth/csrf");
  if (res.status !== 200) throw new Error(`/api/auth/csrf answered ${res.status}`);
  return { res, token: (JSON.parse(res.body) as { csrfToken: string }).csrfToken };
}

/** One credentials POST; `code` is Auth.js's error code from the redirect (null when signed in). */
async function postCredentials(b: Browser, token: string, email: string, password: string) {
  const post = await b.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { ...FORM, origin: b.origin },
    body: form({ csrfToken: token, email, password, callbackUrl: "/" }),
  });
  const location = String(post.headers.location ?? "");
  const code = new URL(location || "/", b.origin).searchParams.get("code");
  return { post, location, code };
}

/** Auth.js's credentials flow: the CSRF token from one request, the credentials POST in the next. */
async function authJsSignIn(b: Browser, email: string, password: string) {
  const csrf = await csrfToken(b);
  return { csrf: csrf.res, ...(await postCredentials(b, csrf.token, email, password)) };
}

/** A redirect to the public address (the proxy's port; Next writes a loopback host as `localhost`). */
function publicAddress(location: string, port: number): boolean {
  try {
    const u = new URL(location);
    return u.port === String(port) && ["localhost", "127.0.0.1"].includes(u.hostname);
  } catch {
    return false;
  }
}

// ---------- server actions as a browser sends them ----------

function hiddenInputs(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (!name || !/\btype="hidden"/.test(tag)) continue;
    out[decodeEntities(name)] = decodeEntities(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? "");
  }
  return out;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** A multipart body, as a browser without JavaScript submits a form. */
function multipart(fields: Record<string, string>): { body: Buffer; contentType: string } {
  const boundary = `----replicas${randomBytes(8).toString("hex")}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return {
    body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** The body React's client sends for `action(...args)` (encodeReply), as bytes and content type. */
async function encodeAction(args: unknown[]): Promise<{ body: Buffer; contentType: string }> {
  const { encodeReply } = (await import(
    // @ts-expect-error -- Next's compiled React client has no type declarations
    "next/dist/compiled/react-server-dom-webpack/client.node.js"
  )) as { encodeReply: (v: unknown) => Promise<string | FormData> };
  const encoded = await encodeReply(args);
  if (typeof encoded === "string")
    return { body: Buffer.from(encoded), contentType: "text/plain;charset=UTF-8" };
  const res = new Response(encoded);
  return { body: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get("content-type")! };
}

/** The `next-router-state-tree` header a browser sends with a server action from the page at these segments. */
function routerStateTree(segments: string[]): string {
  type Tree = [string, Record<string, Tree>] | [string, Record<string, Tree>, null, null, boolean];
  let tree: Tree = ["__PAGE__", {}];
  for (const seg of [...segments].reverse()) tree = [seg, { children: tree }];
  return encodeURIComponent(JSON.stringify(["", { children: tree }, null, null, true]));
}

function manifestActionId(file: string, exportName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, DIST, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string; filename?: string }> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportName && entry.filename?.includes(file)) return id;
  }
  throw new Error(`server action ${file}#${exportName} is not in the build's manifest`);
}

/** The build id a replica's HTML carries (Next's RSC payload, `"b":"<id>"`). */
function buildIdIn(html: string): string | null {
  const m = /\\?"b\\?":\\?"([A-Za-z0-9_-]{6,})\\?"/.exec(html);
  return m?.[1] ?? null;
}

// ---------- the run ----------

async function main() {
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, replicas: string[], detail: string) => {
    const both = replicas.includes("A") && replicas.includes("B");
    const passed = ok && both;
    checks.push({
      name,
      ok: passed,
      replicas,
      detail: both ? detail : `${detail}; NOT proven across replicas (answered by ${replicas.join(",")})`,
    });
    log(`${passed ? "PASS" : "FAIL"} ${name} [${replicas.join(" ")}] ${detail}`);
  };

  // The operator's key when given (as in production, where the build was made with it), else a fresh one.
  const key = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || randomBytes(32).toString("base64");
  if (![16, 24, 32].includes(Buffer.from(key, "base64").length)) {
    throw new Error("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 16, 24 or 32 bytes, base64");
  }
  const authSecret = randomBytes(32).toString("base64");
  const dbName = `replicas_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const adminUrl = new URL(ADMIN_URL);
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(adminUrl.hostname)) {
    throw new Error(`REPLICAS_ADMIN_URL must be a local server (got ${adminUrl.hostname})`);
  }
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const replicas: Replica[] = [];
  let proxy: http.Server | null = null;
  let stopping = false;
  let db: postgres.Sql | null = null;
  const cleanup = async () => {
    stopping = true;
    proxy?.close();
    await Promise.all(replicas.map((r) => stopChild(r.child)));
    await db?.end({ timeout: 5 });
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch((e: unknown) => {
      log(`could not drop ${dbName}: ${String(e)}`);
    });
    await admin.end({ timeout: 5 });
  };
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      void cleanup().finally(() => process.exit(130));
    });
  }

  const started = Date.now();
  try {
    // 1. The build both replicas run.
    const buildIdFile = path.join(ROOT, DIST, "BUILD_ID");
    let builtNow = false;
    if (!existsSync(buildIdFile) || process.env.REPLICAS_REBUILD === "1") {
      log(`building into ${DIST} with this run's server-actions key…`);
      const t = Date.now();
      await run(process.execPath, [NEXT_BIN, "build"], {
        ...baseEnv(),
        NEXT_DIST_DIR: DIST,
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key,
      });
      builtNow = true;
      log(`built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
    const buildId = readFileSync(buildIdFile, "utf8").trim();
    const manifestKey = (
      JSON.parse(readFileSync(path.join(ROOT, DIST, "server", "server-reference-manifest.json"), "utf8")) as {
        encryptionKey?: string;
      }
    ).encryptionKey;

    // 2. A fresh database, migrated and seeded by the project's own commands.
    log(`database ${dbName}: create, npm run db:migrate, npm run db:seed…`);
    await admin.unsafe(`create database "${dbName}"`);
    const dbEnv = {
      ...baseEnv(),
      DATABASE_URL: dbUrl.toString(),
      NODE_ENV: "development",
    } as NodeJS.ProcessEnv;
    await run("npm", ["run", "--silent", "db:migrate"], dbEnv);
    await run("npm", ["run", "--silent", "db:seed"], dbEnv);
    db = postgres(dbUrl.toString(), { max: 1, onnotice: () => {} });

    // 3. Two replicas of one build, one database, one AUTH_SECRET, one server-actions key, and the public address
    // (the proxy's) as AUTH_URL: with AUTH_TRUST_HOST alone, Auth.js's own endpoints redirect to the replica's port.
    const port = await freePort();
    const replicaEnv: NodeJS.ProcessEnv = {
      ...baseEnv(),
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST,
      DATABASE_URL: dbUrl.toString(),
      AUTH_SECRET: authSecret,
      AUTH_URL: `http://127.0.0.1:${port}`,
      AUTH_TRUST_HOST: "true",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key,
      TRUSTED_PROXY_HOPS: "1",
      SPASMCARE_SIGNIN_FAILURES_PER_IP: String(IP_LIMIT),
    };
    // REPLICAS_FAULT=split-secret gives replica B its own AUTH_SECRET: the run must then fail (the checks can fail).
    const fault = process.env.REPLICAS_FAULT;
    if (fault && fault !== "split-secret") throw new Error(`unknown REPLICAS_FAULT ${fault}`);
    const envB = fault ? { ...replicaEnv, AUTH_SECRET: randomBytes(32).toString("base64") } : replicaEnv;
    if (fault) log(`REPLICAS_FAULT=${fault}: replica B gets its own AUTH_SECRET`);
    replicas.push(await startReplica("A", replicaEnv, () => stopping));
    replicas.push(await startReplica("B", envB, () => stopping));
    await Promise.all(replicas.map(waitReady));
    proxy = await startProxy(replicas, port);
    log(`replicas A :${replicas[0].port}, B :${replicas[1].port}; proxy :${port}; build ${buildId}`);

    // Same build: each replica's HTML names the build it serves.
    const anon = new Browser(port, "127.0.0.1");
    const l1 = await anon.fetch("/login");
    const l2 = await anon.fetch("/login");
    const ids = [buildIdIn(l1.body), buildIdIn(l2.body)];
    check(
      "one build",
      l1.status === 200 && l2.status === 200 && ids[0] === buildId && ids[1] === buildId,
      [l1.replica, l2.replica],
      `both replicas serve build ${ids.join(" / ")} (BUILD_ID ${buildId}); the run's server-actions key ${
        builtNow || manifestKey === key
          ? "is the one this build embeds"
          : "differs from the one this build embeds (an older build): given to both at run time"
      }`,
    );

    // 4a. Auth.js sign-in: CSRF token from one replica, the credentials POST on the other.
    const patientEmail = "camille.bernard@demo.spasmcare.test";
    const [{ name: patientName, id: patientId }] = await db<{ name: string; id: string }[]>`
      select name, id from users where email = ${patientEmail}`;
    const p = new Browser(port, "127.0.0.1");
    const signIn = await authJsSignIn(p, patientEmail, DEMO_PASSWORD);
    check(
      "sign-in (Auth.js CSRF flow)",
      signIn.csrf.replica !== signIn.post.replica &&
        signIn.post.status === 302 &&
        publicAddress(signIn.location, port) &&
        !signIn.code &&
        !/error=/.test(signIn.location) &&
        Boolean(p.sessionCookie()),
      [signIn.csrf.replica, signIn.post.replica],
      `CSRF token from ${signIn.csrf.replica}, credentials accepted by ${signIn.post.replica} (HTTP ${signIn.post.status} → ${signIn.location || "-"}${publicAddress(signIn.location, port) ? "" : ", NOT the public address"}), session cookie ${p.sessionCookie() ? "set" : "MISSING"}`,
    );
    const s1 = await p.fetch("/api/auth/session");
    const s2 = await p.fetch("/api/auth/session");
    const hasUser = (r: Res) => r.status === 200 && /"user"\s*:/.test(r.body);
    check(
      "session read by both",
      hasUser(s1) && hasUser(s2),
      [s1.replica, s2.replica],
      `/api/auth/session: ${s1.replica} HTTP ${s1.status} ${hasUser(s1) ? "user" : "no user"}, ${s2.replica} HTTP ${s2.status} ${hasUser(s2) ? "user" : "no user"}`,
    );

    // 4b. A signed-in page on both: the patient's home, with her name, not a redirect to /login.
    const pages = [await p.fetch("/patient"), await p.fetch("/patient")];
    const rendered = (r: Res) => r.status === 200 && r.body.includes(patientName);
    check(
      "signed-in page",
      pages.every(rendered),
      pages.map((r) => r.replica),
      pages
        .map((r) => `${r.replica} /patient HTTP ${r.status}${rendered(r) ? " with her name" : ""}`)
        .join(", "),
    );

    // 4c. The app's own sign-in form (a server action with useActionState), rendered by one replica and
    // submitted without JavaScript to the other: the form's hidden $ACTION_ fields name the action.
    const d = new Browser(port, "127.0.0.1");
    const loginPage = await d.fetch("/login");
    const hidden = hiddenInputs(loginPage.body);
    const actionFields = Object.keys(hidden).filter((k) => k.startsWith("$ACTION"));
    const posted = multipart({
      ...hidden,
      email: "dr.dubois@demo.spasmcare.test",
      password: DEMO_PASSWORD,
    });
    const formPost = await d.fetch("/login", {
      method: "POST",
      headers: { "content-type": posted.contentType, origin: d.origin },
      body: posted.body,
    });
    const doctorHome = await d.fetch("/doctor");
    check(
      "sign-in form (server action)",
      actionFields.length > 0 &&
        loginPage.replica !== formPost.replica &&
        [303, 302, 307].includes(formPost.status) &&
        Boolean(d.sessionCookie()) &&
        doctorHome.status === 200,
      [loginPage.replica, formPost.replica, doctorHome.replica],
      `form rendered by ${loginPage.replica} (${actionFields.join(", ") || "no $ACTION fields"}), posted to ${formPost.replica} → HTTP ${formPost.status} ${String(formPost.headers.location ?? "")}, /doctor on ${doctorHome.replica} HTTP ${doctorHome.status}`,
    );

    // 4d. A server action called by the page's JavaScript: the report form rendered by one replica, its
    // createReportAction (id found in the scripts that page loads) posted to the other, checked by the row it wrote.
    const newPage = await p.fetch("/patient/reports/new");
    const actionId = manifestActionId("reports/new/actions", "createReportAction");
    const scripts = [...newPage.body.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => decodeEntities(m[1]));
    let idInPage = newPage.body.includes(actionId);
    for (const src of scripts) {
      if (idInPage) break;
      const js = await request({ port: replicas.find((r) => r.name === newPage.replica)!.port, path: src });
      idInPage = js.body.includes(actionId);
    }
    const before = await db<{ n: number }[]>`
      select count(*)::int as n from spasm_reports where patient_id = ${patientId}`;
    const fd = new FormData();
    const values: Record<string, string> = {
      startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      ongoing: "false",
      durationMinutes: "5",
      painScore: "3",
      redFlags: "none",
      relief: "stretching_helped",
      pattern: "single_cramp",
      handImpact: "none",
      walkingImpact: "mild",
      sites: JSON.stringify([{ site: "calf", side: "left" }]),
      triggers: "exercise_fatigue",
      notes: "",
      idempotencyKey: randomUUID(),
    };
    for (const [k, v] of Object.entries(values)) fd.append(k, v);
    const encoded = await encodeAction([null, fd]);
    const actionRes = await p.fetch("/patient/reports/new", {
      method: "POST",
      headers: {
        origin: p.origin,
        "next-action": actionId,
        accept: "text/x-component",
        "content-type": encoded.contentType,
        "next-router-state-tree": routerStateTree(["(patient)", "patient", "reports", "new"]),
      },
      body: encoded.body,
    });
    const after = await db<{ n: number }[]>`
      select count(*)::int as n from spasm_reports where patient_id = ${patientId}`;
    check(
      "server action (report submission)",
      newPage.status === 200 &&
        idInPage &&
        newPage.replica !== actionRes.replica &&
        actionRes.status < 400 &&
        after[0].n === before[0].n + 1,
      [newPage.replica, actionRes.replica],
      `form rendered by ${newPage.replica} (action id ${idInPage ? "found in its scripts" : "NOT found in its scripts"}), createReportAction on ${actionRes.replica} → HTTP ${actionRes.status}${actionRes.headers["x-action-redirect"] ? ` redirect ${String(actionRes.headers["x-action-redirect"]).split(";")[0]}` : ""}, reports ${before[0].n} → ${after[0].n}`,
    );

    // 4e. The sign-in throttle is shared. One CSRF token, then the credentials POSTs: through the proxy they
    // alternate replicas, so each replica counts only some of the failures itself, and the attempt that must be
    // refused lands on a replica that saw fewer failures than the limit. The same sequence straight to one replica
    // gives the reference. Each client has its own source address (127.0.0.x).
    type Attempt = { code: string; replica: string };
    const attempts = async (b: Browser, tries: { email: string; password: string }[]) => {
      const { token } = await csrfToken(b);
      const out: Attempt[] = [];
      for (const t of tries) {
        const r = await postCredentials(b, token, t.email, t.password);
        out.push({ code: r.code ?? "ok", replica: r.post.replica });
      }
      return out;
    };
    /** Every failure answered "invalid_credentials", the last attempt "throttled". */
    const lockedAtLast = (a: Attempt[]) =>
      a.slice(0, -1).every((x) => x.code === "invalid_credentials") && a.at(-1)!.code === "throttled";
    /** Failures the deciding replica counted itself: fewer than the limit proves the counter is shared. */
    const ownCount = (a: Attempt[]) => a.slice(0, -1).filter((x) => x.replica === a.at(-1)!.replica).length;
    const tally = (a: Attempt[]) =>
      ["A", "B"].map((r) => `${r}×${a.slice(0, -1).filter((x) => x.replica === r).length}`).join(" ");

    const wrong = (email: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ email, password: `wrong-${i}-Password!` }));
    const lea = "lea.simon@demo.spasmcare.test";
    const lucas = "lucas.petit@demo.spasmcare.test";
    const acctProxy = await attempts(new Browser(port, "127.0.0.2"), [
      ...wrong(lea, ACCOUNT_LIMIT),
      { email: lea, password: DEMO_PASSWORD },
    ]);
    const acctDirect = await attempts(new Browser(replicas[0].port, "127.0.0.4"), [
      ...wrong(lucas, ACCOUNT_LIMIT),
      { email: lucas, password: DEMO_PASSWORD },
    ]);
    // The lock is the account's, not only the address's: the right password from another address is refused too.
    const other = new Browser(port, "127.0.0.6");
    const elsewhere = await authJsSignIn(other, lea, DEMO_PASSWORD);
    const acctReplicas = acctProxy.map((x) => x.replica);
    check(
      "account lock shared",
      lockedAtLast(acctProxy) &&
        ownCount(acctProxy) < ACCOUNT_LIMIT &&
        lockedAtLast(acctDirect) &&
        elsewhere.code === "throttled",
      acctReplicas,
      `${ACCOUNT_LIMIT} wrong passwords counted by ${tally(acctProxy)} → attempt ${ACCOUNT_LIMIT + 1} on ${acctProxy.at(-1)!.replica} (${ownCount(acctProxy)} failures seen itself) ${acctProxy.at(-1)!.code}; on replica A alone → attempt ${ACCOUNT_LIMIT + 1} ${acctDirect.at(-1)!.code}; right password from another address (${elsewhere.post.replica}) → ${elsewhere.code ?? "signed in"}`,
    );

    const strangers = () =>
      Array.from({ length: IP_LIMIT }, (_, i) => ({
        email: `nobody-${randomBytes(4).toString("hex")}@example.test`,
        password: `wrong-${i}-Password!`,
      }));
    const hugo = { email: "hugo.laurent@demo.spasmcare.test", password: DEMO_PASSWORD };
    const ipProxy = await attempts(new Browser(port, "127.0.0.3"), [...strangers(), hugo]);
    const ipDirect = await attempts(new Browser(replicas[1].port, "127.0.0.5"), [...strangers(), hugo]);
    // Another address still signs in to that account: the lock was the address's.
    const fine = new Browser(port, "127.0.0.7");
    const fineSignIn = await authJsSignIn(fine, hugo.email, hugo.password);
    check(
      "per-address limit shared",
      lockedAtLast(ipProxy) &&
        ownCount(ipProxy) < IP_LIMIT &&
        lockedAtLast(ipDirect) &&
        !fineSignIn.code &&
        Boolean(fine.sessionCookie()),
      ipProxy.map((x) => x.replica),
      `${IP_LIMIT} failures (unknown e-mails) from one address counted by ${tally(ipProxy)} → attempt ${IP_LIMIT + 1} on ${ipProxy.at(-1)!.replica} (${ownCount(ipProxy)} seen itself) ${ipProxy.at(-1)!.code}; on replica B alone → attempt ${IP_LIMIT + 1} ${ipDirect.at(-1)!.code}; that account from another address → ${fineSignIn.code ?? "signed in"}`,
    );
  } finally {
    await cleanup();
  }

  const failed = checks.filter((c) => !c.ok);
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  const out = [
    "",
    `test:replicas — two next start replicas behind a round-robin proxy, one PostgreSQL database (${secs} s)`,
    ...checks.map((c) => `  ${c.ok ? "ok  " : "FAIL"} ${c.name.padEnd(34)} replicas ${c.replicas.join("")}`),
    failed.length
      ? `${failed.length} of ${checks.length} checks FAILED`
      : `all ${checks.length} checks passed`,
    "",
  ];
  process.stdout.write(out.join("\n"));
  if (failed.length || checks.length === 0) process.exit(1);
}

main().catch((err: unknown) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
