import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { DoctorCard } from "@/components/profile/doctor-card";
import { ProfileForm } from "@/components/profile/profile-form";
import { TriageUseCard } from "@/components/profile/triage-use-card";
import { WelcomeBanner } from "@/components/profile/welcome-banner";
import { getOwnProfile } from "@/lib/dal/profile";
import { requireRole } from "@/lib/dal/session";
import { formatPhone } from "@/lib/validations/phone";
import { clinicToday } from "@/lib/validations/profile";

export async function generateMetadata() {
  const t = await getTranslations("profile");
  return { title: t("title") };
}

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const user = await requireRole("patient");
  const [profile, t, { welcome }] = await Promise.all([
    getOwnProfile(user),
    getTranslations("profile"),
    searchParams,
  ]);
  const isWelcome = welcome === "1";
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="grid gap-6">
        {isWelcome ? <WelcomeBanner name={user.name.split(" ")[0]} /> : null}
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <ProfileForm
            today={clinicToday()}
            welcome={isWelcome}
            initial={{
              dateOfBirth: profile.dateOfBirth ?? "",
              sex: profile.sex ?? "",
              conditions: profile.conditions,
              conditionsOther: profile.conditionsOther ?? "",
              medicines: profile.medicines,
              medicinesOther: profile.medicinesOther ?? "",
              phone: profile.phone ? formatPhone(profile.phone) : "",
              emergencyContactName: profile.emergencyContactName ?? "",
              emergencyContactRelation: profile.emergencyContactRelation ?? "",
              emergencyContactPhone: profile.emergencyContactPhone
                ? formatPhone(profile.emergencyContactPhone)
                : "",
            }}
          />
          <aside className="grid gap-4 lg:sticky lg:top-20">
            <DoctorCard doctorName={profile.assignedDoctorName} />
            <TriageUseCard updatedAt={profile.dateOfBirth ? profile.updatedAt : null} />
          </aside>
        </div>
      </div>
    </>
  );
}
