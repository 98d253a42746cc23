// The web half of `npm run bench` (issue 8 points 1–2), against a production build served by `next start` on a bench
// database: first-load JavaScript per route (the gzipped scripts each route's HTML loads, fetched as the right role)
// and page / server-action throughput with autocannon. Signed-in requests carry a session made the way sign-in makes
// one: a user_sessions row and the Auth.js JWT cookie naming it (encoded with the server's AUTH_SECRET).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import postgres from "postgres";

const log = (line: string) => process.stderr.write(`${line}\n`);
/** `next start` runs in production mode: the session cookie is the `__Host-` one (lib/auth/cookies.ts). */
const COOKIE = "__Host-authjs.session-token";
export const BENCH_SECRET = "bench-only-secret-not-for-production-0123456789";

// ---------- budgets (issue 8 point 2) ----------
// BENCH_BUDGET_JS_TOTAL_KB / BENCH_BUDGET_JS_OWN_KB replace the JS budget for one run (the bench header says so).
export const JS_TOTAL_BUDGET_KB = Number(process.env.BENCH_BUDGET_JS_TOTAL_KB || 180);
export const JS_OWN_BUDGET_KB = Number(process.env.BENCH_BUDGET_JS_OWN_KB || 50);
export const DOCTOR_VS_LOGIN_BUDGET = 0.5;
export const SUBMIT_VS_BARE_BUDGET = 0.7;

export type Server = {
  base: string;
  stop: () => Promise<void>;
  rssMb: () => number | null;
  /** False once the server process exited (crashed). */
  alive: () => boolean;
};

/** `next start` on `distDir` (a finished production build) with the bench database and the bench action enabled. */
export async function startServer(opts: {
  root: string;
  distDir: string;
  port: number;
  databaseUrl: string;
  /** Everything the server prints (stdout and stderr), e.g. for `npm run test:faults` to read its log. */
  onOutput?: (chunk: string) => void;
}): Promise<Server> {
  const buildId = path.join(opts.root, opts.distDir, "BUILD_ID");
  if (!existsSync(buildId)) {
    throw new Error(
      `no production build in ${path.join(opts.root, opts.distDir)}: run \`NEXT_DIST_DIR=${opts.distDir} npx next build\` first`,
    );
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(opts.root, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(opts.port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: opts.root,
      stdio: ["ignore", opts.onOutput ? "pipe" : "ignore", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: opts.distDir,
        DATABASE_URL: opts.databaseUrl,
        AUTH_SECRET: BENCH_SECRET,
        AUTH_TRUST_HOST: "true",
        SPASMCARE_BENCH_ACTIONS: "1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
    opts.onOutput?.(d.toString());
  });
  child.stdout?.on("data", (d: Buffer) => opts.onOutput?.(d.toString()));
  const base = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${base}/login`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`next start did not answer /login within 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    alive: () => child.exitCode === null && child.signalCode === null,
    rssMb: () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
        return Number.isFinite(kb) ? kb / 1024 : null;
      } catch {
        return null;
      }
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * A live session for each user, as sign-in makes it: a user_sessions row (for staff, with its MFA step passed) and
 * the JWT cookie that names it.
 */
export async function sessionCookies(databaseUrl: string, userIds: string[]): Promise<Map<string, string>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const users = await sql<{ id: string; role: string; session_version: number }[]>`
      select id, role, session_version from users where id in ${sql(userIds)}`;
    const out = new Map<string, string>();
    for (const u of users) {
      // Staff sessions as after the second sign-in step (the bench accounts enrol no authenticator).
      const [s] = await sql<{ id: string }[]>`
        insert into user_sessions (user_id, user_agent, mfa_verified_at)
        values (${u.id}, 'spasmcare-bench', ${u.role === "patient" ? null : sql`now()`}) returning id`;
      const token = await encode({
        token: { sub: u.id, uid: u.id, role: u.role, sv: u.session_version, sid: s.id },
        secret: BENCH_SECRET,
        salt: COOKIE,
        maxAge: 12 * 60 * 60,
      });
      out.set(u.id, `${COOKIE}=${token}`);
    }
    return out;
  } finally {
    await sql.end();
  }
}

