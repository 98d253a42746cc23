import "server-only";
import { notFound } from "next/navigation";
import { isDalError } from "@/lib/errors";

/**
 * Runs a case page's DAL read: a missing or foreign id is the same 404; another doctor's patient renders nothing
 * here (the case layout shows the break-glass offer instead of the page).
 */
export async function loadOr404<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if (isDalError(err) && err.code === "not_found") notFound();
    if (isDalError(err) && err.code === "forbidden") return null;
    throw err;
  }
}
