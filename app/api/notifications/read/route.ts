import { NextResponse } from "next/server";
import { z } from "zod";
import { countUnread, markNotificationsRead, NOTIFICATION_LIST_MAX } from "@/lib/dal/notifications";
import { currentUser } from "@/lib/dal/session";

const NO_STORE = { "Cache-Control": "no-store" };

const bodySchema = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ ids: z.array(z.uuid()).min(1).max(NOTIFICATION_LIST_MAX) }),
]);

/** POST /api/notifications/read with { ids: [...] } or { all: true } → { updated, unread }. */
export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE });
  // JSON only: a cross-site HTML form cannot send it without a CORS preflight.
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    return NextResponse.json({ error: "unsupported_media_type" }, { status: 415, headers: NO_STORE });
  }
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "invalid" }, { status: 400, headers: NO_STORE });
  const updated = await markNotificationsRead(user, "all" in parsed.data ? "all" : parsed.data.ids);
  return NextResponse.json({ updated, unread: await countUnread(user) }, { headers: NO_STORE });
}
