// Typed API errors, shaped like the apiserver's metav1.Status: a reason (NotFound, AlreadyExists,
// Invalid, BadRequest, Conflict), a message, and for Invalid the per-field causes. The core throws
// these; src/cli/errors.ts turns them into kubectl's text and exit code. CliError covers kubectl's own
// client-side errors (`error: …`), which never reach a server.

export interface FieldCause {
  /** The field path, e.g. `spec.ports[0].port` (empty for object-level causes). */
  field: string
  /** The cause text kubectl prints after the field, e.g. `Invalid value: 0: must be between 1 and 65535, inclusive`. */
  message: string
}

export type StatusReason = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'BadRequest' | 'Conflict' | 'Forbidden' | 'MethodNotAllowed' | 'InternalError'

/** An error as the API server would return it. */
export class StatusError extends Error {
  constructor(
    public readonly reason: StatusReason,
    message: string,
    public readonly details: {kind?: string; name?: string; causes?: FieldCause[]} = {},
  ) {
    super(message)
    this.name = 'StatusError'
  }
}

/** Returns the NotFound error for `<resource> "<name>"`, e.g. resource `pods` or `deployments.apps`. */
export function notFound(resource: string, name: string): StatusError {
  return new StatusError('NotFound', `${resource} "${name}" not found`, {name})
}

/** Returns the AlreadyExists error for `<resource> "<name>"`. */
export function alreadyExists(resource: string, name: string): StatusError {
  return new StatusError('AlreadyExists', `${resource} "${name}" already exists`, {name})
}

/** Returns an Invalid error for object `<kind> "<name>"` with its field causes. */
export function invalid(kind: string, name: string, causes: FieldCause[]): StatusError {
  const summary = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message))
  const message = `${kind} "${name}" is invalid: ${summary.length === 1 ? summary[0] : `[${summary.join(', ')}]`}`
  return new StatusError('Invalid', message, {kind, name, causes})
}

/** A client-side error that kubectl prints as `error: <message>` (exit 1). */
export class CliError extends Error {
  constructor(message: string, public readonly exitCode = 1) {
    super(message)
    this.name = 'CliError'
  }
}

/**
 * A CliError that ends the whole command at once: a per-object loop (create -f, delete, label) must not
 * report it next to the other objects and go on, e.g. a cluster state found corrupt half-way.
 */
export class FatalCliError extends CliError {}

/**
 * An error whose text is printed verbatim (kubectl sometimes prints several lines, or text without the
 * `error: ` prefix, e.g. the "You must specify the type of resource to get" block).
 */
export class RawError extends Error {
  constructor(public readonly text: string, public readonly exitCode = 1) {
    super(text)
    this.name = 'RawError'
  }
}
