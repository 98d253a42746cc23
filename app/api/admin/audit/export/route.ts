import { NextResponse } from "next/server";
import { streamAuditEvents } from "@/lib/dal/admin-audit";
import { AUDIT_CSV_HEADER, auditCsvLine } from "@/lib/dal/admin-audit-csv";
import { currentUser } from "@/lib/dal/session";
import { logError } from "@/lib/log";
import { auditFiltersSchema } from "@/lib/validations/admin";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };
const BOM = "\uFEFF";

/**
 * GET → the audit rows matching the viewer's filters as CSV, streamed batch by batch from a keyset cursor, so a
 * large export is never built in memory. JSON errors, never a redirect.
 */
export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE });
  if (user.role !== "admin")
    return NextResponse.json({ error: "forbidden" }, { status: 403, headers: NO_STORE });
  const { page: _page, ...filters } = auditFiltersSchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const batches = streamAuditEvents(user, filters);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${BOM}${AUDIT_CSV_HEADER}\r\n`));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map((r) => auditCsvLine(r) + "\r\n").join("")));
      } catch (err) {
        // Name and code only: a database error's message could carry data.
        logError("audit export", err, user.requestId);
        controller.error(err);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  return new Response(stream, {
    headers: {
      ...NO_STORE,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${day}.csv"`,
    },
  });
}
