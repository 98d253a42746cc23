import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { dbUnavailableCode } from "@/lib/db/unavailable";
import { currentUser } from "@/lib/dal/session";
import type { ActionErrorCode, ActionResult } from "@/lib/dto/action-result";
import { isDalError, type DalErrorCode } from "@/lib/errors";
import { logError } from "@/lib/log";
import type { Actor, Role } from "@/lib/permissions";

const FROM_DAL: Record<DalErrorCode, ActionErrorCode> = {
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  not_found: "not_found",
  conflict: "conflict",
  invalid: "invalid",
  registration_closed: "forbidden",
  email_taken: "invalid",
};

/** Zod issues as message codes keyed by the full path of the field. */
export function issuesToFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    out[key] ??= issue.message;
  }
  return out;
}

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Paths of every string in the input that carries a control character (tab and line breaks allowed). Checked
 * before any schema, so no free-text field of any form can carry a NUL to the database, whatever its schema says.
 */
export function controlCharPaths(value: unknown, path: string[] = [], depth = 0): string[] {
  if (typeof value === "string") return CONTROL_CHARS.test(value) ? [path.join(".") || "_form"] : [];
  if (depth > 8 || value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => controlCharPaths(v, [...path, k], depth + 1));
}

function fail(error: ActionErrorCode, fieldErrors: Record<string, string> = {}, entity?: string) {
  return { ok: false as const, error, fieldErrors, ...(entity ? { entity } : {}) };
}

/**
 * Builds a server action for one role: session, role, zod parse and the mapping of DAL errors to typed results
 * happen here once, so no action can forget a check. The handler still goes through the DAL, which checks again.
 * Unexpected errors are logged by name and request id only (a database error's message can carry patient data).
 */
export function roleAction(role: Role) {
  return function action<S extends z.ZodType, T>(
    schema: S,
    handler: (actor: Actor, input: z.output<S>) => Promise<T>,
  ): (input: z.input<S>) => Promise<ActionResult<T>> {
    return async (input) => {
      let actor: Actor | null;
      try {
        actor = await currentUser();
      } catch (err) {
        unstable_rethrow(err);
        logError("action session lookup", err);
        return fail("unavailable");
      }
      if (!actor) return fail("unauthenticated");
      if (actor.role !== role) return fail("forbidden");
      const controlled = controlCharPaths(input);
      if (controlled.length)
        return fail("invalid", Object.fromEntries(controlled.map((p) => [p, "control_chars"])));
      const parsed = schema.safeParse(input);
      if (!parsed.success) return fail("invalid", issuesToFieldErrors(parsed.error));
      try {
        return { ok: true, data: await handler(actor, parsed.data) };
      } catch (err) {
        unstable_rethrow(err);
        if (isDalError(err)) {
          const fieldErrors: Record<string, string> =
            err.code === "invalid" && err.entity ? { [err.entity]: "invalid" } : {};
          return fail(FROM_DAL[err.code], fieldErrors, err.entity);
        }
        // A database outage changed nothing (no commit): the user may try again, the form keeps its answers.
        const outage = dbUnavailableCode(err);
        if (outage) {
          console.error(`[${actor.requestId}] ${role} action: database unavailable (${outage})`);
          return fail("unavailable");
        }
        logError(`${role} action`, err, actor.requestId);
        return fail("failed");
      }
    };
  };
}

export const doctorAction = roleAction("doctor");
/** `patientAction(schema, …)` for object-posting forms; `patientAction.form(refused, …)` for FormData forms. */
export const patientAction = Object.assign(roleAction("patient"), { form: roleFormAction("patient") });
export const adminAction = roleAction("admin");

export type RefusalCode = "unauthenticated" | "forbidden" | "unavailable" | "invalid";

/**
 * The same gate for forms that post FormData through useActionState (the report form, withdraw): session and role
 * once, a database outage answered as `unavailable` so the form stays on screen with what was typed. The handler
 * parses with its schema and maps its own form state.
 */
export function roleFormAction(role: Role) {
  return function formAction<S>(
    refused: (code: RefusalCode) => S,
    handler: (actor: Actor, formData: FormData, prev: S) => Promise<S>,
  ): (prev: S, formData: FormData) => Promise<S> {
    return async (prev, formData) => {
      // Over HTTP anything can arrive where the form posts its FormData.
      if (!(formData instanceof FormData)) return refused("invalid");
      let actor: Actor | null;
      try {
        actor = await currentUser();
      } catch (err) {
        unstable_rethrow(err);
        logError("form action session lookup", err);
        return refused("unavailable");
      }
      if (!actor) return refused("unauthenticated");
      if (actor.role !== role) return refused("forbidden");
      try {
        return await handler(actor, formData, prev);
      } catch (err) {
        unstable_rethrow(err);
        const outage = dbUnavailableCode(err);
        if (!outage) throw err;
        console.error(`[${actor.requestId}] ${role} form action: database unavailable (${outage})`);
        return refused("unavailable");
      }
    };
  };
}
