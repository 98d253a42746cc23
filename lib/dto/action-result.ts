// Typed results of every server action (client-safe: no server imports). Field errors are message codes
// (errors.<code> in the catalogs) keyed by the field's path ("mas.2.score"), so forms show them in the user's language.

export type ActionErrorCode =
  "invalid" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "unavailable" | "failed";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: ActionErrorCode; fieldErrors: Record<string, string>; entity?: string };
