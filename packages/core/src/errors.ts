/**
 * The one error type of Huiyin. Every failure a caller can cause or observe is a DomainError
 * with a code from this closed union; the HTTP layer maps codes to statuses in one table
 * (a new code without a status fails to compile there).
 */
export const errorCodes = [
  'validation_failed',
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'illegal_transition',
  'version_conflict',
  'conflict',
  /** A key project cannot be struck off while someone who raised its matters has no answer. */
  'originators_unanswered',
  /** Something that existed has expired: a one-time link past its date. */
  'gone',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  /** Too many failed sign-ins: the account is locked until `details.lockedUntil`. */
  'account_locked',
  /** The session may only change the password (first sign-in or after a reset). */
  'password_change_required',
  /** The right password, and the account has a second factor: send `totp`. */
  'totp_required',
  /** The role needs a second factor: the session may only enrol it. */
  'totp_enrolment_required',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorDetails {
  readonly [key: string]: unknown;
}

/** One field's problem, as the web shows it beside the field: its path, what is wrong, optionally a code naming the problem. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
  readonly code?: string;
  readonly [key: string]: unknown;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message?: string, details?: ErrorDetails) {
    super(message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  /**
   * An error about one field of the request: `details.fields` names it so the web can show the
   * message beside the field. `message` is the error's own message (defaults to the field's);
   * `extra` goes into the details beside `fields`.
   */
  static atField(code: ErrorCode, field: FieldProblem, message?: string, extra?: ErrorDetails): DomainError {
    return new DomainError(code, message ?? field.message, { ...extra, fields: [field] });
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
