// go-yaml's "invalid map key" error. YAML allows a mapping or a sequence as a mapping key, but kubectl's
// YAML→JSON conversion cannot turn one into a JSON object key and fails with Go's %#v of the key, e.g.
// `yaml: invalid map key: map[interface {}]interface {}{".Values.image":interface {}(nil)}` for the Helm
// template `image: {{ .Values.image }}`. js-yaml silently stringifies such keys ("[object Object]",
// "a,b"), so this module spots those strings in the decoded value and recovers the key from the text.
// Pure; checked against kubectl v1.32.

/**
 * Returns go-yaml's `invalid map key: …` complaint when a document uses a mapping as a key (a Helm
 * template such as `image: {{ .Values.image }}` is the usual way to get one), or undefined. js-yaml turns
 * such keys into "[object Object]", so that is the trigger; the key itself is recovered from the text
 * and printed the way Go's %#v prints it.
 */
export function findInvalidMapKey(document: string, value: unknown, parse: (text: string) => unknown): string | undefined {
  const sequenceKey = findSequenceKey(document, value, parse)
  if (sequenceKey) return `yaml: invalid map key: ${formatGoSyntax(sequenceKey)}`
  if (!hasKey(value, '[object Object]')) return undefined
  const keyText = /\{\s*(\{[^{}]*\})/.exec(document)?.[1] ?? /^\s*(?:-\s+)?(\{[^{}]*\})\s*:/m.exec(document)?.[1]
  let key: unknown = {}
  try {
    if (keyText) key = parse(keyText)
  } catch {
    key = {}
  }
  return `yaml: invalid map key: ${formatGoSyntax(key ?? {})}`
}

/** Returns the sequence a block mapping uses as a key (`[a, b]: c`, which js-yaml turns into "a,b"). */
function findSequenceKey(document: string, value: unknown, parse: (text: string) => unknown): unknown[] | undefined {
  const keyText = /^\s*(?:-\s+)?(\[[^\]\n]*\])\s*:(\s|$)/m.exec(document)?.[1]
  if (!keyText) return undefined
  try {
    const key = parse(keyText)
    return Array.isArray(key) && hasKey(value, String(key)) ? key : undefined
  } catch {
    return undefined
  }
}

/** Returns whether any mapping in the value has the key. */
function hasKey(value: unknown, key: string): boolean {
  if (value === null || typeof value !== 'object') return false
  if (!Array.isArray(value) && Object.hasOwn(value, key)) return true
  return Object.values(value).some((child) => hasKey(child, key))
}

/** Returns a decoded YAML value as Go's %#v prints it (maps sorted by key). */
function formatGoSyntax(value: unknown): string {
  if (value === null) return 'interface {}(nil)'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value !== 'object') return String(value)
  if (Array.isArray(value)) return `[]interface {}{${value.map(formatGoSyntax).join(', ')}}`
  const map = value as Record<string, unknown>
  const entries = Object.keys(map)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${formatGoSyntax(map[key])}`)
  return `map[interface {}]interface {}{${entries.join(', ')}}`
}
