/** Typed error codes the DAL throws; actions turn them into messages, never into stack traces. */
export type DalErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid"
  | "registration_closed"
  | "email_taken";

export class DalError extends Error {
  constructor(
    readonly code: DalErrorCode,
    readonly entity?: string,
  ) {
    super(entity ? `${code}:${entity}` : code);
    this.name = "DalError";
  }
}

export function isDalError(err: unknown): err is DalError {
  return err instanceof DalError;
}
