import { getTranslations } from "next-intl/server";
import type { CareInjection } from "@/lib/dal/care";

/** Muscle, side and units of one injection session, as a small table. */
export async function InjectionSites({ sites }: { sites: CareInjection["sites"] }) {
  if (!sites.length) return null;
  const [t, tSide] = await Promise.all([getTranslations("care.injections"), getTranslations("fields.side")]);
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t("sitesCaption")}</caption>
      <thead>
        <tr className="text-muted-foreground border-b text-left text-xs">
          <th scope="col" className="py-1.5 pr-2 font-medium">
            {t("muscle")}
          </th>
          <th scope="col" className="py-1.5 pr-2 font-medium">
            {t("side")}
          </th>
          <th scope="col" className="py-1.5 text-right font-medium">
            {t("units")}
          </th>
        </tr>
      </thead>
      <tbody>
        {sites.map((s) => (
          <tr key={`${s.muscle}-${s.side}`} className="border-b last:border-0">
            <td className="py-1.5 pr-2">{s.muscle}</td>
            <td className="py-1.5 pr-2">{tSide(s.side)}</td>
            <td className="py-1.5 text-right tabular-nums">{s.units}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
