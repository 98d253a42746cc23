// Runs once per server process: errors that Next.js logs by itself are scrubbed of query parameters (lib/log.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { scrubConsoleErrors } = await import("./lib/log");
  scrubConsoleErrors();
  // SIGTERM: readiness fails at once, Next drains requests in flight, then the database pool closes (lib/db/health).
  const { installGracefulShutdown } = await import("./lib/db/health");
  installGracefulShutdown();
}
