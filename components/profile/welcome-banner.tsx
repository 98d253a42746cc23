import { HeartHandshake } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { ReportEpisodeLink } from "@/components/report/report-episode-link";

/** Shown once after registration (?welcome=1): profile first, then the first report. */
export async function WelcomeBanner({ name }: { name: string }) {
  const t = await getTranslations("profile.welcome");
  return (
    <section
      aria-labelledby="welcome-title"
      data-testid="welcome-banner"
      className="border-primary/30 bg-primary/5 flex flex-col gap-4 rounded-xl border p-5 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="flex gap-3">
        <HeartHandshake aria-hidden className="text-primary mt-0.5 size-5 shrink-0" />
        <div>
          <h2 id="welcome-title" className="font-semibold">
            {t("title", { name })}
          </h2>
          <ol className="text-muted-foreground mt-1 grid gap-0.5 text-sm">
            <li>{t("step1")}</li>
            <li>{t("step2")}</li>
          </ol>
        </div>
      </div>
      <ReportEpisodeLink variant="outline" className="shrink-0">
        {t("cta")}
      </ReportEpisodeLink>
    </section>
  );
}
