// Probe and lifecycle-handler validation (validateProbe, validateHandler and the liveness/readiness/
// startup specifics): exactly one handler, valid ports (number or IANA name), supported HTTP schemes,
// non-negative timings.

import {forbidden, invalidEach, invalidValue, notSupported, required, type FieldError, FieldPath} from './field.js'
import {isValidPortName, isValidPortNum} from './names.js'
import {validateNonnegative} from './meta.js'

export interface Handler {
  exec?: {command?: string[]}
  httpGet?: {path?: string; port?: number | string; scheme?: string; httpHeaders?: {name?: string}[]}
  tcpSocket?: {port?: number | string}
  grpc?: {port?: number}
  sleep?: {seconds?: number}
}

export interface Probe extends Handler {
  initialDelaySeconds?: number
  timeoutSeconds?: number
  periodSeconds?: number
  successThreshold?: number
  failureThreshold?: number
  terminationGracePeriodSeconds?: number
}

const HTTP_HEADER_FMT = '[-A-Za-z0-9]+'

/** Returns the errors of an int-or-string port: a number 1..65535 or an IANA_SVC_NAME. */
export function validatePortNumOrName(port: number | string | undefined, path: FieldPath): FieldError[] {
  if (typeof port === 'string') return invalidEach(path, port, isValidPortName(port))
  return invalidEach(path, port ?? 0, isValidPortNum(port ?? 0))
}

function validateHTTPGet(h: NonNullable<Handler['httpGet']>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (!h.path) errs.push(required(path.child('path')))
  errs.push(...validatePortNumOrName(h.port, path.child('port')))
  if (h.scheme !== 'HTTP' && h.scheme !== 'HTTPS') errs.push(notSupported(path.child('scheme'), h.scheme ?? '', ['HTTP', 'HTTPS']))
  for (const header of h.httpHeaders ?? []) {
    if (!new RegExp(`^${HTTP_HEADER_FMT}$`).test(header.name ?? '')) {
      errs.push(invalidValue(path.child('httpHeaders'), header.name ?? '', `a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '${HTTP_HEADER_FMT}')`))
    }
  }
  return errs
}

function validateSleep(sleep: {seconds?: number}, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  const s = sleep.seconds ?? 0
  if (gracePeriod === undefined || (s > 0 && s <= gracePeriod)) return []
  return [invalidValue(path, s, `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`)]
}

/** Returns the errors of a probe or lifecycle handler: exactly one handler type, each checked. */
export function validateHandler(h: Handler, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  let count = 0
  const visit = (kind: keyof Handler, check: () => FieldError[]) => {
    if (!h[kind]) return
    if (count > 0) {
      errs.push(forbidden(path.child(kind), 'may not specify more than 1 handler type'))
      return
    }
    count++
    errs.push(...check())
  }
  visit('exec', () => ((h.exec?.command ?? []).length === 0 ? [required(path.child('exec', 'command'))] : []))
  visit('httpGet', () => validateHTTPGet(h.httpGet ?? {}, path.child('httpGet')))
  visit('tcpSocket', () => validatePortNumOrName(h.tcpSocket?.port, path.child('tcpSocket', 'port')))
  visit('grpc', () => validatePortNumOrName(h.grpc?.port ?? 0, path.child('grpc', 'port')))
  visit('sleep', () => validateSleep(h.sleep ?? {}, gracePeriod, path.child('sleep')))
  if (count === 0) errs.push(required(path, 'must specify a handler type'))
  return errs
}

function validateProbe(probe: Probe, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  // A probe's handler has no sleep action (ProbeHandler: exec, httpGet, tcpSocket, grpc).
  const errs = validateHandler({exec: probe.exec, httpGet: probe.httpGet, tcpSocket: probe.tcpSocket, grpc: probe.grpc}, gracePeriod, path)
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    errs.push(...validateNonnegative(probe[f] ?? 0, path.child(f)))
  }
  const tgps = probe.terminationGracePeriodSeconds
  if (tgps !== undefined && tgps <= 0) errs.push(invalidValue(path.child('terminationGracePeriodSeconds'), tgps, 'must be greater than 0'))
  return errs
}

/** Returns the errors of a liveness or startup probe (successThreshold must be 1). */
export function validateLivenessOrStartupProbe(probe: Probe | undefined, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  if (!probe) return []
  const errs = validateProbe(probe, gracePeriod, path)
  if ((probe.successThreshold ?? 0) !== 1) errs.push(invalidValue(path.child('successThreshold'), probe.successThreshold ?? 0, 'must be 1'))
  return errs
}

/** Returns the errors of a readiness probe (no terminationGracePeriodSeconds). */
export function validateReadinessProbe(probe: Probe | undefined, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  if (!probe) return []
  const errs = validateProbe(probe, gracePeriod, path)
  if (probe.terminationGracePeriodSeconds !== undefined) {
    errs.push(invalidValue(path.child('terminationGracePeriodSeconds'), probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'))
  }
  return errs
}

/** Returns the errors of a container lifecycle (postStart, preStop handlers). */
export function validateLifecycle(lc: {postStart?: Handler; preStop?: Handler} | undefined, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  if (!lc) return []
  return [
    ...(lc.postStart ? validateHandler(lc.postStart, gracePeriod, path.child('postStart')) : []),
    ...(lc.preStop ? validateHandler(lc.preStop, gracePeriod, path.child('preStop')) : []),
  ]
}