/** Bench principals on the bench database: the heaviest patient and their doctor, an admin, many patients. */
export async function benchPrincipals(databaseUrl: string, patients: number) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [heavy] = await sql<{ id: string; doctor_id: string | null; report_id: string }[]>`
      select r.patient_id as id, p.assigned_doctor_id as doctor_id, (array_agg(r.id order by r.started_at desc))[1] as report_id
      from spasm_reports r join patient_profiles p on p.user_id = r.patient_id join users u on u.id = r.patient_id
      where u.status = 'active' and p.assigned_doctor_id is not null
      group by 1, 2 order by count(*) desc limit 1`;
    const [admin] = await sql<{ id: string }[]>`
      select id from users where role = 'admin' and status = 'active' order by created_at limit 1`;
    const many = await sql<{ id: string }[]>`
      select id from users where role = 'patient' and status = 'active' and not must_change_password
      order by md5(id::text) limit ${patients}`;
    return {
      patient: heavy.id,
      doctor: heavy.doctor_id!,
      reportId: heavy.report_id,
      admin: admin.id,
      many: many.map((r) => r.id),
    };
  } finally {
    await sql.end();
  }
}

// ---------- first-load JavaScript ----------

export type RouteJs = {
  route: string;
  status: number;
  scripts: string[];
  /** Gzipped kB of each script, in `scripts` order. */
  scriptKb: number[];
  totalKb: number;
  ownKb: number;
  ok?: boolean;
};

const SCRIPT_TAG = /<script\b[^>]*>/g;
const SRC = /\bsrc="([^"]+)"/;
/** `<script nomodule>` (Next's legacy polyfills): a browser that runs modules never fetches it. */
const NOMODULE = /\snomodule(?:=|\s|>|$)/i;

const PRELOAD_TAG = /<link\b[^>]*>/g;
const HREF = /\bhref="([^"]+)"/;
const PRELOAD = /\brel="preload"/;
const AS_SCRIPT = /\bas="script"/;

/**
 * The script URLs a module-capable browser loads from this HTML, in order (nomodule ones left out): every
 * `<script src>`, then every `<link rel="preload" as="script">` (a chunk Next preloads for a component it loads
 * with next/dynamic is fetched with the page, even though it is evaluated later: it counts).
 */
export function loadedScripts(html: string): string[] {
  const out = new Set<string>();
  for (const [tag] of html.matchAll(SCRIPT_TAG)) {
    const src = SRC.exec(tag)?.[1];
    if (src && !NOMODULE.test(tag)) out.add(src.replace(/&amp;/g, "&"));
  }
  for (const [tag] of html.matchAll(PRELOAD_TAG)) {
    if (!PRELOAD.test(tag) || !AS_SCRIPT.test(tag)) continue;
    const href = HREF.exec(tag)?.[1];
    if (href) out.add(href.replace(/&amp;/g, "&"));
  }
  return [...out];
}

/**
 * For each route: fetch its HTML as its role, take every `<script src>` but the `nomodule` ones (loadedScripts), gzip
 * each script as the server would send it (zlib default level), and sum. "Own" is what is not loaded by every measured route (the shared framework and
 * layout chunks are the rest).
 */
export async function firstLoadJs(
  base: string,
  routes: { route: string; cookie?: string }[],
): Promise<RouteJs[]> {
  const sizes = new Map<string, number>();
  const gz = async (src: string) => {
    if (!sizes.has(src)) {
      const res = await fetch(new URL(src, base));
      if (!res.ok) throw new Error(`${src}: ${res.status}`);
      sizes.set(src, gzipSync(Buffer.from(await res.arrayBuffer())).length);
    }
    return sizes.get(src)!;
  };
  const out: RouteJs[] = [];
  for (const r of routes) {
    const res = await fetch(new URL(r.route, base), {
      headers: r.cookie ? { cookie: r.cookie } : {},
      redirect: "manual",
    });
    const html = await res.text();
    const scripts = loadedScripts(html);
    let total = 0;
    for (const s of scripts) total += await gz(s);
    out.push({
      route: r.route,
      status: res.status,
      scripts,
      scriptKb: scripts.map((s) => (sizes.get(s) ?? 0) / 1024),
      totalKb: total / 1024,
      ownKb: 0,
    });
  }
  const measured = out.filter((r) => r.status === 200);
  const shared = measured.length
    ? measured.map((r) => new Set(r.scripts)).reduce((a, b) => new Set([...a].filter((s) => b.has(s))))
    : new Set<string>();
  for (const r of out) {
    const own = r.scripts.filter((s) => !shared.has(s));
    let kb = 0;
    for (const s of own) kb += (sizes.get(s) ?? 0) / 1024;
    r.ownKb = kb;
    r.ok = r.status === 200 && r.totalKb <= JS_TOTAL_BUDGET_KB && r.ownKb <= JS_OWN_BUDGET_KB;
  }
  return out;
}

