import { NextResponse, type NextRequest } from "next/server";
import { listTriageQueue } from "@/lib/dal/queue";
import { currentUser } from "@/lib/dal/session";
import { parseQueueQuery } from "@/lib/validations/queue";

export const dynamic = "force-dynamic";
const NO_STORE = { "Cache-Control": "no-store" };

/** GET /api/doctor/queue?scope=&level=&page= → one queue page (the open queue polls it). Doctors only. */
export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE });
  if (user.role !== "doctor")
    return NextResponse.json({ error: "forbidden" }, { status: 403, headers: NO_STORE });
  const query = parseQueueQuery(Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await listTriageQueue(user, query), { headers: NO_STORE });
}
