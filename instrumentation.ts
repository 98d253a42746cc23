// Runs once per server process: errors that Next.js logs by itself are scrubbed of query parameters (lib/log.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { scrubConsoleErrors } = await import("./lib/log");
  scrubConsoleErrors();
  // SIGTERM: readiness fails at once, Next drains requests in flight, then the database pool closes (lib/db/health).
  // Page loads ask whether PostgreSQL answers before rendering (cached while it does): 503 page, never a 500.
  const { installGracefulShutdown, installPageLoadProbe } = await import("./lib/db/health");
  installGracefulShutdown();
  installPageLoadProbe();
}

// A page or action that failed on a database outage switches page loads to the 503 page until the database answers
// (lib/db/health.ts noteDbError, read by proxy.ts).
export async function onRequestError(err: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteDbError } = await import("./lib/db/health");
  noteDbError(err);
}