// ---------- throughput ----------

export type Throughput = {
  label: string;
  rps: number;
  p50: number;
  p975: number;
  requests: number;
  ok: number;
  bad: number;
  codes: string;
};

type Req = {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Rotates over these cookies, one per request (many distinct users). */
  cookies?: string[];
  /** Status codes that count as a success. */
  okStatus: number[];
};

function runOnce(base: string, r: Req, connections: number, duration: number): Promise<autocannon.Result> {
  let i = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration,
        requests: [
          {
            method: r.method ?? "GET",
            path: r.path,
            headers: { ...r.headers, ...(r.cookies?.length === 1 ? { cookie: r.cookies[0] } : {}) },
            body: r.body,
            ...(r.cookies && r.cookies.length > 1
              ? {
                  setupRequest: (req: { headers?: Record<string, string> }) => ({
                    ...req,
                    headers: { ...req.headers, cookie: r.cookies![i++ % r.cookies!.length] },
                  }),
                }
              : {}),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on("error", reject);
  });
}

/** Each request measured in `rounds` runs interleaved with the others (background load hits them alike). */
export async function measureThroughput(
  base: string,
  reqs: { label: string; req: Req }[],
  opts: { connections: number; duration: number; rounds: number },
): Promise<Throughput[]> {
  const acc = reqs.map((r) => ({
    label: r.label,
    ok: 0,
    bad: 0,
    requests: 0,
    seconds: 0,
    p50: [] as number[],
    p975: [] as number[],
    codes: new Map<string, number>(),
  }));
  for (let round = 0; round < opts.rounds; round++) {
    for (const [j, { req, label }] of reqs.entries()) {
      log(
        `  autocannon ${label}: round ${round + 1}/${opts.rounds}, ${opts.connections} connections, ${opts.duration} s`,
      );
      const res = await runOnce(base, req, opts.connections, opts.duration);
      const a = acc[j];
      for (const [code, { count }] of Object.entries(res.statusCodeStats ?? {})) {
        a.codes.set(code, (a.codes.get(code) ?? 0) + count);
        if (req.okStatus.includes(Number(code))) a.ok += count;
        else a.bad += count;
      }
      a.bad += res.errors + res.timeouts;
      a.requests += res.requests.total;
      a.seconds += res.duration;
      a.p50.push(res.latency.p50);
      a.p975.push(res.latency.p97_5);
    }
  }
  return acc.map((a) => ({
    label: a.label,
    // Only successful answers count: a fast stream of refusals is not throughput.
    rps: a.ok / a.seconds,
    p50: Math.max(...a.p50),
    p975: Math.max(...a.p975),
    requests: a.requests,
    ok: a.ok,
    bad: a.bad,
    codes: [...a.codes].map(([c, n]) => `${c}×${n}`).join(" "),
  }));
}

/** The action id Next gave an exported server action (from the build's server-reference manifest). */
export function actionId(root: string, distDir: string, file: string, exportName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(root, distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { exportedName?: string; filename?: string; workers?: Record<string, unknown> }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportName && entry.filename?.includes(file)) return id;
  }
  throw new Error(`server action ${file}#${exportName} not found in the build's manifest`);
}

/**
 * The `next-router-state-tree` header a browser sends with a server action from the page at these segments (route
 * groups included), so Next renders only what changes, as it does for a real user.
 */
export function routerStateTree(segments: string[]): string {
  type Tree = [string, Record<string, Tree>] | [string, Record<string, Tree>, null, null, boolean];
  let tree: Tree = ["__PAGE__", {}];
  for (const seg of [...segments].reverse()) tree = [seg, { children: tree }];
  return encodeURIComponent(JSON.stringify(["", { children: tree }, null, null, true]));
}

/** The body React's client sends for `action(...args)` (encodeReply), as bytes and content type. */
export async function encodeAction(args: unknown[]): Promise<{ body: Buffer; contentType: string }> {
  const { encodeReply } = (await import(
    // @ts-expect-error -- Next's compiled React client has no type declarations
    "next/dist/compiled/react-server-dom-webpack/client.node.js"
  )) as { encodeReply: (v: unknown) => Promise<string | FormData> };
  const encoded = await encodeReply(args);
  if (typeof encoded === "string")
    return { body: Buffer.from(encoded), contentType: "text/plain;charset=UTF-8" };
  const res = new Response(encoded);
  return {
    body: Buffer.from(await res.arrayBuffer()),
    contentType: res.headers.get("content-type")!,
  };
}

export function loadLine(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
}
