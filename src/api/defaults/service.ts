// Service defaulting on create (SetDefaults_Service) plus what the service registry fills in before
// validation without allocating anything: clusterIPs mirrored from clusterIP, and for single-stack IPv4
// clusters ipFamilies [IPv4] / ipFamilyPolicy SingleStack, and a reset `status: {loadBalancer: {}}`. Allocating
// the clusterIP and nodePorts is the cluster's job (src/net/ipam.ts).

type Obj = Record<string, unknown>

const DEFAULT_CLIENT_IP_TIMEOUT = 10800

function externallyAccessible(spec: Obj): boolean {
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && ((spec.externalIPs as unknown[] | undefined) ?? []).length > 0)
}

function defaultPorts(spec: Obj): void {
  for (const port of (spec.ports as Obj[] | undefined) ?? []) {
    if (!port.protocol) port.protocol = 'TCP'
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port
  }
}

function defaultAffinity(spec: Obj): void {
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None'
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = spec.sessionAffinityConfig as {clientIP?: {timeoutSeconds?: number}} | undefined
    if (cfg?.clientIP?.timeoutSeconds === undefined) spec.sessionAffinityConfig = {clientIP: {timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT}}
  }
}

/** Applies the Service defaults in place (everything except IP and nodePort allocation). */
export function defaultService(svc: Obj): void {
  const spec = (svc.spec ?? {}) as Obj
  svc.spec = spec
  defaultAffinity(spec)
  if (!spec.type) spec.type = 'ClusterIP'
  defaultPorts(spec)
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster'
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type as string)) spec.internalTrafficPolicy = 'Cluster'
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true
  // normalizeClusterIPs: a given clusterIP becomes clusterIPs[0].
  if (spec.clusterIP && ((spec.clusterIPs as unknown[] | undefined) ?? []).length === 0) spec.clusterIPs = [spec.clusterIP]
  if (spec.type !== 'ExternalName') {
    // Headless services without a selector default to RequireDualStack (initIPFamilyFields).
    const headlessNoSelector = (spec.clusterIPs as string[] | undefined)?.[0] === 'None' && Object.keys((spec.selector as Obj | undefined) ?? {}).length === 0
    if (!spec.ipFamilyPolicy) spec.ipFamilyPolicy = headlessNoSelector ? 'RequireDualStack' : 'SingleStack'
    if (((spec.ipFamilies as unknown[] | undefined) ?? []).length === 0) spec.ipFamilies = ['IPv4']
  }
  // The service strategy resets status on create.
  svc.status = {loadBalancer: {}}
}
