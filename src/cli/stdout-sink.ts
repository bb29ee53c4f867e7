// Where a command's output goes: file descriptor 1, written synchronously. Node's process.stdout queues
// whatever a pipe can't take at once, so printing 75 MB of `-o json` into `| less` or a test's pipe would
// hold all of it in memory; writing to the descriptor ourselves waits for the reader instead (the
// descriptor may have been made non-blocking by Node, so a full pipe is waited for in short sleeps). A
// reader that goes away (`| head`) ends the output quietly, as it ends kubectl's. While Node's stream still
// holds text (nothing, as a rule) or its write is replaced (a test capturing output), the stream is used.

import fs from 'node:fs'

/** How long to wait for a full pipe to drain before trying again. */
const RETRY_MS = 1
const sleeper = new Int32Array(new SharedArrayBuffer(4))

/** A sink for text pieces that writes each to `fd` before returning; after EPIPE it drops the rest. */
export class DescriptorSink {
  private closed = false

  constructor(private readonly fd: number) {}

  write(text: string): void {
    if (this.closed || text === '') return
    const bytes = Buffer.from(text)
    for (let at = 0; at < bytes.length;) {
      try {
        at += fs.writeSync(this.fd, bytes, at, bytes.length - at)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EAGAIN') {
          Atomics.wait(sleeper, 0, 0, RETRY_MS)
          continue
        }
        if (code === 'EPIPE') {
          this.closed = true
          return
        }
        throw error
      }
    }
  }
}

/**
 * Returns the sink for standard output: the descriptor, unless Node's stream still holds text to write or
 * someone replaced its write method (a test capturing the output in-process).
 */
export function stdoutSink(): {write(text: string): unknown} {
  const stream = process.stdout
  if (stream.writableLength > 0 || Object.hasOwn(stream, 'write') || stream.fd !== 1) return stream
  return new DescriptorSink(1)
}
