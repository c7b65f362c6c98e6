/** Base of every error the project throws on purpose; `code` is stable and safe to show to clients. */
export class HandoffError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that breaks the rules (too long, wrong type, unknown field). */
export class ValidationError extends HandoffError {
  constructor(message: string, code = 'invalid_input') {
    super(code, message);
  }
}

/** Missing, forged or expired credentials. */
export class AuthError extends HandoffError {
  constructor(message = 'Not signed in or session expired', code = 'unauthorized') {
    super(code, message);
  }
}

/** The thing asked for does not exist. */
export class NotFoundError extends HandoffError {
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

/** The action lost a race or is not allowed in the current state (a claim someone else won). */
export class ConflictError extends HandoffError {
  constructor(message: string, code = 'conflict') {
    super(code, message);
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
