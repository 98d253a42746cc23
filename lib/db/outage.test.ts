import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { noteDbAnswered, noteDbConnectionClosed, outage, READY_TTL_MS } from "./outage";

const page = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, { headers: { accept: "text/html", ...headers } });

afterEach(() => {
  outage.since = null;
  outage.check = undefined;
  outage.lastOkAt = 0;
  outage.inflight = null;
});

describe("proxy while the database is down (issue 9: fail fast and clearly)", () => {
  it("answers a page load 503 at once, in the user's language, with the emergency numbers", async () => {
    outage.since = Date.now();
    const fr = await proxy(page("/patient/reports/new", { cookie: "authjs.session-token=x" }));
    expect(fr.status).toBe(503);
    expect(fr.headers.get("retry-after")).toBe("5");
    const html = await fr.text();
    expect(html).toContain('lang="fr"');
    expect(html).toContain("Rien n’a été modifié");
    expect(html).toContain('href="tel:15"');
    const en = await proxy(page("/login", { "accept-language": "en-GB,en;q=0.9" }));
    expect(en.status).toBe(503);
    expect(await en.text()).toContain("Nothing was changed");
    const cookie = await proxy(page("/login", { "accept-language": "en", cookie: "NEXT_LOCALE=fr" }));
    expect(await cookie.text()).toContain('lang="fr"');
  });

  it("lets health checks, RSC fetches and server actions through (they answer for themselves)", async () => {
    outage.since = Date.now();
    expect((await proxy(page("/api/ready"))).status).not.toBe(503);
    expect((await proxy(page("/patient", { rsc: "1", cookie: "authjs.session-token=x" }))).status).not.toBe(
      503,
    );
    const post = new NextRequest("http://127.0.0.1:3000/patient/reports/new", {
      method: "POST",
      headers: { accept: "text/x-component", cookie: "authjs.session-token=x" },
    });
    expect((await proxy(post)).status).not.toBe(503);
  });

  it("serves pages normally when the database is up", async () => {
    expect((await proxy(page("/login"))).status).toBe(200);
  });
});

describe("the first page load after the database died (issue 9: 503, never a 500)", () => {
  it("asks once when nothing is known, then trusts the answer for a while", async () => {
    const asked: boolean[] = [];
    outage.check = async (_timeout, fresh) => {
      asked.push(fresh);
      noteDbAnswered();
      return true;
    };
    expect((await proxy(page("/login"))).status).toBe(200);
    expect((await proxy(page("/login"))).status).toBe(200);
    expect(asked).toEqual([true]);
    // A pool connection closed (restart, kill, stop): the next page load asks again, on a new connection.
    noteDbConnectionClosed();
    expect((await proxy(page("/login"))).status).toBe(200);
    expect(asked).toEqual([true, true]);
    // So does one after the cached answer went stale, on the pool.
    outage.lastOkAt = Date.now() - READY_TTL_MS - 1;
    expect((await proxy(page("/login"))).status).toBe(200);
    expect(asked).toEqual([true, true, false]);
  });

  it("answers the 503 page in the user's language when the probe fails, one probe for concurrent loads", async () => {
    let asked = 0;
    outage.check = async () => {
      asked++;
      await new Promise((r) => setTimeout(r, 20));
      return false;
    };
    const [fr, en] = await Promise.all([
      proxy(page("/patient", { cookie: "authjs.session-token=x", "accept-language": "fr-FR,fr" })),
      proxy(page("/login", { "accept-language": "en-GB,en;q=0.9" })),
    ]);
    expect(asked).toBe(1);
    expect(fr.status).toBe(503);
    expect(await fr.text()).toContain("Rien n’a été modifié");
    expect(en.status).toBe(503);
    expect(await en.text()).toContain("Nothing was changed");
  });

  it("a probe that throws counts as down; actions and RSC fetches never wait for a probe", async () => {
    let asked = 0;
    outage.check = async () => {
      asked++;
      throw new Error("boom");
    };
    expect((await proxy(page("/login"))).status).toBe(503);
    const post = new NextRequest("http://127.0.0.1:3000/patient/reports/new", {
      method: "POST",
      headers: { accept: "text/x-component", cookie: "authjs.session-token=x" },
    });
    expect((await proxy(post)).status).not.toBe(503);
    expect((await proxy(page("/patient", { rsc: "1", cookie: "authjs.session-token=x" }))).status).not.toBe(
      503,
    );
    expect(asked).toBe(1);
  });
});
