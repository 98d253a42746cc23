import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { BreakGlassForm } from "@/components/case/lazy-break-glass-form";
import { CaseHeaderCard } from "@/components/case/case-header";
import { CaseTabs } from "@/components/case/case-tabs";
import { IntlScope } from "@/components/providers/intl-scope";
import { getCaseHeader } from "@/lib/dal/case";
import { getPatientCard } from "@/lib/dal/patient-search";
import { requireRole } from "@/lib/dal/session";
import { isDalError } from "@/lib/errors";

/**
 * The case frame: header and section tabs. Access is resolved by the DAL (the page below checks again): a
 * missing patient is a 404, another doctor's patient gets the break-glass offer instead of the case.
 */
export default async function CaseLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const actor = await requireRole("doctor");
  const { id } = await params;
  let header;
  try {
    header = await getCaseHeader(actor, id);
  } catch (err) {
    if (isDalError(err) && err.code === "not_found") notFound();
    if (isDalError(err) && err.code === "forbidden") {
      const card = await getPatientCard(actor, id);
      return (
        <IntlScope scope="case">
          <BreakGlassForm
            patientId={id}
            patientName={card?.name ?? null}
            doctorName={card?.assignedDoctorName ?? null}
          />
        </IntlScope>
      );
    }
    throw err;
  }
  return (
    <IntlScope scope="case">
      <CaseHeaderCard header={header} />
      <CaseTabs patientId={id} />
      {children}
    </IntlScope>
  );
}
