// What a doctor records about causes: the suggested causes of causes.ts plus 'other' (a cause the software did
// not suggest, with a free label), and the statuses. The schema's enums derive from these lists.
import { CAUSES, CAUSE_STATUSES, type Cause, type CauseStatus } from "./causes";

export { CAUSE_STATUSES, type CauseStatus };
export const RECORDED_CAUSES = [...CAUSES, "other"] as const satisfies readonly (Cause | "other")[];
export type RecordedCause = (typeof RECORDED_CAUSES)[number];
