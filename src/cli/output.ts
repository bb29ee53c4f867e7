// The result of running one command's core: what goes to stdout and stderr, and the exit code. Commands
// build it and the oclif layer writes it, so command logic is testable without a terminal. Errors that
// don't stop the command (a missing name among several, one bad document of many) are collected and
// printed after everything else, as kubectl prints its aggregated error at the end. Stdout is kept in
// the pieces it was produced in (a big `-o json` List is thousands of them), so writing it out never
// needs one string, or one buffer, of the whole text; `stdout` joins them for whoever wants the text.

import {formatErrors} from './errors.js'

export class CommandOutput {
  private readonly parts: string[] = []
  private notes = ''
  private readonly errors: unknown[] = []

  /** Appends text (or text in pieces, written in order) to stdout. */
  out(text: string | readonly string[]): void {
    if (typeof text === 'string') {
      if (text !== '') this.parts.push(text)
    } else {
      for (const part of text) if (part !== '') this.parts.push(part)
    }
  }

  /** Returns the whole stdout text. */
  get stdout(): string {
    if (this.parts.length > 1) this.parts.splice(0, this.parts.length, this.parts.join(''))
    return this.parts[0] ?? ''
  }

  /** Returns stdout in the pieces it was produced in, to be written out in order. */
  get stdoutParts(): readonly string[] {
    return this.parts
  }

  /** Appends a warning or note to stderr (printed before the errors). */
  err(text: string): void {
    this.notes += text
  }

  /** Records an error; it is printed with the others at the end, and the exit code becomes 1. */
  fail(error: unknown): void {
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
