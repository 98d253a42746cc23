import "server-only";
import { cache } from "react";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { clinicSettings } from "@/lib/db/schema";
import type { Actor } from "@/lib/permissions";
import type { ClinicSettingsInput } from "@/lib/validations/admin";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";

export type ClinicSettingsView = { clinicName: string; selfRegistration: boolean; updatedAt: Date | null };

const DEFAULTS = { clinicName: "SpasmCare", selfRegistration: true };

async function readSettings(): Promise<ClinicSettingsView> {
  const db = await getDb();
  const [row] = await db
    .select({
      clinicName: clinicSettings.clinicName,
      selfRegistration: clinicSettings.selfRegistration,
      updatedAt: clinicSettings.updatedAt,
    })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, 1))
    .limit(1);
  return row ?? { ...DEFAULTS, updatedAt: null };
}

/** The clinic's name for every page's header: public, not audited (it names no one). Once per request. */
export const getClinicName = cache(async (): Promise<string> => (await readSettings()).clinicName);

export async function getClinicSettings(actor: Actor): Promise<ClinicSettingsView> {
  assertCan(actor, "settings:write");
  return readSettings();
}

export async function updateClinicSettings(actor: Actor, input: ClinicSettingsInput): Promise<void> {
  assertCan(actor, "settings:write");
  const values = {
    clinicName: input.clinicName.trim(),
    selfRegistration: input.selfRegistration,
    updatedAt: new Date(),
    updatedBy: actor.id,
  };
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(clinicSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: clinicSettings.id, set: values });
    await recordAudit(tx, { action: "settings.update", actor, entityType: "clinic_settings", entityId: "1" });
  });
}
