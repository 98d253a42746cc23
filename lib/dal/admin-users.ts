import "server-only";
import { and, asc, count, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db";
import { patientProfiles, users } from "@/lib/db/schema";
import { DalError } from "@/lib/errors";
import type { Actor, Locale, Role } from "@/lib/permissions";
import { ACCOUNT_PAGE_SIZE, UNASSIGNED, type AccountFilters } from "@/lib/validations/admin";
import { recordAudit } from "./audit";
import { assertCan } from "./guard";

/** What an admin sees of an account: identity, access and assignment. Never a hash, never clinical content. */
export type AccountSummary = {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: "active" | "disabled";
  locale: Locale;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  /** Patients only. */
  doctorId: string | null;
  doctorName: string | null;
  /** Doctors only: active patients assigned to them. */
  panelSize: number | null;
};

export type AccountPage = { accounts: AccountSummary[]; page: number; pageCount: number; total: number };

const doctor = alias(users, "doctor");

/** LIKE wildcards typed by the admin are searched literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const columns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  status: users.status,
  locale: users.locale,
  mustChangePassword: users.mustChangePassword,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  doctorId: patientProfiles.assignedDoctorId,
  doctorName: doctor.name,
  panelSize: sql<number | null>`case when ${users.role} = 'doctor' then (
      select count(*)::int from ${patientProfiles} pp join ${users} pu on pu.id = pp.user_id
      where pp.assigned_doctor_id = "users"."id" and pu.status = 'active'
    ) end`,
};

function accountWhere(f: Omit<AccountFilters, "page">): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (f.q) conditions.push(or(ilike(users.name, likePattern(f.q)), ilike(users.email, likePattern(f.q))));
  if (f.role) conditions.push(eq(users.role, f.role));
  if (f.status) conditions.push(eq(users.status, f.status));
  if (f.doctor) {
    conditions.push(eq(users.role, "patient"));
    conditions.push(
      f.doctor === UNASSIGNED
        ? isNull(patientProfiles.assignedDoctorId)
        : eq(patientProfiles.assignedDoctorId, f.doctor),
    );
  }
  return and(...conditions);
}

/** Accounts filtered and paged in SQL. Reading the list is audited once per page (it names patients). */
export async function listAccounts(actor: Actor, filters: AccountFilters): Promise<AccountPage> {
  assertCan(actor, "account:manage");
  const db = await getDb();
  const where = accountWhere(filters);
  const [{ total }] = await db
    .select({ total: count() })
    .from(users)
    .leftJoin(patientProfiles, eq(patientProfiles.userId, users.id))
    .where(where);
  const pageCount = Math.max(1, Math.ceil(total / ACCOUNT_PAGE_SIZE));
  const page = Math.min(Math.max(filters.page, 1), pageCount);
  const accounts = await db
    .select(columns)
    .from(users)
    .leftJoin(patientProfiles, eq(patientProfiles.userId, users.id))
    .leftJoin(doctor, eq(doctor.id, patientProfiles.assignedDoctorId))
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(ACCOUNT_PAGE_SIZE)
    .offset((page - 1) * ACCOUNT_PAGE_SIZE);
  await recordAudit(db, { action: "account.list", actor, entityType: "user" });
  return { accounts, page, pageCount, total };
}

/** One account for its admin page; audited against the patient when it is one. */
export async function getAccount(actor: Actor, userId: string): Promise<AccountSummary> {
  assertCan(actor, "account:manage");
  const db = await getDb();
  const [account] = await db
    .select(columns)
    .from(users)
    .leftJoin(patientProfiles, eq(patientProfiles.userId, users.id))
    .leftJoin(doctor, eq(doctor.id, patientProfiles.assignedDoctorId))
    .where(eq(users.id, userId));
  if (!account) throw new DalError("not_found", "user");
  await recordAudit(db, {
    action: "account.read",
    actor,
    entityType: "user",
    entityId: userId,
    patientId: account.role === "patient" ? userId : null,
  });
  return account;
}
