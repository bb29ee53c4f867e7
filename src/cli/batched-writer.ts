// Text for a Node stream gathered into writes of about a megabyte: the stream turns each write into a
// buffer, so one write of a whole 75 MB output would double what printing it costs, and 10,000 small
// writes would cost a buffer each. Used where kbe's output goes through Node's stream (a test capturing
// it in-process), not the descriptor (stdout-sink.ts).

/** Text is handed to the stream in writes of about this many UTF-16 units (a few megabytes as UTF-8). */
const WRITE_UNITS = 1 << 20

/**
 * Writes pieces of text in order, gathered into writes of about a megabyte, a long piece cut into such
 * writes (never between the halves of a surrogate pair): the stream turns each write into a buffer, and
 * one buffer of a whole 75 MB output would double what printing it costs.
 */
export class BatchedWriter {
  private batch: string[] = []
  private size = 0

  constructor(private readonly stream: {write(text: string): unknown}) {}

  write(piece: string): void {
    if (piece.length < WRITE_UNITS) {
      this.batch.push(piece)
      this.size += piece.length
      if (this.size >= WRITE_UNITS) this.end()
      return
    }
    this.end()
    for (let start = 0; start < piece.length;) {
      let end = Math.min(start + WRITE_UNITS, piece.length)
      if (end < piece.length && isHighSurrogate(piece.charCodeAt(end - 1))) end--
      this.stream.write(piece.slice(start, end))
      start = end
    }
  }

  /** Writes what is gathered. */
  end(): void {
    if (this.batch.length > 0) this.stream.write(this.batch.length === 1 ? this.batch[0] : this.batch.join(''))
    this.batch = []
    this.size = 0
  }
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff
