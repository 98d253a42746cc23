// Liveness for a load balancer or orchestrator: the process answers HTTP. Never touches the database, so an outage
// does not get a healthy server restarted.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
