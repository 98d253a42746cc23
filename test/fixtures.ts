import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { patientProfiles, users } from "@/lib/db/schema";
import type { Actor, Role } from "@/lib/permissions";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export async function createUser(
  db: Db,
  opts: { role: Role; name?: string; email?: string; doctorId?: string | null; conditions?: string[] },
): Promise<Actor & { sessionVersion: number }> {
  const email = opts.email ?? `${opts.role}-${randomUUID().slice(0, 8)}@test.example`;
  const [u] = await db
    .insert(users)
    .values({
      email,
      name: opts.name ?? `${opts.role} ${email.slice(0, 6)}`,
      role: opts.role,
      locale: "en",
      passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
    })
    .returning();
  if (opts.role === "patient") {
    await db
      .insert(patientProfiles)
      .values({ userId: u.id, assignedDoctorId: opts.doctorId ?? null, conditions: opts.conditions ?? [] });
  }
  return {
    id: u.id,
    role: u.role,
    name: u.name,
    email: u.email,
    locale: "en",
    requestId: randomUUID(),
    sessionVersion: u.sessionVersion,
  };
}

export async function getUserRow(db: Db, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}
