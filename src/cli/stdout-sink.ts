// Where a command's output goes: file descriptor 1, written synchronously. Node's process.stdout queues
// whatever a pipe can't take at once, so printing 75 MB of `-o json` into `| less` or a test's pipe would
// hold all of it in memory; writing to the descriptor ourselves waits for the reader instead. Node makes
// a pipe's descriptor non-blocking: it is made blocking again where Node allows it (the kernel then waits
// for the reader), or else a full pipe is retried after short sleeps. A reader that goes away (`| head`)
// ends the output quietly, as it ends kubectl's. While Node's stream still holds text (nothing, as a
// rule) or its write is replaced (a test capturing output), the stream is used.

import fs from 'node:fs'
import {BatchedWriter} from './batched-writer.js'

/** How long to wait for a full pipe to drain before trying again. */
const RETRY_MS = 1
const sleeper = new Int32Array(new SharedArrayBuffer(4))

/** How many bytes of output are gathered before they are written. */
const BUFFER_BYTES = 1 << 20

/**
 * Writes text pieces to `fd`, gathered as UTF-8 in a buffer of a megabyte (each piece is encoded once,
 * straight into it); `end` writes what is left. After EPIPE it drops the rest.
 */
export class DescriptorSink {
  private closed = false
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES)
  private used = 0

  constructor(private readonly fd: number) {}

  write(text: string): void {
    if (this.closed || text === '') return
    // A UTF-16 unit takes at most 3 bytes of UTF-8.
    if (this.used + text.length * 3 > BUFFER_BYTES) this.end()
    if (text.length * 3 > BUFFER_BYTES) {
      this.writeAll(Buffer.from(text))
      return
    }
    this.used += this.buffer.write(text, this.used)
  }

  /** Writes what is gathered. */
  end(): void {
    if (this.used === 0) return
    const used = this.used
    this.used = 0
    this.writeAll(this.buffer.subarray(0, used))
  }

  private writeAll(bytes: Buffer): void {
    for (let at = 0; at < bytes.length && !this.closed;) {
      try {
        at += fs.writeSync(this.fd, bytes, at, bytes.length - at)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EAGAIN') {
          Atomics.wait(sleeper, 0, 0, RETRY_MS)
          continue
        }
        if (code !== 'EPIPE') throw error
        this.closed = true
      }
    }
  }
}

/**
 * Returns the sink for standard output: the descriptor, unless Node's stream still holds text to write or
 * someone replaced its write method (a test capturing the output in-process).
 */
export function stdoutSink(): {write(text: string): unknown; end(): void} {
  const stream = process.stdout
  if (stream.writableLength > 0 || Object.hasOwn(stream, 'write') || stream.fd !== 1) return new BatchedWriter(stream)
  // A blocking descriptor lets the kernel wait for the reader (no polling); where Node can't switch it, a
  // full pipe is retried after short sleeps.
  ;(stream as unknown as {_handle?: {setBlocking?: (blocking: boolean) => number}})._handle?.setBlocking?.(true)
  return new DescriptorSink(1)
}
