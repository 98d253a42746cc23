// Actions a form may send again safely: a retried or double-sent request carrying the same key gets the first
// answer back instead of acting twice. Pure: no I/O, no framework imports.

/** The doctor's final acts: signing an evaluation and publishing a plan version (the patient is notified). */
export const IDEMPOTENT_ACTIONS = ["evaluation.sign", "plan.publish"] as const;
export type IdempotentAction = (typeof IDEMPOTENT_ACTIONS)[number];
