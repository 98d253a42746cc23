// `npm run db:migrate`: DATABASE_URL → PostgreSQL, else the embedded database under .data/ (app must be stopped).
import { closeDb, getDb } from "./index";
import { migrateDb } from "./migrate";

async function main() {
  const db = await getDb(); // PGlite migrates itself when opened
  if (process.env.DATABASE_URL) await migrateDb(db, "postgres");
  await closeDb();
  console.log(`Migrations applied (${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}).`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
