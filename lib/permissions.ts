import type { Locale, Role } from "./domain/accounts";

export { LOCALES, ROLES, type Locale, type Role } from "./domain/accounts";

/** The acting user every DAL function receives. */
export type Actor = {
  id: string;
  role: Role;
  name: string;
  email: string;
  locale: Locale;
  requestId: string;
  /** Client address and browser, recorded on audit events (lib/request-context.ts). */
  ip?: string | null;
  userAgent?: string | null;
};

export const ROLE_HOME: Record<Role, string> = {
  patient: "/patient",
  doctor: "/doctor",
  admin: "/admin",
};

/** Which role may do what, as data. Admins never read clinical content (least privilege). */
export const PERMISSIONS = {
  "report:create": ["patient"],
  "report:read-own": ["patient"],
  "report:withdraw-own": ["patient"],
  "profile:edit-own": ["patient"],
  "care:read-own": ["patient"],
  "access-log:read-own": ["patient"],
  "case:read": ["doctor"],
  "evaluation:write": ["doctor"],
  "plan:write": ["doctor"],
  "account:manage": ["admin"],
  "assignment:manage": ["admin"],
  "audit:read": ["admin"],
  "settings:write": ["admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
