// The js-yaml schema that reads manifests the way kubectl does. kubectl converts YAML to JSON with
// sigs.k8s.io/yaml, which resolves plain scalars with go-yaml v2's YAML 1.1 rules: `yes`/`no`/`on`/`off`/
// `y`/`n` are booleans, integers go through Go's strconv.ParseInt with base prefixes (so `017` is 15 and
// `0x_1F` is 31, underscores dropped), floats must match go-yaml's float pattern, timestamps stay strings,
// `<<` merge keys work and unknown tags (`!foo x`) are ignored. Non-finite floats (`.inf`, `.nan`)
// are kept here and rejected later, because Go's JSON encoder refuses them. This module owns only the
// schema; it reads no files and knows nothing about documents or errors.

import yaml from 'js-yaml'

const BOOL_VALUES: Record<string, boolean> = {}
for (const word of ['y', 'yes', 'on', 'true']) addBoolSpellings(word, true)
for (const word of ['n', 'no', 'off', 'false']) addBoolSpellings(word, false)

/** Adds the three spellings go-yaml accepts for a boolean word: lower, Capitalized and UPPER. */
function addBoolSpellings(word: string, value: boolean): void {
  BOOL_VALUES[word] = value
  BOOL_VALUES[word[0].toUpperCase() + word.slice(1)] = value
  BOOL_VALUES[word.toUpperCase()] = value
}

const SPECIAL_FLOATS: Record<string, number> = {}
for (const spelling of ['inf', 'Inf', 'INF']) {
  SPECIAL_FLOATS[`.${spelling}`] = Infinity
  SPECIAL_FLOATS[`+.${spelling}`] = Infinity
  SPECIAL_FLOATS[`-.${spelling}`] = -Infinity
}
for (const spelling of ['.nan', '.NaN', '.NAN']) SPECIAL_FLOATS[spelling] = NaN

// go-yaml v2's yamlStyleFloat, applied after removing underscores.
const GO_YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const INT64_MIN = -(2n ** 63n)
const UINT64_MAX = 2n ** 64n - 1n

/**
 * Returns the integer Go's strconv.ParseInt(s, 0, 64) (or ParseUint) would read from a plain scalar
 * with its underscores removed, or undefined when Go would not read it as an integer.
 */
export function parseGoInteger(text: string): number | undefined {
  const plain = text.replaceAll('_', '')
  const match = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(plain)
  if (!match) return undefined
  const [, sign, digits] = match
  let value: bigint
  if (/^0[oO]/.test(digits)) value = BigInt(`0o${digits.slice(2)}`)
  else if (/^0[0-7]+$/.test(digits)) value = BigInt(`0o${digits.slice(1)}`)
  else value = BigInt(digits) // decimal, 0x and 0b are understood by BigInt
  if (sign === '-') value = -value
  // Past int64 Go tries ParseUint, which takes no sign; past uint64 the scalar stays a string.
  if (value < INT64_MIN) return undefined
  if (value > UINT64_MAX || (value >= 2n ** 63n && sign !== '')) return undefined
  return Number(value)
}

/** Returns the float go-yaml v2 would read from a plain scalar, or undefined when it stays a string. */
export function parseGoFloat(text: string): number | undefined {
  if (text in SPECIAL_FLOATS) return SPECIAL_FLOATS[text]
  if (text.startsWith('.')) {
    // go-yaml hands scalars starting with '.' straight to strconv.ParseFloat (no underscore removal).
    return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text) ? Number(text) : undefined
  }
  if (!/^[-+0-9]/.test(text)) return undefined
  const plain = text.replaceAll('_', '')
  return GO_YAML_FLOAT.test(plain) ? Number(plain) : undefined
}

const goBool = new yaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && data in BOOL_VALUES,
  construct: (data: string) => BOOL_VALUES[data],
})

const goInt = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && /^[-+0-9]/.test(data) && parseGoInteger(data) !== undefined,
  construct: (data: string) => parseGoInteger(data),
})

const goFloat = new yaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && parseGoFloat(data) !== undefined,
  construct: (data: string) => parseGoFloat(data),
})

// go-yaml keeps the value of a node with an unknown tag (`!foo x`, `!!foo x` → "x"); js-yaml would throw.
// A multi type with the empty prefix matches every tag the schema does not know.
const unknownTags = (['scalar', 'sequence', 'mapping'] as const).map(
  (kind) =>
    new yaml.Type('', {
      kind,
      multi: true,
      resolve: () => true,
      construct: (data: unknown) => (data === null && kind === 'scalar' ? '' : data),
    }),
)

// js-yaml exports its built-in types as `types`; @types/js-yaml does not declare it.
const builtin = (yaml as unknown as {types: Record<'null' | 'merge', yaml.Type>}).types

/** The schema kbe loads manifests with (see the module header). */
export const KUBECTL_YAML_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [builtin.null, goBool, goInt, goFloat, builtin.merge],
  explicit: unknownTags,
})
