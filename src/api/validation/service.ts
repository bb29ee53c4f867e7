// Service validation on create (ValidateService and ValidateServiceClusterIPsRelatedFields), in the
// apiserver's order: metadata (DNS-1035 name), ports required, type-specific rules, each port, the
// selector, session affinity, clusterIPs and ipFamilies, type, nodePorts and duplicate ports, and the
// traffic policies. The clusterIP checks also run alone first, as the IP allocator does before it.

import type {Service, ServicePort} from '../types.js'
import {validateLabelMap, isQualifiedName} from '../labels/validation.js'
import {duplicate, forbidden, invalidEach, invalidValue, notSupported, required, type FieldError, FieldPath} from './field.js'
import {goStringSlice, goStruct, GoLiteral} from './go-format.js'
import {validateObjectMeta} from './meta.js'
import {isDNS1123Label, isIPv6, isValidIP, isValidPortNum, nameIsDNS1035Label, nameIsDNSSubdomain} from './names.js'
import {validatePortNumOrName} from './probes.js'

const SPEC = FieldPath.of('spec')
const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']
const TRAFFIC_POLICIES = ['Cluster', 'Local']

type Spec = Service['spec']

function isHeadless(spec: Spec): boolean {
  return (spec.clusterIPs ?? []).length === 1 && spec.clusterIPs?.[0] === 'None'
}

function externallyAccessible(spec: Spec): boolean {
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0)
}

/** Returns the errors of clusterIP/clusterIPs/ipFamilies/ipFamilyPolicy (checked before allocation). */
export function validateServiceClusterIPs(spec: Spec): FieldError[] {
  if (spec.type === 'ExternalName') return []
  const errs: FieldError[] = []
  const ips = spec.clusterIPs ?? []
  const ipsPath = SPEC.child('clusterIPs')
  if (spec.clusterIP) {
    if (ips.length === 0) errs.push(required(ipsPath))
    else if (ips[0] !== spec.clusterIP) errs.push(invalidValue(ipsPath, goStringSlice(ips), 'first value must match `clusterIP`'))
  } else if (ips.length > 0) {
    errs.push(invalidValue(ipsPath, goStringSlice(ips), 'must be empty when `clusterIP` is not specified'))
  }
  const seen = new Set<string>()
  ;(spec.ipFamilies ?? []).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(SPEC.child('ipFamilies').index(i), f, ['IPv4', 'IPv6']))
    if (seen.has(f)) errs.push(duplicate(SPEC.child('ipFamilies').index(i), f))
    seen.add(f)
  })
  const policy = spec.ipFamilyPolicy
  if (policy !== undefined && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(policy)) {
    errs.push(notSupported(SPEC.child('ipFamilyPolicy'), policy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']))
  }
  let invalidIPs = false
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        invalidIPs = true
        errs.push(invalidValue(ipsPath, goStringSlice(ips), '\'None\' must be the first and only value'))
      }
      return
    }
    const msgs = isValidIP(ip)
    if (msgs.length > 0) invalidIPs = true
    errs.push(...invalidEach(ipsPath.index(i), ip, msgs))
  })
  if (ips.length > 2) errs.push(invalidValue(ipsPath, goStringSlice(ips), 'may only hold up to 2 values'))
  if (invalidIPs) return errs
  if (ips.length > 1 && isIPv6(ips[0]) === isIPv6(ips[1])) errs.push(invalidValue(ipsPath, goStringSlice(ips), 'may specify no more than one IP for each IP family'))
  if (!isHeadless(spec)) {
    ips.forEach((ip, i) => {
      const fam = spec.ipFamilies?.[i]
      if (fam === 'IPv4' && isIPv6(ip)) errs.push(invalidValue(ipsPath.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``))
      if (fam === 'IPv6' && !isIPv6(ip)) errs.push(invalidValue(ipsPath.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``))
    })
  }
  return errs
}

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (requireName && !sp.name) errs.push(required(path.child('name')))
  else if (sp.name) {
    errs.push(...invalidEach(path.child('name'), sp.name, isDNS1123Label(sp.name)))
    if (names.has(sp.name)) errs.push(duplicate(path.child('name'), sp.name))
    else names.add(sp.name)
  }
  errs.push(...invalidEach(path.child('port'), sp.port ?? 0, isValidPortNum(sp.port ?? 0)))
  if (!sp.protocol) errs.push(required(path.child('protocol')))
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(path.child('protocol'), sp.protocol, PROTOCOLS))
  errs.push(...validatePortNumOrName(sp.targetPort ?? 0, path.child('targetPort')))
  if (sp.appProtocol !== undefined) errs.push(...invalidEach(path.child('appProtocol'), sp.appProtocol, isQualifiedName(sp.appProtocol)))
  return errs
}

// `%#v` of the internal core.ServicePort key used for the duplicate-port check (only Protocol and Port set).
function servicePortKey(sp: ServicePort): GoLiteral {
  return goStruct('core.ServicePort', [
    ['Name', ''], ['Protocol', sp.protocol ?? ''], ['AppProtocol', new GoLiteral('(*string)(nil)')], ['Port', sp.port ?? 0],
    ['TargetPort', new GoLiteral('intstr.IntOrString{Type:0, IntVal:0, StrVal:""}')], ['NodePort', 0],
  ])
}

