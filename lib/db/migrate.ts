import type { Db } from "./index";
import { migrationsFolder } from "./index";

/** Applies every migration under drizzle/ to the given database (either driver). */
export async function migrateDb(db: Db, driver: "pglite" | "postgres"): Promise<void> {
  if (driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(db as never, { migrationsFolder });
  }
}
