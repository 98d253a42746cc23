import { notFound } from "next/navigation";
import { benchBareInsertAction } from "./actions";
import { benchActionsEnabled } from "./gate";

// `npm run bench` only (see ./actions.ts): 404 unless the server was started with SPASMCARE_BENCH_ACTIONS=1.
export default function BenchBareActionPage() {
  if (!benchActionsEnabled()) notFound();
  return (
    <form action={benchBareInsertAction}>
      <button type="submit">Insert one row</button>
    </form>
  );
}
