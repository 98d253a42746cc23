import "server-only";

/** The bench route and its action exist in every build but answer only when the server runs the bench. */
export function benchActionsEnabled(): boolean {
  return process.env.SPASMCARE_BENCH_ACTIONS === "1";
}
