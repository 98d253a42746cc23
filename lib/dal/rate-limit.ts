import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterDrizzle, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getDb, type Db } from "@/lib/db";
import { rateLimits } from "@/lib/db/schema";

// Sign-in throttling, state in the database (rate_limits) through rate-limiter-flexible's drizzle store, so PGlite
// and PostgreSQL share one code path and every app instance sees the same counters. Checked before argon2 runs.

const WINDOW_S = 15 * 60;

/**
 * Per-address limits can be raised where every client shares one address by design (the e2e server, where the
 * whole browser suite signs in and registers from 127.0.0.1). Per-account limits are fixed.
 */
function perIpLimit(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
export const SIGN_IN_LIMITS = {
  /** Failures for one e-mail, from anywhere (today's account lock). Not applied from the owner's usual address. */
  account: 5,
  /** Failures from one client address, whatever e-mails it tries (SPASMCARE_SIGNIN_FAILURES_PER_IP overrides). */
  ip: perIpLimit("SPASMCARE_SIGNIN_FAILURES_PER_IP", 20),
  /** Failures for one e-mail from one address: still locks a guesser on the owner's usual address. */
  ipAccount: 5,
} as const;
/** A successful sign-in makes its address "usual" for the account this long. */
const KNOWN_ADDRESS_S = 30 * 86_400;
// A clinic front desk behind one address may sign up a waiting room: generous, but a flood still stops.
export const REGISTRATIONS_PER_IP_PER_HOUR = perIpLimit("SPASMCARE_REGISTRATIONS_PER_IP_PER_HOUR", 30);
export const PASSWORD_CHANGE_FAILURES = 5;
/** Wrong second-step codes (TOTP or recovery) per account per window, as for passwords. */
export const MFA_FAILURES = 5;

/** Thrown instead of checking a password: the caller answers "too many attempts, try again in N minutes". */
export class ThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("throttled");
    this.name = "ThrottledError";
  }
  get retryAfterMinutes(): number {
    return Math.max(1, Math.ceil(this.retryAfterSeconds / 60));
  }
}

type Limiters = Record<
  "ip" | "account" | "ipAccount" | "known" | "register" | "passwordChange" | "mfa",
  RateLimiterAbstract
>;
const byDb = new WeakMap<Db, Limiters>();

function limiter(db: Db, keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
  return new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix, points, duration });
}

async function limiters(): Promise<Limiters> {
  const db = await getDb();
  let l = byDb.get(db);
  if (!l) {
    l = {
      ip: limiter(db, "signin_ip", SIGN_IN_LIMITS.ip, WINDOW_S),
      account: limiter(db, "signin_acct", SIGN_IN_LIMITS.account, WINDOW_S),
      ipAccount: limiter(db, "signin_ipacct", SIGN_IN_LIMITS.ipAccount, WINDOW_S),
      known: limiter(db, "signin_known", 1, KNOWN_ADDRESS_S),
      register: limiter(db, "register_ip", REGISTRATIONS_PER_IP_PER_HOUR, 3600),
      passwordChange: limiter(db, "pwchange_user", PASSWORD_CHANGE_FAILURES, WINDOW_S),
      mfa: limiter(db, "mfa_user", MFA_FAILURES, WINDOW_S),
    };
    byDb.set(db, l);
  }
  return l;
}

/** Keys are hashed: the table holds no e-mail or address in clear. */
function key(...parts: (string | null | undefined)[]): string {
  return createHash("sha256")
    .update(parts.map((p) => p ?? "-").join("\n"))
    .digest("hex")
    .slice(0, 40);
}

const normalise = (email: string) => email.trim().toLowerCase();

async function lockedFor(l: RateLimiterAbstract, k: string, limit: number): Promise<number> {
  const res = await l.get(k);
  return res && res.consumedPoints >= limit ? Math.ceil(res.msBeforeNext / 1000) : 0;
}

/** Counts one failure; the failure that reaches the limit starts a full-window lock. */
async function fail(l: RateLimiterAbstract, k: string, limit: number): Promise<void> {
  const res = await l.penalty(k, 1);
  if (res.consumedPoints === limit) await l.block(k, WINDOW_S);
}