function validateTypeSpecific(spec: Spec): FieldError[] {
  const headless = isHeadless(spec)
  if ((spec.type === 'LoadBalancer' || spec.type === 'NodePort') && headless) {
    return [invalidValue(SPEC.child('clusterIPs').index(0), 'None', `may not be set to 'None' for ${spec.type} services`)]
  }
  if (spec.type !== 'ExternalName') return []
  const errs: FieldError[] = []
  if ((spec.clusterIPs ?? []).length > 0) errs.push(forbidden(SPEC.child('clusterIPs'), 'may not be set for ExternalName services'))
  if ((spec.ipFamilies ?? []).length > 0) errs.push(forbidden(SPEC.child('ipFamilies'), 'may not be set for ExternalName services'))
  if (spec.ipFamilyPolicy !== undefined) errs.push(forbidden(SPEC.child('ipFamilyPolicy'), 'may not be set for ExternalName services'))
  const cname = (spec.externalName ?? '').replace(/\.$/, '')
  if (cname) errs.push(...invalidEach(SPEC.child('externalName'), cname, nameIsDNSSubdomain(cname, false)))
  else errs.push(required(SPEC.child('externalName')))
  return errs
}

function validateAffinity(spec: Spec): FieldError[] {
  const errs: FieldError[] = []
  const aff = spec.sessionAffinity
  if (!aff) errs.push(required(SPEC.child('sessionAffinity')))
  else if (aff !== 'ClientIP' && aff !== 'None') errs.push(notSupported(SPEC.child('sessionAffinity'), aff, ['ClientIP', 'None']))
  const cfgPath = SPEC.child('sessionAffinityConfig')
  if (aff === 'ClientIP') {
    const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds
    if (!spec.sessionAffinityConfig) errs.push(required(cfgPath, 'when session affinity type is ClientIP'))
    else if (!spec.sessionAffinityConfig.clientIP) errs.push(required(cfgPath.child('clientIP'), 'when session affinity type is ClientIP'))
    else if (timeout === undefined) errs.push(required(cfgPath.child('clientIP', 'timeoutSeconds'), 'when session affinity type is ClientIP'))
    else if (timeout <= 0 || timeout > 86400) errs.push(invalidValue(cfgPath.child('clientIP', 'timeoutSeconds'), timeout, 'must be greater than 0 and less than 86400'))
  } else if (aff === 'None' && spec.sessionAffinityConfig) {
    errs.push(forbidden(cfgPath, 'must not be set when session affinity is None'))
  }
  return errs
}

function validatePortSets(spec: Spec): FieldError[] {
  const errs: FieldError[] = []
  const ports = spec.ports ?? []
  if (spec.type === 'ClusterIP') ports.forEach((p, i) => { if (p.nodePort) errs.push(forbidden(SPEC.child('ports').index(i).child('nodePort'), 'may not be used when `type` is \'ClusterIP\'')) })
  const nodePorts = new Set<string>()
  ports.forEach((p, i) => {
    if (!p.nodePort) return
    const key = `${p.protocol}/${p.nodePort}`
    if (nodePorts.has(key)) errs.push(duplicate(SPEC.child('ports').index(i).child('nodePort'), p.nodePort))
    nodePorts.add(key)
  })
  const seen = new Set<string>()
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`
    if (seen.has(key)) errs.push(duplicate(SPEC.child('ports').index(i), servicePortKey(p)))
    seen.add(key)
  })
  return errs
}

function validateTrafficPolicies(spec: Spec): FieldError[] {
  const errs: FieldError[] = []
  const etp = spec.externalTrafficPolicy
  if (!externallyAccessible(spec)) {
    if (etp) errs.push(invalidValue(SPEC.child('externalTrafficPolicy'), etp, 'may only be set for externally-accessible services'))
  } else if (!etp) errs.push(required(SPEC.child('externalTrafficPolicy')))
  else if (!TRAFFIC_POLICIES.includes(etp)) errs.push(notSupported(SPEC.child('externalTrafficPolicy'), etp, TRAFFIC_POLICIES))
  const itp = spec.internalTrafficPolicy
  if (itp === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type ?? '')) errs.push(required(SPEC.child('internalTrafficPolicy')))
  if (itp !== undefined && !TRAFFIC_POLICIES.includes(itp)) errs.push(notSupported(SPEC.child('internalTrafficPolicy'), itp, TRAFFIC_POLICIES))
  return errs
}

/** Returns the errors of a Service on create (after defaulting), in the apiserver's order. */
export function validateService(svc: Service): FieldError[] {
  const spec = svc.spec ?? {}
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label)
  const ports = spec.ports ?? []
  if (ports.length === 0 && !isHeadless(spec) && spec.type !== 'ExternalName') errs.push(required(SPEC.child('ports')))
  errs.push(...validateTypeSpecific(spec))
  const names = new Set<string>()
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, SPEC.child('ports').index(i))))
  if (spec.selector) errs.push(...validateLabelMap(spec.selector, SPEC.child('selector')))
  errs.push(...validateAffinity(spec))
  errs.push(...validateServiceClusterIPs(spec))
  ;(spec.externalIPs ?? []).forEach((ip, i) => errs.push(...invalidEach(SPEC.child('externalIPs').index(i), ip, isValidIP(ip))))
  if (!spec.type) errs.push(required(SPEC.child('type')))
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push(notSupported(SPEC.child('type'), spec.type, SERVICE_TYPES))
  errs.push(...validatePortSets(spec))
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') {
    errs.push(forbidden(SPEC.child('allocateLoadBalancerNodePorts'), 'may only be used when `type` is \'LoadBalancer\''))
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) errs.push(required(FieldPath.of('allocateLoadBalancerNodePorts')))
  errs.push(...validateTrafficPolicies(spec))
  return errs
}
