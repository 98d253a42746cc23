import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/permissions";

const session = vi.hoisted(() => ({ current: vi.fn<() => Promise<unknown>>() }));
vi.mock("@/lib/dal/session", () => ({ currentUser: () => session.current() }));

const { patientAction } = await import("./action-client");

const patient = { id: "p1", role: "patient", requestId: "r1" } as unknown as Actor;
const coded = (code: string) => Object.assign(new Error("boom: secret patient data"), { code });
/** drizzle wraps driver errors: the code is on the cause. */
const wrapped = (code: string) => Object.assign(new Error("Failed query"), { cause: coded(code) });

beforeEach(() => {
  session.current.mockReset();
  session.current.mockResolvedValue(patient);
  vi.spyOn(console, "error").mockImplementation(() => {});
});

describe("a database outage inside an action is `unavailable`, anything else stays `failed`", () => {
  const run = (err: unknown) =>
    patientAction(z.object({}), async () => {
      throw err;
    })({});

  it.each(["ECONNREFUSED", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "57P01", "57014", "08006"])(
    "%s (direct and wrapped by drizzle)",
    async (code) => {
      expect(await run(coded(code))).toMatchObject({ ok: false, error: "unavailable" });
      expect(await run(wrapped(code))).toMatchObject({ ok: false, error: "unavailable" });
    },
  );

  it("a constraint violation or a bug is not an outage", async () => {
    expect(await run(coded("23505"))).toMatchObject({ ok: false, error: "failed" });
    expect(await run(new TypeError("x is undefined"))).toMatchObject({ ok: false, error: "failed" });
  });

  it("a failed session lookup is `unavailable` before the handler runs", async () => {
    session.current.mockRejectedValue(wrapped("ECONNREFUSED"));
    const handler = vi.fn();
    expect(await patientAction(z.object({}), handler)({})).toMatchObject({ error: "unavailable" });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("form actions (the report form)", () => {
  type S = { refused?: string; done?: boolean };
  const refused = (code: string): S => ({ refused: code });

  it("a failed session lookup or an outage in the handler keeps the form with `unavailable`", async () => {
    session.current.mockRejectedValueOnce(coded("CONNECT_TIMEOUT"));
    const ok = patientAction.form<S>(refused, async () => ({ done: true }));
    expect(await ok({}, new FormData())).toEqual({ refused: "unavailable" });
    expect(await ok({}, new FormData())).toEqual({ done: true });

    const down = patientAction.form<S>(refused, async () => {
      throw wrapped("CONNECTION_CLOSED");
    });
    expect(await down({}, new FormData())).toEqual({ refused: "unavailable" });
  });

  it("any other error still propagates (to the error boundary), and no message is logged", async () => {
    const bug = patientAction.form<S>(refused, async () => {
      throw new TypeError("bug");
    });
    await expect(bug({}, new FormData())).rejects.toThrow("bug");
    const logged = vi.mocked(console.error).mock.calls.flat().join(" ");
    expect(logged).not.toContain("secret patient data");
  });
});
