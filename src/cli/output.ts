// The result of running one command's core: what goes to stdout and stderr, and the exit code. Commands
// build it and the oclif layer writes it, so command logic is testable without a terminal. Errors that
// don't stop the command (a missing name among several, one bad document of many) are collected and
// printed after everything else, as kubectl prints its aggregated error at the end. Stdout may hold a
// printer's TextStream (`get -o json|yaml`), which makes its text only when stdout is written out, piece
// by piece, so a List of 10,000 objects is never one string or one buffer; `stdout` makes the whole
// text for whoever wants it as a string.

import {FatalCliError} from '../api/errors.js'
import type {PrintedText, TextStream} from '../printers/resolve.js'
import {formatErrors} from './errors.js'

export class CommandOutput {
  private readonly parts: (string | TextStream)[] = []
  private notes = ''
  private readonly errors: unknown[] = []

  /** Appends text, or a stream made when stdout is written (it prints the objects as they are then). */
  out(text: PrintedText): void {
    if (text !== '') this.parts.push(text)
  }

  /** Returns the whole stdout text (making any stream's text now, once). */
  get stdout(): string {
    if (this.parts.length > 1 || typeof this.parts[0] === 'object') {
      const pieces: string[] = []
      this.writeStdout((piece) => pieces.push(piece))
      this.parts.splice(0, this.parts.length, pieces.join(''))
    }
    return (this.parts[0] as string | undefined) ?? ''
  }

  /** Hands stdout to `sink` piece by piece, in order. */
  writeStdout(sink: (piece: string) => void): void {
    for (const part of this.parts) {
      if (typeof part === 'string') sink(part)
      else part.writeTo(sink)
    }
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
