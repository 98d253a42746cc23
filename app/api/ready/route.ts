import { isDraining, pingDb } from "@/lib/db/health";

// Readiness for a load balancer: 200 when the database answers within 2 s and the server is not shutting down,
// 503 otherwise (send traffic elsewhere). No detail beyond a reason code.
export const dynamic = "force-dynamic";

export async function GET() {
  const headers = { "cache-control": "no-store" };
  if (isDraining()) return Response.json({ status: "draining" }, { status: 503, headers });
  const db = await pingDb(2000);
  return db.ok
    ? Response.json({ status: "ready", dbMs: db.ms }, { headers })
    : Response.json({ status: "unavailable", reason: db.reason }, { status: 503, headers });
}
