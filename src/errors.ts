/**
 * The HTTP status each stable code answers with when a thrower does not say: lets a plain
 * `new HandoffError('rate_limited', …)` reach the wire right without a subclass.
 */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  unauthorized: 401,
  bad_credentials: 401,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  too_large: 413,
  unsupported_type: 415,
  conflict: 409,
  already_claimed: 409,
  not_assigned: 409,
  invalid_transition: 409,
};

/** What a thrower may add beyond the code and the message. */
export interface HandoffErrorOptions {
  /** The HTTP status it answers with (default: from the code, else 400). */
  status?: number;
  cause?: unknown;
}

/**
 * Base of every error the project throws on purpose, in the way of Hono's `HTTPException`: it
 * carries everything the edges need (a stable `code` safe to show to clients, the HTTP `status`,
 * and the acknowledgement shape a socket event answers with), so each edge maps errors once.
 */
export class HandoffError extends Error {
  readonly status: number;

  constructor(
    readonly code: string,
    message: string,
    options: HandoffErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.status = options.status ?? STATUS_OF_CODE[code] ?? 400;
  }

  /** The JSON body an HTTP answer carries. */
  toBody(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }

  /** The acknowledgement a socket event answers with. */
  toAck(): { ok: false; error: { code: string; message: string } } {
    return { ok: false, ...this.toBody() };
  }
}

/** Input that breaks the rules (too long, wrong type, unknown field). */
export class ValidationError extends HandoffError {
  constructor(message: string, code = 'invalid_input', options: HandoffErrorOptions = {}) {
    super(code, message, options);
  }
}

/** Missing, forged or expired credentials. */
export class AuthError extends HandoffError {
  constructor(message = 'Not signed in or session expired', code = 'unauthorized') {
    super(code, message);
  }
}

/** The caller is known but may not do this (a cross-origin console, another agent's conversation). */
export class ForbiddenError extends HandoffError {
  constructor(message: string, code = 'forbidden') {
    super(code, message, { status: 403 });
  }
}

/** The thing asked for does not exist. */
export class NotFoundError extends HandoffError {
  constructor(what: string, message = `${what} not found`) {
    super('not_found', message);
  }
}

/** The action lost a race or is not allowed in the current state (a claim someone else won). */
export class ConflictError extends HandoffError {
  constructor(message: string, code = 'conflict') {
    super(code, message, { status: STATUS_OF_CODE[code] ?? 409 });
  }
}

/** Over an allowance (messages, uploads, sign-in attempts); the client should wait. */
export class RateLimitError extends HandoffError {
  constructor(message: string) {
    super('rate_limited', message, { status: 429 });
  }
}

/** A channel provider refused or failed a send; `providerCode` is what the provider said. */
export class ChannelError extends HandoffError {
  constructor(
    message: string,
    readonly providerCode?: string | number,
    readonly retryable = false,
    options?: { cause?: unknown },
  ) {
    super('channel_error', message, options);
  }
}
