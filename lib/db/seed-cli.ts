// `npm run db:seed`: loads the demo clinic into an empty database. Refuses in production.
import { closeDb, getDb } from "./index";
import { DEMO_PASSWORD, seedIfEmpty } from "./seed";

async function main() {
  if (process.env.NODE_ENV === "production" && process.env.SPASMCARE_ALLOW_DEMO_SEED !== "1") {
    throw new Error("Refusing to seed demo accounts in production.");
  }
  const db = await getDb();
  const seeded = await seedIfEmpty(db);
  await closeDb();
  console.log(
    seeded
      ? `Demo clinic seeded (password for every demo account: ${DEMO_PASSWORD}).`
      : "Database not empty: nothing seeded.",
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
