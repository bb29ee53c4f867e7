// The bytes a state file is read from and the pieces a new one is written from: random access to the old
// file (an open descriptor, or a buffer in tests), slices of it that are read only when they are written
// (so a 45 MB section is copied without a 45 MB buffer), and the chunk type the encoder returns — text,
// bytes, or such a slice. Nothing here knows the layout of the file (src/io/state-sections.ts does).

/** Random access to the bytes of a state file (an open file descriptor, or a buffer in tests). */
export interface StateBytes {
  size: number
  read(offset: number, length: number): Buffer
  /** Whether the bytes can still be read (false once the command's files are closed); absent: always. */
  open?(): boolean
}

/** Bytes of the old file, read only when they are written (in parts: a 45 MB section needs no 45 MB buffer). */
export interface LazyBytes {
  length: number
  /** Returns `length` bytes from `at` (counted from this chunk's start). */
  read(at: number, length: number): Buffer
}

/** A piece of the encoded file: text, bytes, or bytes read from the old file when written. */
export type StateChunk = string | Buffer | LazyBytes

/** Returns the bytes of `source` from `offset` on as a LazyBytes chunk of `length` bytes. */
export function slice(source: StateBytes, offset: number, length: number): LazyBytes {
  return {length, read: (at, n) => source.read(offset + at, n)}
}

/** Returns the number of bytes the chunks make up. */
export function chunksLength(chunks: StateChunk[]): number {
  return chunks.reduce((sum, c) => sum + (typeof c === 'string' ? Buffer.byteLength(c) : c.length), 0)
}

/** Returns the bytes of the chunks in one buffer (reading the old file's slices): for checks and tests. */
export function joinChunks(chunks: StateChunk[]): Buffer {
  return Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : Buffer.isBuffer(c) ? c : c.read(0, c.length))))
}
