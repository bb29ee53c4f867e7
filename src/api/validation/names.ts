// String-format checks of apimachinery's util/validation with their exact v1.32 messages: DNS-1123
// labels and subdomains, DNS-1035 labels, IANA port names and numbers, environment variable names,
// config keys and IP addresses, plus the object-name functions (NameIsDNSSubdomain & co.) that also
// accept generateName prefixes. Each check returns the list of failure messages (empty when valid).

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?'
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`)
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`)
const DNS1035_LABEL_RE = new RegExp(`^${DNS1035_LABEL_FMT}$`)

/** Returns the "too long" message: `must be no more than N characters`. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`
}

/** Returns a regex failure message with examples, as validation.RegexError builds it. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`
  const shown = examples.map((e) => `'${e}', `).join(' or ')
  return `${msg} (e.g. ${shown}regex used for validation is '${fmt}')`
}

/** Returns the range message `must be between lo and hi, inclusive`. */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`
}

/** Checks a lowercase RFC 1123 label (container, port, volume names; namespaces). */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = []
  if (value.length > 63) errs.push(maxLenError(63))
  if (!DNS1123_LABEL_RE.test(value)) {
    if (DNS1123_SUBDOMAIN_RE.test(value)) errs.push('must not contain dots')
    else errs.push(regexError('a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character', DNS1123_LABEL_FMT, 'my-name', '123-abc'))
  }
  return errs
}

/** Checks a lowercase RFC 1123 subdomain (pod, RC, deployment names; label key prefixes). */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = []
  if (value.length > 253) errs.push(maxLenError(253))
  if (!DNS1123_SUBDOMAIN_RE.test(value)) {
    errs.push(regexError('a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character', DNS1123_SUBDOMAIN_FMT, 'example.com'))
  }
  return errs
}

/** Checks a DNS-1035 label (service names). */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = []
  if (value.length > 63) errs.push(maxLenError(63))
  if (!DNS1035_LABEL_RE.test(value)) {
    errs.push(regexError('a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character', DNS1035_LABEL_FMT, 'my-name', 'abc-123'))
  }
  return errs
}

// apimachinery's maskTrailingDash: a generateName prefix may end in '-'. Upstream drops the last two
// characters and appends 'a' (not just the dash); kept as is because it changes which prefixes pass.
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name
}

/** A name check taking `prefix` = true for generateName values (ValidateNameFunc). */
export type NameValidator = (name: string, prefix: boolean) => string[]

/** Validates object names that must be DNS-1123 subdomains (pods, RCs, deployments, ...). */
export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name)

/** Validates object names that must be DNS-1123 labels (namespaces). */
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name)

/** Validates object names that must be DNS-1035 labels (services). */
export const nameIsDNS1035Label: NameValidator = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name)

/** Checks a port number: 1..65535. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)]
}

/** Checks an IANA_SVC_NAME port name: ≤ 15 chars of [-a-z0-9], at least one letter, no `--`, no edge dash. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = []
  if (port.length > 15) errs.push(maxLenError(15))
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)')
  if (port.includes('--')) errs.push('must not contain consecutive hyphens')
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen')
  return errs
}

/**
 * Checks an environment variable name with the relaxed rule, which v1.32 enables by default
 * (RelaxedEnvironmentVariableValidation is beta): printable ASCII other than '='.
 */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = []
  if (value.length === 0) errs.push('environment variable name must be non-empty')
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp > 0x7e || cp < 0x20 || ch === '=') {
      errs.push('a valid environment variable name must consist only of printable ASCII characters other than \'=\'')
      break
    }
  }
  return errs
}

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ['must not be \'.\'']
  if (value === '..') return ['must not be \'..\'']
  if (value.startsWith('..')) return ['must not start with \'..\'']
  return []
}

/** Checks a ConfigMap/Secret key (also used by configMapKeyRef/secretKeyRef). */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = []
  if (value.length > 253) errs.push(maxLenError(253))
  if (!/^[-._a-zA-Z0-9]+$/.test(value)) {
    errs.push(regexError('a valid config key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'', '[-._a-zA-Z0-9]+', 'key.name', 'KEY_NAME', 'key-name'))
  }
  return [...errs, ...hasChDirPrefix(value)]
}

/** Returns true when `value` parses as an IPv4 (leading zeros allowed, like ParseIPSloppy) or IPv6 address. */
export function parseableIP(value: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return value.split('.').every((o) => Number(o) <= 255)
  return isIPv6(value)
}

/** Returns true when `value` is a textual IPv6 address (optionally with an embedded IPv4 tail). */
export function isIPv6(value: string): boolean {
  if (!value.includes(':') || /[^0-9a-fA-F:.]/.test(value)) return false
  let head = value
  let groupsNeeded = 8
  const lastColon = value.lastIndexOf(':')
  if (value.slice(lastColon + 1).includes('.')) {
    if (!parseableIP(value.slice(lastColon + 1)) || value.slice(lastColon + 1).includes(':')) return false
    head = value.slice(0, lastColon + 1) + '0'
    groupsNeeded = 7
  }
  const halves = head.split('::')
  if (halves.length > 2) return false
  const groups = (s: string) => (s === '' ? [] : s.split(':'))
  const parts = halves.flatMap(groups)
  if (!parts.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false
  return halves.length === 2 ? parts.length < groupsNeeded : parts.length === groupsNeeded
}

/** Checks an IP address (validation.IsValidIP). */
export function isValidIP(value: string): string[] {
  return parseableIP(value) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']
}
