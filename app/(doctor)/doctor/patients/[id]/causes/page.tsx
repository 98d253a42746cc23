import { getFormatter, getTranslations } from "next-intl/server";
import { CauseCard } from "@/components/causes/cause-card";
import { CauseDecisionForm } from "@/components/causes/cause-decision-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getCauseBoard } from "@/lib/dal/causes";
import { requireRole } from "@/lib/dal/session";
import { loadOr404 } from "../evaluation/load";

export async function generateMetadata() {
  const t = await getTranslations("causes");
  return { title: t("title") };
}

/** Suggested causes with the facts they rest on, the doctor's decisions and their history, and a way to add one. */
export default async function CausesPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("doctor");
  const { id } = await params;
  const [board, t, format] = await Promise.all([
    loadOr404(getCauseBoard(actor, id)),
    getTranslations("causes"),
    getFormatter(),
  ]);
  if (!board) return null;
  const day = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium" }) : "");
  const { basis } = board;
  return (
    <section aria-labelledby="causes-title" className="grid max-w-4xl gap-6">
      <div>
        <h2 id="causes-title" className="text-xl font-semibold">
          {t("title")}
        </h2>
        <p className="text-muted-foreground mt-1 text-sm">{t("subtitle")}</p>
        <p className="mt-2 text-sm" data-testid="causes-basis">
          {basis.kind === "none"
            ? t("basis.none")
            : t(`basis.${basis.kind}`, {
                count: basis.reportCount,
                from: day(basis.from),
                to: day(basis.to),
              })}
        </p>
      </div>
      <section aria-labelledby="causes-suggested" className="grid gap-4">
        <h3 id="causes-suggested" className="font-semibold">
          {t("suggestedTitle")}
        </h3>
        {board.suggestions.length === 0 ? (
          <p className="text-muted-foreground rounded-xl border border-dashed p-6 text-center text-sm">
            {t("noSuggestion")}
          </p>
        ) : (
          board.suggestions.map((s) => (
            <CauseCard key={s.cause} patientId={id} suggestion={s} recorded={s.recorded} />
          ))
        )}
      </section>
      {board.others.length > 0 ? (
        <section aria-labelledby="causes-others" className="grid gap-4">
          <div>
            <h3 id="causes-others" className="font-semibold">
              {t("othersTitle")}
            </h3>
            <p className="text-muted-foreground text-sm">{t("othersHelp")}</p>
          </div>
          {board.others.map((r) => (
            <CauseCard key={r.id} patientId={id} suggestion={null} recorded={r} />
          ))}
        </section>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>
            <h3 className="text-base">{t("add.title")}</h3>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <CauseDecisionForm
            idPrefix="cause-new"
            patientId={id}
            causeId={null}
            cause={null}
            current={null}
            choose
          />
        </CardContent>
      </Card>
    </section>
  );
}
