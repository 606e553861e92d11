/**
 * Every expected failure has a code. Transports map codes to HTTP statuses or socket acks in
 * one place; the UI shows `errors.<CODE>` from the message catalogue, never server prose.
 */
export const errorCodes = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SESSION_ENDED',
  'JOIN_CLOSED',
  'SESSION_FULL',
  'NOT_JOINED',
  'INVALID_CREDENTIALS',
  'OIDC_FAILED',
  'OIDC_STATE_INVALID',
  'OIDC_ACCOUNT_CONFLICT',
  'EMAIL_TAKEN',
  'SETUP_DONE',
  'INVITATION_INVALID',
  'LAST_OWNER',
  'PERSONAL_DATA',
  /** Joining needs the project's current consent text accepted. */
  'CONSENT_REQUIRED',
  'LOCKED',
  'ROUND_ORDER',
  'CASE_OWNER_MISSING',
  'CASE_LOCKED',
  'ACCESS_ENDED',
  'PROJECT_ARCHIVED',
  'SESSION_DELETED',
  /** This device's place in a session was taken over by another device (a "continue on another device" link). */
  'DEVICE_MOVED',
  'YJS_TOO_LARGE',
  'YJS_DOC_FULL',
  'YJS_QUOTA',
  'YJS_READ_ONLY',
  'YJS_RATE_LIMITED',
  'YJS_PERSONAL_DATA',
  'YJS_AUTHOR_KEY',
  /** A backup file that cannot be read, was damaged or altered, or does not hold one whole project. */
  'BACKUP_INVALID',
  /** A backup file of a format version this Verksted does not know (made by a newer one). */
  'BACKUP_VERSION',
  /** A backup file larger than a restore accepts. */
  'BACKUP_TOO_LARGE',
  /** The privacy guard found personal data in a backup's texts (it is client input). */
  'BACKUP_PERSONAL_DATA',
  /** A long task (a Q analysis) was stopped by the one who started it. */
  'CANCELLED',
  'NETWORK',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppError {
  code: ErrorCode;
  /** For logs and developers; the UI translates `code` instead. */
  message: string;
  /** Field-level problems for forms: field name → error code. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): { ok: false; error: AppError } => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SESSION_ENDED: 410,
  JOIN_CLOSED: 403,
  SESSION_FULL: 403,
  NOT_JOINED: 403,
  INVALID_CREDENTIALS: 401,
  OIDC_FAILED: 502,
  OIDC_STATE_INVALID: 400,
  OIDC_ACCOUNT_CONFLICT: 409,
  EMAIL_TAKEN: 409,
  SETUP_DONE: 409,
  INVITATION_INVALID: 404,
  LAST_OWNER: 409,
  PERSONAL_DATA: 422,
  CONSENT_REQUIRED: 403,
  LOCKED: 423,
  ROUND_ORDER: 409,
  CASE_OWNER_MISSING: 409,
  CASE_LOCKED: 409,
  ACCESS_ENDED: 403,
  PROJECT_ARCHIVED: 409,
  SESSION_DELETED: 410,
  DEVICE_MOVED: 409,
  YJS_TOO_LARGE: 413,
  YJS_DOC_FULL: 413,
  YJS_QUOTA: 413,
  YJS_READ_ONLY: 403,
  YJS_RATE_LIMITED: 429,
  YJS_PERSONAL_DATA: 422,
  YJS_AUTHOR_KEY: 403,
  BACKUP_INVALID: 422,
  BACKUP_VERSION: 422,
  BACKUP_TOO_LARGE: 413,
  BACKUP_PERSONAL_DATA: 422,
  // Client Closed Request: the one who asked stopped it.
  CANCELLED: 499,
  NETWORK: 503,
  INTERNAL: 500,
};

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
