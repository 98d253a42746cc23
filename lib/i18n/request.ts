import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/dal/session";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "./locale";
import { loadCompiledMessages } from "./messages";

// The user's own setting first, then the switcher's cookie, then the browser's languages.
export default getRequestConfig(async () => {
  const user = await currentUser().catch(() => null);
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale =
    user?.locale ??
    (isLocale(cookie) ? cookie : null) ??
    localeFromAcceptLanguage((await headers()).get("accept-language")) ??
    DEFAULT_LOCALE;
  return { locale, messages: loadCompiledMessages(locale), timeZone: "Europe/Paris" };
});
