// The result of running one command's core: what goes to stdout and stderr, and the exit code. Commands
// build it and the oclif layer writes it, so command logic is testable without a terminal. Errors that
// don't stop the command (a missing name among several) accumulate here, as kubectl prints them after
// the output it could produce.

import {exitCodeOf, formatError} from './errors.js'

export class CommandOutput {
  stdout = ''
  stderr = ''
  exitCode = 0

  /** Appends text to stdout. */
  out(text: string): void {
    this.stdout += text
  }

  /** Appends text to stderr. */
  err(text: string): void {
    this.stderr += text
  }

  /** Records an error: its kubectl text to stderr, and a failing exit code. */
  fail(error: unknown): void {
    this.stderr += formatError(error)
    this.exitCode = exitCodeOf(error) || 1
  }
}
