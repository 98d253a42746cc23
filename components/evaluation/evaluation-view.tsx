import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isKnownMuscleGroup } from "@/lib/domain/evaluation";
import { MAS_SCALE, PSFS_FREQUENCY, PSFS_SEVERITY, scaleLabel, type Locale } from "@/lib/domain/scales";
import type { EvaluationDetail } from "@/lib/dto/evaluations";
import { ChainLinks, EvaluationMeta } from "./evaluation-meta";

/** A read-only evaluation: what a signed version says, for ever. */
export async function EvaluationView({
  evaluation,
  patientId,
}: {
  evaluation: EvaluationDetail;
  patientId: string;
}) {
  const t = await getTranslations("evaluation");
  const locale = (await getLocale()) as Locale;
  const e = evaluation;
  const psfs = (scale: typeof PSFS_FREQUENCY | typeof PSFS_SEVERITY, code: number | null) =>
    code === null ? t("psfs.notRecorded") : `${code} — ${scaleLabel(scale, code as never, locale) ?? ""}`;
  return (
    <div className="grid gap-6" data-testid="evaluation-view">
      <EvaluationMeta evaluation={e} />
      <ChainLinks
        patientId={patientId}
        amendsId={e.amendsId}
        amendsVersion={e.amendsVersion}
        amendedById={e.amendedById}
        amendedByVersion={e.amendedByVersion}
      />
      <Card>
        <CardHeader>
          <CardTitle>
            <h3>{t("psfs.legend")}</h3>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-2 sm:grid-cols-[10rem_1fr]">
            <dt className="font-medium">{t("psfs.frequency")}</dt>
            <dd data-testid="view-psfs-frequency">{psfs(PSFS_FREQUENCY, e.psfsFrequency)}</dd>
            {e.psfsFrequency ? (
              <>
                <dt className="font-medium">{t("psfs.severity")}</dt>
                <dd data-testid="view-psfs-severity">{psfs(PSFS_SEVERITY, e.psfsSeverity)}</dd>
              </>
            ) : null}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h3>{t("mas.legend")}</h3>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {e.mas.length === 0 ? (
            <p className="text-muted-foreground text-sm">{t("mas.empty")}</p>
          ) : (
            <Table data-testid="view-mas">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("mas.muscle")}</TableHead>
                  <TableHead>{t("mas.side")}</TableHead>
                  <TableHead>{t("mas.score")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {e.mas.map((m) => (
                  <TableRow key={`${m.muscleGroup}-${m.side}`}>
                    <TableCell className="whitespace-normal">
                      {isKnownMuscleGroup(m.muscleGroup) ? t(`muscle.${m.muscleGroup}`) : m.muscleGroup}
                    </TableCell>
                    <TableCell>{t(`side.${m.side}`)}</TableCell>
                    <TableCell className="whitespace-normal">
                      <span className="font-medium tabular-nums">{m.score}</span>
                      <span className="text-muted-foreground block text-xs">
                        {scaleLabel(MAS_SCALE, m.score, locale)}
                      </span>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h3>{t("examNotes")}</h3>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <p className="text-sm whitespace-pre-wrap">{e.examNotes || t("examNotesNone")}</p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h3>{t("workUp.legend")}</h3>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-2 text-sm">
          {e.workUpOrdered.length === 0 ? (
            <p className="text-muted-foreground">{t("workUp.none")}</p>
          ) : (
            <ul className="list-disc pl-5">
              {e.workUpOrdered.map((w) => (
                <li key={w}>{t(`workUp.test.${w}`)}</li>
              ))}
            </ul>
          )}
          {e.workUpNotes ? <p className="whitespace-pre-wrap">{e.workUpNotes}</p> : null}
        </CardContent>
      </Card>
    </div>
  );
}
