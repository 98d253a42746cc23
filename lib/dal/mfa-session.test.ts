// A sign-in that passed the password step only: the real lib/dal/session.ts (with Auth.js's auth() and Next's
// headers() stood in for) must refuse it to every role gate (currentUser, requireUser, requireRole, the role action
// builders) and let it reach only the second-step helpers.
import { expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/lib/db/schema";
import { totpCode } from "@/lib/auth/totp";
import type { SessionClaims } from "@/lib/auth/session-claims";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";

const request = vi.hoisted(() => ({ claims: null as SessionClaims | null }));

vi.mock("@/lib/auth/auth", () => ({
  auth: async () =>
    request.claims
      ? { uid: request.claims.userId, sv: request.claims.sessionVersion, sid: request.claims.sessionId }
      : null,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-request-id": crypto.randomUUID(), "user-agent": "vitest" }),
}));

const { adminAction, doctorAction, patientAction } = await import("@/lib/actions/action-client");
const session = await import("./session");
const { beginEnrolment, confirmEnrolment, verifySecondStep } = await import("./mfa");
const { startSession } = await import("./sessions");

/** What a redirect() or forbidden() threw, as "redirect:/path" or "forbidden". */
async function gate(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "passed";
  } catch (err) {
    const digest = String((err as { digest?: unknown })?.digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect:${digest.split(";")[2]}`;
    if (digest.includes("403")) return "forbidden";
    throw err;
  }
}

const probe = z.object({});

describeDb("a password-only session is refused by every role gate", ({ db }) => {
  it("staff required to enrol, then enrolled staff owing a code: refused everywhere until the code passes", async () => {
    for (const role of ["doctor", "admin"] as const) {
      const u = await createUser(db(), { role });
      const sid = await startSession(u.id);
      request.claims = { userId: u.id, sessionVersion: u.sessionVersion, sessionId: sid };

      const expectRefused = async (pending: "enrol" | "verify", sessionId: string) => {
        expect(await session.currentUser()).toBeNull();
        expect(await session.currentSessionId()).toBeNull();
        expect(await gate(() => session.requireUser())).toBe("redirect:/mfa");
        for (const r of ["doctor", "admin", "patient"] as const) {
          expect(await gate(() => session.requireRole(r))).toBe("redirect:/mfa");
        }
        for (const action of [doctorAction, adminAction, patientAction]) {
          const handler = vi.fn(async () => "ran");
          expect(await action(probe, handler)({})).toMatchObject({ ok: false, error: "unauthenticated" });
          expect(handler).not.toHaveBeenCalled();
        }
        expect(await session.userPendingMfa()).toMatchObject({
          pending,
          sessionId,
          actor: { id: u.id },
        });
      };

      await expectRefused("enrol", sid);
      const { secret } = await beginEnrolment(u, "Test clinic");
      await confirmEnrolment(u, sid, totpCode(secret));
      expect(await session.currentUser()).toMatchObject({ id: u.id, role });
      expect(await gate(() => session.requireRole(role))).toBe("passed");

      // A new sign-in of the now enrolled user owes a code.
      const next = await startSession(u.id);
      request.claims = { userId: u.id, sessionVersion: u.sessionVersion, sessionId: next };
      await expectRefused("verify", next);
      await verifySecondStep(u, next, totpCode(secret, Date.now() + 30_000));
      expect(await session.currentUser()).toMatchObject({ id: u.id, role });
      expect(await session.userPendingMfa()).toBeNull();
      const handler = vi.fn(async () => "ran");
      const own = role === "doctor" ? doctorAction : adminAction;
      expect(await own(probe, handler)({})).toEqual({ ok: true, data: "ran" });
    }
  });

  it("a patient without MFA is signed in at once; the password change still comes first", async () => {
    const p = await createUser(db(), { role: "patient" });
    request.claims = { userId: p.id, sessionVersion: p.sessionVersion, sessionId: await startSession(p.id) };
    expect(await session.currentUser()).toMatchObject({ id: p.id });
    expect(await session.userPendingMfa()).toBeNull();

    const d = await createUser(db(), { role: "doctor" });
    await db().update(users).set({ mustChangePassword: true }).where(eq(users.id, d.id));
    request.claims = { userId: d.id, sessionVersion: d.sessionVersion, sessionId: await startSession(d.id) };
    expect(await session.userPendingPasswordChange()).toMatchObject({ id: d.id });
    expect(await session.userPendingMfa()).toBeNull();
    expect(await gate(() => session.requireRole("doctor"))).toBe("redirect:/change-password");
  });
});
