// `npm run create-admin -- --email you@clinic.fr [--name "Name"]`: first admin on a real database.
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { sql } from "drizzle-orm";
import { hashPassword } from "../lib/auth/password";
import { closeDb, getDb } from "../lib/db";
import { auditEvents, clinicSettings, users } from "../lib/db/schema";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) return randomBytes(12).toString("base64url");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Password (empty to generate one): ");
  rl.close();
  return answer.trim() || randomBytes(12).toString("base64url");
}

async function main() {
  const email = arg("email")?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new Error("Usage: npm run create-admin -- --email admin@clinic.fr");
  const name = arg("name") ?? "Administrator";
  const password = await askPassword();
  if (password.length < 10) throw new Error("The password must be at least 10 characters.");
  const db = await getDb();
  const [exists] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  if (exists) throw new Error(`An account with ${email} already exists.`);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.insert(clinicSettings).values({ id: 1 }).onConflictDoNothing();
    const [u] = await tx
      .insert(users)
      .values({ email, name, role: "admin", passwordHash })
      .returning({ id: users.id });
    await tx
      .insert(auditEvents)
      .values({ action: "account.create", actorRole: "admin", entityType: "user", entityId: u.id });
  });
  await closeDb();
  console.log(`Admin ${email} created. Password: ${password}`);
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await closeDb();
  process.exit(1);
});
