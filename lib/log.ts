// Server log lines for errors: class name, code and request id only. A database error's message carries the
// query and its parameters (notes, conditions, medicines, dates of birth), so no message or stack is ever printed
// for it. Plain Node: used by actions, route handlers, Auth.js's logger and instrumentation.ts.

const MAX_CAUSES = 4;

/** "DrizzleQueryError ← PostgresError (22021)": names and codes down the cause chain, no message. */
export function describeError(err: unknown, depth = 0): string {
  if (!(err instanceof Error)) return err === null ? "null" : typeof err;
  const code = (err as { code?: unknown }).code;
  const digest = (err as { digest?: unknown }).digest;
  let out = err.name || "Error";
  if (typeof code === "string" || typeof code === "number") out += ` (${String(code).slice(0, 40)})`;
  if (typeof digest === "string") out += ` [digest ${digest.slice(0, 40)}]`;
  const cause = (err as { cause?: unknown }).cause;
  if (cause !== undefined && depth < MAX_CAUSES) out += ` ← ${describeError(cause, depth + 1)}`;
  return out;
}

/** One JSON line per server error; `where` is a fixed label such as "createReport". */
export function logError(where: string, err: unknown, requestId?: string | null): void {
  console.error(
    JSON.stringify({ level: "error", where, requestId: requestId ?? undefined, error: describeError(err) }),
  );
}

/** True when the error, or one of its causes, is a failed query (which carries its parameters). */
export function carriesQuery(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > MAX_CAUSES) return false;
  if ("params" in err || "query" in err || /^Failed query:/.test(err.message)) return true;
  return carriesQuery((err as { cause?: unknown }).cause, depth + 1);
}

let installed = false;
/**
 * Errors the framework logs by itself (an exception escaping a page or an action) go through console.error too:
 * any argument that carries a query is replaced by its name and code before it is printed.
 */
export function scrubConsoleErrors(): void {
  if (installed) return;
  installed = true;
  for (const level of ["error", "warn"] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) =>
      original(...args.map((a) => (carriesQuery(a) ? `[redacted] ${describeError(a)}` : a)));
  }
}
