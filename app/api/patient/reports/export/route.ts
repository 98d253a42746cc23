import { NextResponse } from "next/server";
import { exportOwnReportsCsv } from "@/lib/dal/report-export";
import { currentUser } from "@/lib/dal/session";
import { isDalError } from "@/lib/errors";
import { logError } from "@/lib/log";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };
// Excel reads a CSV as UTF-8 only when the file starts with a byte-order mark.
const BOM = "\uFEFF";

/** The day in the clinic's time zone, for the file name. */
function clinicDate(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
}

/** GET → the signed-in patient's own reports as a CSV download. JSON errors, never a redirect. */
export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE });
  if (user.role !== "patient")
    return NextResponse.json({ error: "forbidden" }, { status: 403, headers: NO_STORE });
  let csv: string;
  try {
    csv = await exportOwnReportsCsv(user);
  } catch (err) {
    if (isDalError(err) && err.code === "forbidden") {
      return NextResponse.json({ error: "forbidden" }, { status: 403, headers: NO_STORE });
    }
    logError("exportOwnReportsCsv", err, user.requestId);
    return NextResponse.json({ error: "export_failed" }, { status: 500, headers: NO_STORE });
  }
  return new Response(BOM + csv, {
    headers: {
      ...NO_STORE,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="spasmcare-reports-${clinicDate()}.csv"`,
    },
  });
}
