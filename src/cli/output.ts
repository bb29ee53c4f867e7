// The result of running one command's core: what goes to stdout and stderr, and the exit code. Commands
// build it and the oclif layer writes it, so command logic is testable without a terminal. Errors that
// don't stop the command (a missing name among several, one bad document of many) are collected and
// printed after everything else, as kubectl prints its aggregated error at the end.

import {FatalCliError} from '../api/errors.js'
import {formatErrors} from './errors.js'

export class CommandOutput {
  stdout = ''
  private notes = ''
  private readonly errors: unknown[] = []

  /** Appends text to stdout. */
  out(text: string): void {
    this.stdout += text
  }

  /** Appends a warning or note to stderr (printed before the errors). */
  err(text: string): void {
    this.notes += text
  }

  /** Records an error; it is printed with the others at the end, and the exit code becomes 1. */
  fail(error: unknown): void {
    if (error instanceof FatalCliError) throw error
    this.errors.push(error)
  }

  /** Returns whether any error was recorded. */
  get failed(): boolean {
    return this.errors.length > 0
  }

  /** Returns the warnings and notes (kubectl prints them before its output). */
  get warnings(): string {
    return this.notes
  }

  /** Returns the errors the way kubectl prints them (after its output). */
  get errorText(): string {
    return this.errors.length ? formatErrors(this.errors) : ''
  }

  /** Returns the whole stderr text: notes, then the errors. */
  get stderr(): string {
    return this.warnings + this.errorText
  }

  get exitCode(): number {
    return this.errors.length ? 1 : 0
  }
}
