import { NextResponse, type NextRequest } from "next/server";
import { countUnread, listOwnNotifications } from "@/lib/dal/notifications";
import { currentUser } from "@/lib/dal/session";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/** GET /api/notifications?limit=10 → { items, unread, role } for the signed-in user (the bell polls it). */
export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE });
  const limit = Number(request.nextUrl.searchParams.get("limit") ?? 10);
  const [items, unread] = await Promise.all([
    listOwnNotifications(user, { limit: Number.isFinite(limit) ? limit : 10 }),
    countUnread(user),
  ]);
  return NextResponse.json({ items, unread, role: user.role }, { headers: NO_STORE });
}
