// The seeded random source of the model: every generated name suffix, uid, service VIP and timing jitter
// comes from here, so the same seed and the same commands give the same cluster on every machine. The
// generator is sfc32 (a small, fast 128-bit-state PRNG); its state is plain numbers so that it can be
// persisted with the cluster and resumed exactly. Math.random is never used in the model.

/** kubectl's utilrand alphabet: 27 characters, no vowels, no 0/1/3 (k8s.io/apimachinery/pkg/util/rand). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

export type RandomState = [number, number, number, number]

export interface Random {
  /** Returns a uniform integer in [0, n). */
  int(n: number): number
  /** Returns a name suffix of `length` characters drawn like utilrand.String. */
  suffix(length: number): string
  /** Returns a random RFC 4122 version-4 UUID string. */
  uuid(): string
  /** Returns the generator's state, for persistence. */
  state(): RandomState
}

/** Returns the initial generator state for an integer seed. */
export function seedState(seed: number): RandomState {
  const s: RandomState = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0]
  const rng = new Sfc32(s)
  for (let i = 0; i < 15; i++) rng.next32()
  return rng.state()
}

/** A seeded sfc32 generator. */
export class Sfc32 implements Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(state: RandomState) {
    ;[this.a, this.b, this.c, this.d] = state.map((x) => x >>> 0)
  }

  /** Returns the next 32-bit unsigned value. */
  next32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = (this.b ^ (this.b >>> 9)) >>> 0
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0
    this.c = (this.c + t) >>> 0
    return t
  }

  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`int(${n})`)
    if (n === 1) return 0
    // Rejection sampling over the smallest power of two >= n keeps the draw uniform.
    const bits = Math.ceil(Math.log2(n))
    const mask = bits >= 32 ? 0xffffffff : (2 ** bits) - 1
    for (;;) {
      const v = (this.next32() & mask) >>> 0
      if (v < n) return v
    }
  }

  suffix(length: number): string {
    // utilrand.String: 5 random bits per character, rejected when >= len(alphabet).
    let out = ''
    while (out.length < length) {
      const v = this.next32() & 0x1f
      if (v < NAME_ALPHABET.length) out += NAME_ALPHABET[v]
    }
    return out
  }

  uuid(): string {
    const bytes: number[] = []
    for (let i = 0; i < 4; i++) {
      const v = this.next32()
      bytes.push(v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff)
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40
    bytes[8] = (bytes[8] & 0x3f) | 0x80
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('')
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  }

  state(): RandomState {
    return [this.a, this.b, this.c, this.d]
  }
}
