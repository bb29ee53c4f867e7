// simpleservice's /health delay, with Python 2's semantics kept: HEALTH_MIN and HEALTH_MAX are the
// raw environment strings (or the int 0 when unset), compared the Python 2 way — two strings
// byte-wise ("500" > "1000"!), an int always less than a str — and the delay is
// `random.randrange(float(MIN), float(MAX))` milliseconds. Anything Python would raise on (a
// non-number, a non-integral float, an empty range) makes the handler's `except` set status 404
// after the body was written. The random draw comes from the injected seeded source.
import type {Random} from '../util/random.js'
import {getenv, type ContainerEnv} from './types.js'

type Py2Value = string | number

/** What the /health handler does after writing its body: sleep this long, or fail with 404. */
export type HealthOutcome = {delayMs: number} | {error: string}

/** Compares two Python 2 values of type int or str (cmp semantics: numbers sort before strings). */
export function py2Compare(a: Py2Value, b: Py2Value): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b)
  if (typeof a === 'number') return -1
  if (typeof b === 'number') return 1
  return Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')))
}

const PY_FLOAT = /^\s*[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)\s*$/i

/** Returns Python's float() of a string or int, or undefined where Python raises ValueError. */
export function py2Float(value: Py2Value): number | undefined {
  if (typeof value === 'number') return value
  if (!PY_FLOAT.test(value)) return undefined
  const text = value.trim().toLowerCase().replace(/^([+-]?)inf(inity)?$/, '$1Infinity')
  return text.endsWith('nan') ? Number.NaN : Number(text)
}

/** Returns random.randrange(start, stop) of Python 2.7 for float arguments, or an error text. */
function randrange(start: number, stop: number, random: Random): number | string {
  if (!Number.isFinite(start) || !Number.isFinite(stop)) return 'cannot convert float to integer'
  if (Math.trunc(start) !== start) return 'non-integer arg 1 for randrange()'
  if (Math.trunc(stop) !== stop) return 'non-integer stop for randrange()'
  const width = stop - start
  if (width <= 0) return `empty range for randrange() (${start},${stop}, ${width})`
  return start + random.int(width)
}

/** Returns the /health delay (ms) for a container's environment, drawing from `random` when a range is set. */
export function healthOutcome(env: ContainerEnv, random: Random): HealthOutcome {
  const min: Py2Value = getenv(env, 'HEALTH_MIN') ?? 0
  const max: Py2Value = getenv(env, 'HEALTH_MAX') ?? 0
  // `if HEALTH_MAX > HEALTH_MIN and HEALTH_MIN >= 0` — evaluated with Python 2 comparisons.
  if (!(py2Compare(max, min) > 0 && py2Compare(min, 0) >= 0)) return {delayMs: 0}
  const start = py2Float(min)
  const stop = py2Float(max)
  if (start === undefined || stop === undefined) return {error: 'could not convert string to float'}
  const delay = randrange(start, stop, random)
  return typeof delay === 'string' ? {error: delay} : {delayMs: delay}
}
