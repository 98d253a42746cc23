import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notificationHref, NOTIFICATION_KINDS } from "@/components/notifications/notification-href";
import { notifications } from "@/lib/db/schema";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { countUnread, listOwnNotifications, markNotificationsRead } from "./notifications";

describe("notificationHref", () => {
  it.each([
    ["plan_published", "patient", "/patient/care"],
    ["referral_updated", "patient", "/patient/care"],
    ["injection_scheduled", "patient", "/patient/care"],
    ["break_glass", "patient", "/patient/access"],
    ["urgent_report", "patient", "/patient"],
    ["urgent_report", "doctor", "/doctor"],
    ["plan_published", "doctor", "/doctor"],
    ["break_glass", "admin", "/admin"],
  ] as const)("%s for a %s leads to %s", (kind, role, href) => {
    expect(notificationHref(kind, role)).toBe(href);
  });

  it("always gives an in-app path inside the role's own area", () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const role of ["patient", "doctor", "admin"] as const) {
        expect(notificationHref(kind, role)).toMatch(new RegExp(`^/${role}(/|$)`));
      }
    }
  });
});

describeDb("notifications DAL", ({ db }) => {
  async function notify(
    userId: string,
    kind: (typeof NOTIFICATION_KINDS)[number],
    minutesAgo: number,
    read = false,
  ) {
    const createdAt = new Date(Date.now() - minutesAgo * 60_000);
    const [row] = await db()
      .insert(notifications)
      .values({ userId, kind, createdAt, readAt: read ? createdAt : null })
      .returning();
    return row;
  }

  it("lists only the owner's notifications, newest first", async () => {
    const a = await createUser(db(), { role: "patient" });
    const b = await createUser(db(), { role: "patient" });
    await notify(a.id, "plan_published", 60);
    await notify(a.id, "referral_updated", 5);
    await notify(b.id, "injection_scheduled", 1);
    const list = await listOwnNotifications(a);
    expect(list.map((n) => n.kind)).toEqual(["referral_updated", "plan_published"]);
    expect(Object.keys(list[0]).sort()).toEqual(["createdAt", "id", "kind", "readAt"]);
    expect((await listOwnNotifications(b)).map((n) => n.kind)).toEqual(["injection_scheduled"]);
  });

  it("respects the limit and clamps silly values", async () => {
    const u = await createUser(db(), { role: "doctor" });
    for (let i = 0; i < 4; i++) await notify(u.id, "urgent_report", i);
    expect(await listOwnNotifications(u, { limit: 2 })).toHaveLength(2);
    expect(await listOwnNotifications(u, { limit: 0 })).toHaveLength(1);
    expect(await listOwnNotifications(u, { limit: 10_000 })).toHaveLength(4);
  });

  it("counts only the owner's unread notifications", async () => {
    const a = await createUser(db(), { role: "patient" });
    const b = await createUser(db(), { role: "patient" });
    await notify(a.id, "plan_published", 3);
    await notify(a.id, "referral_updated", 2);
    await notify(a.id, "injection_scheduled", 1, true);
    await notify(b.id, "plan_published", 1);
    expect(await countUnread(a)).toBe(2);
    expect(await countUnread(b)).toBe(1);
  });

  it("marks chosen ids or all as read, and never touches another user's rows", async () => {
    const a = await createUser(db(), { role: "patient" });
    const b = await createUser(db(), { role: "patient" });
    const a1 = await notify(a.id, "plan_published", 3);
    await notify(a.id, "referral_updated", 2);
    const b1 = await notify(b.id, "plan_published", 1);

    expect(await markNotificationsRead(a, [b1.id])).toBe(0);
    expect(await markNotificationsRead(a, [a1.id, b1.id])).toBe(1);
    expect(await countUnread(a)).toBe(1);
    expect(await markNotificationsRead(a, "all")).toBe(1);
    expect(await countUnread(a)).toBe(0);
    expect(await markNotificationsRead(a, "all")).toBe(0);

    const [bRow] = await db().select().from(notifications).where(eq(notifications.id, b1.id));
    expect(bRow.readAt).toBeNull();
    expect(await countUnread(b)).toBe(1);
  });

  it("refuses ids that are not UUIDs, and does nothing for an empty list", async () => {
    const a = await createUser(db(), { role: "patient" });
    await notify(a.id, "plan_published", 1);
    await expect(markNotificationsRead(a, ["1 OR 1=1"])).rejects.toThrow("invalid");
    expect(await markNotificationsRead(a, [])).toBe(0);
    expect(await countUnread(a)).toBe(1);
  });

  it("refuses an anonymous caller", async () => {
    const nobody = null as unknown as Parameters<typeof countUnread>[0];
    await expect(countUnread(nobody)).rejects.toThrow("unauthenticated");
    await expect(listOwnNotifications(nobody)).rejects.toThrow("unauthenticated");
    await expect(markNotificationsRead(nobody, "all")).rejects.toThrow("unauthenticated");
  });
});
