// Turning errors into what kubectl prints (cmdutil.CheckErr): API status errors as
// `Error from server (<Reason>): <message>`, Invalid ones as `The <Kind> "<name>" is invalid: …` (one
// cause inline, several as a bullet list), client-side errors as `error: <message>`, and pre-formatted
// text verbatim. Every one of them exits 1. Anything else is a bug in kbe, and says so.

import {CliError, FatalCliError, RawError, StatusError} from '../api/errors.js'

/** Returns `err` with kubectl's `error when <verb> "<source>": ` context added (cmdutil.AddSourceToErr). */
export function addSourceToError(verb: string, source: string, err: unknown): unknown {
  if (!source || err instanceof FatalCliError) return err
  if (err instanceof StatusError) return new StatusError(err.reason, `error when ${verb} "${source}": ${err.message}`, err.details)
  if (err instanceof CliError) return new CliError(`error when ${verb} "${source}": ${err.message}`, err.exitCode)
  return err
}

/** Returns the stderr text (ending in a newline) kubectl prints for an error. */
export function formatError(err: unknown): string {
  if (err instanceof RawError) return err.text.endsWith('\n') ? err.text : `${err.text}\n`
  if (err instanceof StatusError) {
    if (err.reason === 'Invalid' && err.details.causes?.length) {
      const prefix = `The ${err.details.kind} "${err.details.name}" is invalid: `
      const lines = [...new Set(err.details.causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)))]
      if (lines.length === 1) return `${prefix}${lines[0]}\n`
      return `${prefix}\n${lines.map((l) => `* ${l}\n`).join('')}`
    }
    return `Error from server (${err.reason}): ${err.message}\n`
  }
  if (err instanceof CliError) {
    // kubectl's checkErr adds the newline only when the message lacks one (jsonpath errors carry their own).
    const text = err.message.startsWith('error: ') ? err.message : `error: ${err.message}`
    return text.endsWith('\n') ? text : `${text}\n`
  }
  const message = err instanceof Error ? err.message : String(err)
  return `error: ${message}\n`
}

/**
 * Returns the stderr text for the errors of one command: a lone error as formatError prints it, several
 * one per line as cmdutil.MultipleErrors does (API errors as `Error from server (<Reason>): <message>`,
 * others bare, without `error: `).
 */
export function formatErrors(errors: unknown[]): string {
  if (errors.length === 1) return formatError(errors[0])
  return errors.map((err) => {
    if (err instanceof RawError) return err.text.endsWith('\n') ? err.text : `${err.text}\n`
    if (err instanceof StatusError) return `Error from server (${err.reason}): ${err.message}\n`
    return `${err instanceof Error ? err.message : String(err)}\n`
  }).join('')
}

/** Returns the exit code for an error (kubectl's DefaultErrorExitCode is 1). */
export function exitCodeOf(err: unknown): number {
  if (err instanceof CliError || err instanceof RawError) return err.exitCode
  return 1
}

/** Returns whether an error is one kbe raised on purpose (as opposed to a bug). */
export function isExpectedError(err: unknown): boolean {
  return err instanceof CliError || err instanceof RawError || err instanceof StatusError
}
