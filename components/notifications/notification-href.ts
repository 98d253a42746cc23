import { NOTIFICATION_KINDS } from "@/lib/domain/notifications";
import type { Notification } from "@/lib/db/schema";
import type { Role } from "@/lib/permissions";

export type NotificationKind = Notification["kind"];

export { NOTIFICATION_KINDS };

/** Where a notification leads: the page of the receiving role where the change shows. Pure. */
export function notificationHref(kind: NotificationKind, role: Role): string {
  switch (role) {
    case "patient":
      if (kind === "plan_published" || kind === "referral_updated" || kind === "injection_scheduled") {
        return "/patient/care";
      }
      // A clinician opened the record in an emergency: the patient sees it in "Who saw my record".
      return kind === "break_glass" ? "/patient/access" : "/patient";
    case "doctor":
      return "/doctor";
    case "admin":
      return "/admin";
  }
}
