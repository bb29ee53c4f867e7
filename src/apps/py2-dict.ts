// CPython 2.7's dict iteration order for string keys, reproduced exactly: the (unrandomised) string
// hash of Objects/stringobject.c, open addressing with the `i = 5*i + perturb + 1; perturb >>= 5`
// probe of Objects/dictobject.c, the resize rule of PyDict_SetItem (grow to the smallest power of
// two above 4×used once the table is two-thirds full, re-inserting in old slot order) and deletion
// dummies. simpleservice runs on Python 2.7, so the key order of its JSON bodies, tornado's response
// header order and the repr of os.environ all follow this. Also here: Python 2's repr of a byte
// string and of a dict of strings. Pure arithmetic over BigInt (Python's long and size_t are 64-bit).

const MASK64 = (1n << 64n) - 1n
const PERTURB_SHIFT = 5n
const MIN_SIZE = 8

/** Returns CPython 2.7's hash() of a byte string (no hash randomisation), as a signed 64-bit value. */
export function py2StringHash(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n
  let x = BigInt(bytes[0]) << 7n
  for (const byte of bytes) x = ((1000003n * x) & MASK64) ^ BigInt(byte)
  x ^= BigInt(bytes.length)
  x = BigInt.asIntN(64, x)
  return x === -1n ? -2n : x
}

interface Entry {
  key: string
  hash: bigint
  value: string
}

const DUMMY = 'dummy' as const
type Slot = Entry | typeof DUMMY | undefined

/** A CPython 2.7 dict restricted to str keys: set, delete, and iteration in slot order. */
export class Py2Dict {
  private table: Slot[] = new Array<Slot>(MIN_SIZE)
  private fill = 0
  private used = 0

  /** Returns the table index where `key` lives or would be inserted (lookdict_string). */
  private lookup(key: string, hash: bigint): number {
    const mask = BigInt(this.table.length - 1)
    let i = BigInt.asUintN(64, hash) & mask
    let freeslot: number | undefined
    const first = this.table[Number(i)]
    if (first === undefined || (first !== DUMMY && first.key === key)) return Number(i)
    if (first === DUMMY) freeslot = Number(i)
    for (let perturb = BigInt.asUintN(64, hash); ; perturb >>= PERTURB_SHIFT) {
      i = ((i << 2n) + i + perturb + 1n) & MASK64
      const index = Number(i & mask)
      const slot = this.table[index]
      if (slot === undefined) return freeslot ?? index
      if (slot !== DUMMY && slot.key === key) return index
      if (slot === DUMMY && freeslot === undefined) freeslot = index
    }
  }

  /** Sets `key` (PyDict_SetItem), resizing like CPython 2.7. */
  set(key: string, value: string): void {
    const hash = py2StringHash(Buffer.from(key, 'utf8'))
    const index = this.lookup(key, hash)
    const slot = this.table[index]
    if (slot !== undefined && slot !== DUMMY) {
      slot.value = value
      return
    }
    if (slot === undefined) this.fill++
    this.table[index] = {key, hash, value}
    this.used++
    if (this.fill * 3 >= this.table.length * 2) this.resize((this.used > 50000 ? 2 : 4) * this.used)
  }

  /** Deletes `key` if present, leaving a dummy as CPython does. */
  delete(key: string): void {
    const hash = py2StringHash(Buffer.from(key, 'utf8'))
    const index = this.lookup(key, hash)
    const slot = this.table[index]
    if (slot === undefined || slot === DUMMY) return
    this.table[index] = DUMMY
    this.used--
  }

  private resize(minUsed: number): void {
    let size = MIN_SIZE
    while (size <= minUsed) size *= 2
    const old = this.table
    this.table = new Array<Slot>(size)
    this.fill = 0
    this.used = 0
    const mask = BigInt(size - 1)
    for (const slot of old) {
      if (slot === undefined || slot === DUMMY) continue
      // insertdict_clean: probe to the first empty slot, no dummies exist in the new table.
      let i = BigInt.asUintN(64, slot.hash) & mask
      for (let perturb = BigInt.asUintN(64, slot.hash); this.table[Number(i & mask)] !== undefined; perturb >>= PERTURB_SHIFT) {
        i = ((i << 2n) + i + perturb + 1n) & MASK64
      }
      this.table[Number(i & mask)] = slot
      this.fill++
      this.used++
    }
  }

  /** Returns the entries in iteration order (table slot order). */
  entries(): [string, string][] {
    return this.table.flatMap((slot) => (slot === undefined || slot === DUMMY ? [] : [[slot.key, slot.value] as [string, string]]))
  }

  /** Returns the keys in iteration order. */
  keys(): string[] {
    return this.entries().map(([key]) => key)
  }
}

/** Returns the keys of a dict built by inserting `keys` in order, in CPython 2.7 iteration order. */
export function py2KeyOrder(keys: readonly string[]): string[] {
  const dict = new Py2Dict()
  for (const key of keys) dict.set(key, '')
  return dict.keys()
}

/** Returns Python 2's repr() of a byte string given as UTF-8 text: single quotes unless it holds ' and no ". */
export function py2StrRepr(text: string): string {
  const bytes = Buffer.from(text, 'utf8')
  const quote = bytes.includes(0x27) && !bytes.includes(0x22) ? '"' : "'"
  let out = quote
  for (const c of bytes) {
    const ch = String.fromCharCode(c)
    if (ch === quote || ch === '\\') out += `\\${ch}`
    else if (ch === '\t') out += '\\t'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (c < 0x20 || c >= 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`
    else out += ch
  }
  return out + quote
}

/** Returns Python 2's repr() of a dict of strings: `{'k': 'v', ...}` in iteration order. */
export function py2DictRepr(dict: Py2Dict): string {
  return `{${dict.entries().map(([k, v]) => `${py2StrRepr(k)}: ${py2StrRepr(v)}`).join(', ')}}`
}
