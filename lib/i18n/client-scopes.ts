/**
 * The message namespaces each part of the app sends to the browser (issue 8). Without a list, next-intl's provider
 * serializes the whole catalogue (~75 kB of JSON) into every page's RSC payload: 90 of /login's 105 kB of HTML,
 * parsed on every page load. Each group layout (and the doctor's case layout) wraps its tree in <IntlScope scope=…> with its own list, the root
 * layout in the root's. lib/i18n/client-scopes.test.ts reads the source and fails when a client component under a
 * scope uses a namespace its list lacks.
 */
export const CLIENT_SCOPES = {
  root: ["common"],
  auth: ["auth", "common", "errors", "mfa", "passwordChange"],
  patient: [
    "account",
    "common",
    "errors",
    "fields",
    "history",
    "nav",
    "notifications",
    "profile",
    "report",
    "reportDraft",
    "security",
    "trends",
    "triage",
  ],
  // The doctor's queue, search and frame; the case pages below get theirs from the case layout.
  doctor: ["account", "common", "doctor", "fields", "nav", "notifications", "security", "triage"],
  case: ["causes", "doctor", "errors", "evaluation", "fields", "plan", "triage"],
  admin: ["account", "admin", "common", "errors", "mfa", "nav", "notifications", "security"],
  account: ["account", "common", "errors", "mfa", "nav", "notifications", "security"],
} as const satisfies Record<string, readonly string[]>;

export type ClientScope = keyof typeof CLIENT_SCOPES;

/** The entry files and folders of each scope, for the test. */
export const SCOPE_ENTRIES: Record<ClientScope, string[]> = {
  root: [
    "app/layout.tsx",
    "app/error.tsx",
    "app/not-found.tsx",
    "app/forbidden.tsx",
    "app/page.tsx",
    "app/(bench)",
  ],
  auth: ["app/(auth)"],
  patient: ["app/(patient)/patient"],
  doctor: [
    "app/(doctor)/doctor/layout.tsx",
    "app/(doctor)/doctor/(queue)",
    "app/(doctor)/doctor/search",
    "app/(doctor)/doctor/actions.ts",
  ],
  case: ["app/(doctor)/doctor/patients"],
  admin: ["app/(admin)/admin"],
  account: ["app/(account)/account"],
};

export function pickNamespaces(
  messages: Record<string, unknown>,
  scope: ClientScope,
): Record<string, unknown> {
  return Object.fromEntries(CLIENT_SCOPES[scope].filter((n) => n in messages).map((n) => [n, messages[n]]));
}
