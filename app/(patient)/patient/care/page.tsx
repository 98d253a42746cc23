import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { SafetyNotice } from "@/components/common/safety-notice";
import { CareEmpty } from "@/components/care/care-empty";
import { FollowUpsCard } from "@/components/care/follow-ups-card";
import { InjectionsCard } from "@/components/care/injections-card";
import { NoPlanNotice } from "@/components/care/no-plan-notice";
import { PlanCard } from "@/components/care/plan-card";
import { ReferralsCard } from "@/components/care/referrals-card";
import { getOwnCare } from "@/lib/dal/care";
import { requireRole } from "@/lib/dal/session";

export async function generateMetadata() {
  const t = await getTranslations("care");
  return { title: t("title") };
}

export default async function CarePage() {
  const user = await requireRole("patient");
  const [care, t] = await Promise.all([getOwnCare(user), getTranslations("care")]);
  const { plan, injections, referrals, followUps } = care;
  const hasInjections = !!injections.next || injections.later.length > 0 || injections.given.length > 0;
  const hasInjectionItem = plan?.items.some((i) => i.kind === "injection") ?? false;
  const hasReferralItem = plan?.items.some((i) => i.kind === "neurology_referral") ?? false;
  const isEmpty = !plan && !hasInjections && referrals.length === 0;
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      {isEmpty ? (
        <div className="grid gap-6">
          <CareEmpty />
          <SafetyNotice />
        </div>
      ) : (
        <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="grid min-w-0 gap-6">
            {plan ? <PlanCard plan={plan} /> : <NoPlanNotice />}
            {hasInjections || hasInjectionItem ? <InjectionsCard injections={injections} /> : null}
            {referrals.length || hasReferralItem ? <ReferralsCard referrals={referrals} /> : null}
          </div>
          <aside className="grid gap-6">
            {plan ? <FollowUpsCard followUps={followUps} /> : null}
            <SafetyNotice />
          </aside>
        </div>
      )}
    </>
  );
}
