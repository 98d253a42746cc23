// In-app notification kinds (the schema's enum derives from this list). Pure.
export const NOTIFICATION_KINDS = [
  "urgent_report",
  "plan_published",
  "referral_updated",
  "injection_scheduled",
  "break_glass",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
