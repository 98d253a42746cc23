import { and, eq } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import { auditEvents, rateLimits } from "@/lib/db/schema";
import { describeDb } from "@/test/db";
import { createUser, TEST_PASSWORD } from "@/test/fixtures";
import { registerPatient, verifyCredentials } from "./auth";
import {
  assertPasswordChangeAllowed,
  clearAccountThrottle,
  PASSWORD_CHANGE_FAILURES,
  recordPasswordChangeFailure,
  REGISTRATIONS_PER_IP_PER_HOUR,
  SIGN_IN_LIMITS,
  ThrottledError,
} from "./rate-limit";

// Counts argon2 verifications, to prove a throttled attempt never reaches the hash.
const hashes = vi.hoisted(() => ({ verified: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    verifyPassword: (...args: Parameters<typeof real.verifyPassword>) => {
      hashes.verified++;
      return real.verifyPassword(...args);
    },
  };
});

let n = 0;
/** A fresh client address per test, so the per-address counters of one test do not leak into the next. */
const nextIp = () => `198.51.100.${++n}`;
const signIn = (email: string, password: string, ip: string) => verifyCredentials({ email, password, ip });

describeDb("sign-in throttling", ({ db }) => {
  beforeEach(() => {
    hashes.verified = 0;
  });

  it(`locks an account after ${SIGN_IN_LIMITS.account} failures, without running argon2 while locked`, async () => {
    const u = await createUser(db(), { role: "doctor" });
    const ip = nextIp();
    for (let i = 0; i < SIGN_IN_LIMITS.account; i++)
      expect(await signIn(u.email, "wrong password", ip)).toBeNull();
    expect(hashes.verified).toBe(SIGN_IN_LIMITS.account);
    const err = await signIn(u.email, TEST_PASSWORD, ip).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThrottledError);
    expect((err as ThrottledError).retryAfterMinutes).toBe(15);
    expect(hashes.verified).toBe(SIGN_IN_LIMITS.account);
    // From another address too: the account itself is locked.
    await expect(signIn(u.email, TEST_PASSWORD, nextIp())).rejects.toBeInstanceOf(ThrottledError);
    const throttled = await db().select().from(auditEvents).where(eq(auditEvents.action, "auth.throttled"));
    expect(throttled.length).toBeGreaterThanOrEqual(2);
    // The table holds hashed keys only: no e-mail or address in clear.
    const keys = (await db().select().from(rateLimits)).map((r) => r.key).join(" ");
    expect(keys).not.toContain(u.email);
    expect(keys).not.toContain(ip);
  });

  it("answers an unknown e-mail exactly like a known one, lock included", async () => {
    const ip = nextIp();
    for (let i = 0; i < SIGN_IN_LIMITS.account; i++)
      expect(await signIn("ghost@test.example", "whatever pass", ip)).toBeNull();
    await expect(signIn("ghost@test.example", "whatever pass", ip)).rejects.toBeInstanceOf(ThrottledError);
  });

  it(`locks an address after ${SIGN_IN_LIMITS.ip} failures across different e-mails, not other addresses`, async () => {
    const u = await createUser(db(), { role: "patient" });
    const ip = nextIp();
    for (let i = 0; i < SIGN_IN_LIMITS.ip; i++)
      expect(await signIn(`spray-${i}@test.example`, "Password123!", ip)).toBeNull();
    await expect(signIn(u.email, TEST_PASSWORD, ip)).rejects.toBeInstanceOf(ThrottledError);
    expect(await signIn(u.email, TEST_PASSWORD, nextIp())).toMatchObject({ id: u.id });
  });

  it("strangers locking an account do not lock its owner out from the address they signed in from", async () => {
    const owner = await createUser(db(), { role: "doctor" });
    const home = nextIp();
    expect(await signIn(owner.email, TEST_PASSWORD, home)).toMatchObject({ id: owner.id });
    for (let i = 0; i < SIGN_IN_LIMITS.account; i++) await signIn(owner.email, "guess guess", nextIp());
    // A new address is locked out of the account …
    await expect(signIn(owner.email, TEST_PASSWORD, nextIp())).rejects.toBeInstanceOf(ThrottledError);
    // … the owner's usual address is not.
    expect(await signIn(owner.email, TEST_PASSWORD, home)).toMatchObject({ id: owner.id });
  });

  it("a guesser on the owner's usual address is still locked by the address + account counter", async () => {
    const owner = await createUser(db(), { role: "patient" });
    const home = nextIp();
    expect(await signIn(owner.email, TEST_PASSWORD, home)).not.toBeNull();
    for (let i = 0; i < SIGN_IN_LIMITS.ipAccount; i++) await signIn(owner.email, "guess guess", home);
    await expect(signIn(owner.email, TEST_PASSWORD, home)).rejects.toBeInstanceOf(ThrottledError);
  });

  it("a success clears the account counter, and an admin unlock ends a lock", async () => {
    const u = await createUser(db(), { role: "patient" });
    const ip = nextIp();
    for (let i = 0; i < SIGN_IN_LIMITS.account - 1; i++) await signIn(u.email, "nope nope", ip);
    expect(await signIn(u.email, TEST_PASSWORD, ip)).not.toBeNull();
    for (let i = 0; i < SIGN_IN_LIMITS.account - 1; i++) await signIn(u.email, "nope nope", nextIp());
    expect(await signIn(u.email, TEST_PASSWORD, nextIp())).not.toBeNull();

    for (let i = 0; i < SIGN_IN_LIMITS.account; i++) await signIn(u.email, "nope nope", nextIp());
    const fresh = nextIp();
    await expect(signIn(u.email, TEST_PASSWORD, fresh)).rejects.toBeInstanceOf(ThrottledError);
    await clearAccountThrottle(u.email.toUpperCase());
    expect(await signIn(u.email, TEST_PASSWORD, fresh)).not.toBeNull();
  });

  it(`throttles registration to ${REGISTRATIONS_PER_IP_PER_HOUR} an hour per address, before hashing`, async () => {
    const ip = nextIp();
    for (let i = 0; i < REGISTRATIONS_PER_IP_PER_HOUR; i++) {
      await registerPatient(
        {
          name: "Reg",
          email: `reg-${ip}-${i}@test.example`,
          password: TEST_PASSWORD,
          confirmPassword: TEST_PASSWORD,
          locale: "en",
        },
        { ip },
      );
    }
    await expect(
      registerPatient(
        {
          name: "Reg",
          email: `reg-${ip}-x@test.example`,
          password: TEST_PASSWORD,
          confirmPassword: TEST_PASSWORD,
          locale: "en",
        },
        { ip },
      ),
    ).rejects.toBeInstanceOf(ThrottledError);
    const made = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.register"), eq(auditEvents.ip, ip)));
    expect(made).toHaveLength(REGISTRATIONS_PER_IP_PER_HOUR);
  });

  it(`locks password changes after ${PASSWORD_CHANGE_FAILURES} wrong current passwords`, async () => {
    const u = await createUser(db(), { role: "patient" });
    for (let i = 0; i < PASSWORD_CHANGE_FAILURES; i++) {
      await assertPasswordChangeAllowed(u.id);
      await recordPasswordChangeFailure(u.id);
    }
    await expect(assertPasswordChangeAllowed(u.id)).rejects.toBeInstanceOf(ThrottledError);
  });
});
