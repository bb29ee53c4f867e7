// What curl writes while a transfer runs, in time order: stdout (body, and headers with -i/-I) and
// stderr, where three sources interleave — the `-v` lines (`*`, `>`, `<`, `{ [N bytes data]`), the
// progress meter (only when not silent and stdout is not a terminal) and the final
// `curl: (N) message` (unless silenced by -s without -S). The Transcript collects them as the
// simulated transfer advances, so each output reads as curl 7.88.1 prints it.
import type {CurlOptions} from './args.js'
import {METER_HEADER, meterLine, tickSeconds, type MeterSample} from './meter.js'

export interface CurlOutput {
  stdout: string
  stderr: string
  exitCode: number
  /** Simulated time the whole command took, in milliseconds. */
  elapsedMs: number
}

export class Transcript {
  private stdout = ''
  private stderr = ''
  private readonly samples: MeterSample[] = []
  private readonly meterOn: boolean

  constructor(
    private readonly options: CurlOptions,
    /** Whether curl's stdout is a terminal (no meter, no `{ [N bytes data]` lines). */
    readonly stdoutIsTTY: boolean,
  ) {
    this.meterOn = !options.silent && !stdoutIsTTY
  }

  /** Writes a `-v` line (or lines) to stderr when verbose. */
  verbose(text: string): void {
    if (this.options.verbose) this.stderr += text
  }

  /** Writes to stdout. */
  output(text: string): void {
    this.stdout += text
  }

  /** Shows the meter header and its first line (curl's first progress update, before resolving). */
  start(): void {
    if (!this.meterOn) return
    this.stderr += METER_HEADER
    this.sample({atMs: 0, downloaded: 0})
  }

  /** Shows the waiting lines curl prints once a second until `endMs`. */
  waitUntil(endMs: number): void {
    for (const second of tickSeconds(endMs)) {
      if (second * 1000 <= this.lastSampleMs()) continue
      this.sample({atMs: second * 1000, downloaded: 0})
    }
  }

  /** Shows the update when the response arrives, if it falls in a new second. */
  arrive(sample: MeterSample): void {
    if (Math.floor(sample.atMs / 1000) > Math.floor(this.lastSampleMs() / 1000)) this.sample(sample)
  }

  /** Shows the forced final meter line and its newline (Curl_pgrsDone). */
  done(sample: MeterSample): void {
    if (!this.meterOn) return
    this.sample(sample)
    this.stderr += '\n'
  }

  /** Returns the result of a failed transfer: `curl: (code) message` unless silenced. */
  fail(exitCode: number, message: string, elapsedMs: number): CurlOutput {
    if (!this.options.silent || this.options.showError) this.stderr += `curl: (${exitCode}) ${message}\n`
    return {stdout: this.stdout, stderr: this.stderr, exitCode, elapsedMs}
  }

  /** Returns the result of a completed transfer. */
  succeed(elapsedMs: number): CurlOutput {
    return {stdout: this.stdout, stderr: this.stderr, exitCode: 0, elapsedMs}
  }

  private lastSampleMs(): number {
    return this.samples.at(-1)?.atMs ?? 0
  }

  private sample(sample: MeterSample): void {
    if (!this.meterOn) return
    this.samples.push(sample)
    this.stderr += meterLine(this.samples, this.samples.length - 1)
  }
}
