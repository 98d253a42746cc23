import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { type ClientScope, pickNamespaces } from "@/lib/i18n/client-scopes";

/** The client components below get only the namespaces their part of the app uses (lib/i18n/client-scopes.ts). */
export async function IntlScope({ scope, children }: { scope: ClientScope; children: ReactNode }) {
  const messages = pickNamespaces((await getMessages()) as Record<string, unknown>, scope);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
