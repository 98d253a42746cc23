import { spawnSync } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain .mjs module without types
import { freePort, isPortInUse, withoutDatabaseUrl } from "./e2e-isolation.mjs";

function listen(): Promise<net.Server & { port: number }> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () =>
      resolve(Object.assign(server, { port: (server.address() as net.AddressInfo).port })),
    );
  });
}

describe("e2e isolation", () => {
  it("finds a free port, and sees a port something listens on as in use", async () => {
    const port = await freePort();
    expect(await isPortInUse(port)).toBe(false);
    const server = await listen();
    try {
      expect(await isPortInUse(server.port)).toBe(true);
    } finally {
      server.close();
    }
  });

  it("never passes DATABASE_URL on", () => {
    expect(withoutDatabaseUrl({ DATABASE_URL: "postgres://prod/db", PATH: "/bin" })).toEqual({
      PATH: "/bin",
    });
  });

  it("refuses to run against a server it did not start, unless E2E_REUSE=1", async () => {
    const server = await listen();
    try {
      const { DATABASE_URL: _, ...env } = process.env;
      const r = spawnSync(process.execPath, ["scripts/e2e.mjs", "--list"], {
        env: {
          ...env,
          E2E_PORT: String(server.port),
          E2E_REUSE: "",
          PLAYWRIGHT_CHROMIUM_EXECUTABLE: "/bin/true",
        },
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Port ${server.port} is already in use`);
    } finally {
      server.close();
    }
  });
});
