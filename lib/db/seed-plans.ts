import type { Db } from "./index";
import { injections, injectionSites, notifications, planItems, referrals, treatmentPlans } from "./schema";

export type SeedDemoPlanParams = { patientId: string; doctorId: string; causeId?: string | null; now?: Date };

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A lived-in plan for the demo clinic: version 1 superseded, version 2 published with self-care, an injection given
 * 14 weeks ago (the earlier session) and the next one planned, a neurology referral already sent and a follow-up.
 * Rows are shaped exactly as lib/dal/plans.ts writes them (records tied to their plan item, the patient notified).
 */
export async function seedDemoPlan(
  db: Db,
  { patientId, doctorId, causeId = null, now = new Date() }: SeedDemoPlanParams,
) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const [v1] = await db
    .insert(treatmentPlans)
    .values({
      patientId,
      authorId: doctorId,
      version: 1,
      status: "superseded",
      summary: "Étirez vos mollets chaque soir et buvez davantage d’eau.",
      internalNotes: "Premier plan avant l’injection.",
      publishedAt: ago(120),
      createdAt: ago(121),
    })
    .returning({ id: treatmentPlans.id });
  const [firstInjectionItem] = await db
    .insert(planItems)
    .values({
      planId: v1.id,
      kind: "injection",
      position: 0,
      instructions: "Ne massez pas la zone pendant 24 h.",
    })
    .returning({ id: planItems.id });
  const [given] = await db
    .insert(injections)
    .values({
      patientId,
      planItemId: firstInjectionItem.id,
      doctorId,
      product: "onabotulinumtoxinA",
      totalUnits: 100,
      dilution: "100 U / 2 mL",
      guidance: "ultrasound",
      lot: "C4821A",
      scheduledOn: isoDay(ago(98)),
      status: "given",
      givenAt: ago(98),
      nextReviewOn: isoDay(new Date(now.getTime() + 14 * DAY)),
    })
    .returning({ id: injections.id });
  await db.insert(injectionSites).values([
    { injectionId: given.id, muscle: "Gastrocnemius", side: "left", units: 60 },
    { injectionId: given.id, muscle: "Soleus", side: "left", units: 40 },
  ]);

  const [v2] = await db
    .insert(treatmentPlans)
    .values({
      patientId,
      authorId: doctorId,
      version: 2,
      status: "published",
      summary:
        "Continuez les étirements du mollet chaque soir et buvez 1,5 L d’eau par jour. Une nouvelle injection est prévue, et un neurologue va vous recevoir pour faire le point.",
      internalNotes: "Bonne réponse à la première séance ; avis neurologique pour les fasciculations.",
      supersedesId: v1.id,
      publishedAt: ago(7),
      createdAt: ago(8),
    })
    .returning({ id: treatmentPlans.id });
  const items = await db
    .insert(planItems)
    .values([
      {
        planId: v2.id,
        kind: "stretching_massage",
        position: 0,
        instructions: "Étirement des mollets 3 × 30 s le soir.",
      },
      {
        planId: v2.id,
        kind: "hydration_electrolytes",
        position: 1,
        instructions: "Buvez 1,5 L d’eau par jour.",
      },
      { planId: v2.id, kind: "injection", position: 2, instructions: "Ne massez pas la zone pendant 24 h." },
      { planId: v2.id, kind: "neurology_referral", position: 3, instructions: "", suspectedCauseId: causeId },
      {
        planId: v2.id,
        kind: "follow_up",
        position: 4,
        instructions: "Bilan après l’injection.",
        followUpOn: isoDay(new Date(now.getTime() + 42 * DAY)),
      },
    ])
    .returning({ id: planItems.id, kind: planItems.kind });
  const itemOf = (kind: string) => items.find((i) => i.kind === kind)!.id;
  const [planned] = await db
    .insert(injections)
    .values({
      patientId,
      planItemId: itemOf("injection"),
      doctorId,
      product: "onabotulinumtoxinA",
      totalUnits: 100,
      dilution: "100 U / 2 mL",
      guidance: "ultrasound",
      scheduledOn: isoDay(new Date(now.getTime() + 14 * DAY)),
      status: "planned",
      nextReviewOn: isoDay(new Date(now.getTime() + 98 * DAY)),
    })
    .returning({ id: injections.id });
  await db.insert(injectionSites).values([
    { injectionId: planned.id, muscle: "Gastrocnemius", side: "left", units: 60 },
    { injectionId: planned.id, muscle: "Soleus", side: "left", units: 40 },
  ]);
  await db.insert(referrals).values({
    patientId,
    planItemId: itemOf("neurology_referral"),
    doctorId,
    urgency: "soon",
    reason: "Contractions répétées que l’étirement ne soulage pas.",
    suspectedCauseId: causeId,
    status: "sent",
    requestedAt: ago(7),
    sentAt: ago(5),
  });
  await db
    .insert(notifications)
    .values({ userId: patientId, kind: "plan_published", patientId, entityId: v2.id, createdAt: ago(7) });
  return { planId: v2.id, supersededId: v1.id };
}
