import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** Title, "back to the list" and the count of reports still waiting, around the editor or a version. */
export async function EvaluationFrame({
  patientId,
  title,
  note,
  children,
}: {
  patientId: string;
  title: string;
  note?: string;
  children: ReactNode;
}) {
  const t = await getTranslations("evaluation");
  return (
    <section aria-labelledby="evaluation-title" className="grid max-w-3xl gap-6">
      <div className="grid gap-1">
        <Link
          href={`/doctor/patients/${patientId}/evaluation`}
          className="text-primary text-sm underline underline-offset-4"
        >
          {t("back")}
        </Link>
        <h2 id="evaluation-title" className="text-xl font-semibold">
          {title}
        </h2>
        {note ? <p className="text-muted-foreground text-sm">{note}</p> : null}
      </div>
      {children}
    </section>
  );
}