/** Throws ThrottledError when this address, this account or this pair is locked. Runs no password hash. */
export async function assertSignInAllowed(email: string, ip: string | null | undefined): Promise<void> {
  const l = await limiters();
  const e = normalise(email);
  const [byIp, byPair, known, byAccount] = await Promise.all([
    lockedFor(l.ip, key(ip), SIGN_IN_LIMITS.ip),
    lockedFor(l.ipAccount, key(ip, e), SIGN_IN_LIMITS.ipAccount),
    l.known.get(key(ip, e)),
    lockedFor(l.account, key(e), SIGN_IN_LIMITS.account),
  ]);
  // Strangers who lock an account by guessing do not lock its owner out from the address they signed in from.
  const wait = Math.max(byIp, byPair, known ? 0 : byAccount);
  if (wait > 0) throw new ThrottledError(wait);
}

/** A wrong password or an unknown e-mail: the same counters move for both, so neither is told apart. */
export async function recordSignInFailure(email: string, ip: string | null | undefined): Promise<void> {
  const l = await limiters();
  const e = normalise(email);
  await fail(l.ip, key(ip), SIGN_IN_LIMITS.ip);
  await fail(l.ipAccount, key(ip, e), SIGN_IN_LIMITS.ipAccount);
  await fail(l.account, key(e), SIGN_IN_LIMITS.account);
}

/** The owner got in: clear the account's counters and remember this address as usual for it. */
export async function recordSignInSuccess(email: string, ip: string | null | undefined): Promise<void> {
  const l = await limiters();
  const e = normalise(email);
  await l.ipAccount.delete(key(ip, e));
  await l.account.delete(key(e));
  await l.known.set(key(ip, e), 1, KNOWN_ADDRESS_S);
}

/** An admin's unlock (with a password reset): the account's lock ends at once. */
export async function clearAccountThrottle(email: string): Promise<void> {
  const l = await limiters();
  await l.account.delete(key(normalise(email)));
}

/** Every registration attempt from one address counts, before its password is hashed. */
export async function consumeRegistration(ip: string | null | undefined): Promise<void> {
  const l = await limiters();
  const wait = await lockedFor(l.register, key(ip), REGISTRATIONS_PER_IP_PER_HOUR);
  if (wait > 0) throw new ThrottledError(wait);
  await l.register.penalty(key(ip), 1);
}

/** Password changes: the current password is checked at most PASSWORD_CHANGE_FAILURES times per window. */
export async function assertPasswordChangeAllowed(userId: string): Promise<void> {
  const l = await limiters();
  const wait = await lockedFor(l.passwordChange, key(userId), PASSWORD_CHANGE_FAILURES);
  if (wait > 0) throw new ThrottledError(wait);
}

export async function recordPasswordChangeFailure(userId: string): Promise<void> {
  const l = await limiters();
  await fail(l.passwordChange, key(userId), PASSWORD_CHANGE_FAILURES);
}

/** Second step (lib/dal/mfa.ts): locked after MFA_FAILURES wrong codes for the account, or when the address is. */
export async function assertMfaAllowed(userId: string, ip: string | null | undefined): Promise<void> {
  const l = await limiters();
  const [byUser, byIp] = await Promise.all([
    lockedFor(l.mfa, key(userId), MFA_FAILURES),
    lockedFor(l.ip, key(ip), SIGN_IN_LIMITS.ip),
  ]);
  const wait = Math.max(byUser, byIp);
  if (wait > 0) throw new ThrottledError(wait);
}

/** A wrong code counts for the account and for the address (with wrong passwords). */
export async function recordMfaFailure(userId: string, ip: string | null | undefined): Promise<void> {
  const l = await limiters();
  await fail(l.mfa, key(userId), MFA_FAILURES);
  await fail(l.ip, key(ip), SIGN_IN_LIMITS.ip);
}

export async function recordMfaSuccess(userId: string): Promise<void> {
  const l = await limiters();
  await l.mfa.delete(key(userId));
}
