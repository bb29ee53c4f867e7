// The projected `kube-api-access-<suffix>` volume and its mount that the ServiceAccount admission
// plugin adds to every pod (token 3607 s, kube-root-ca.crt, namespace via the downward API), exactly
// as a v1.32 apiserver stores them. The suffix is random upstream; the cluster passes one drawn from
// its seeded source, so this module stays pure.

/** The path where the service-account token volume is mounted. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount'

export interface ServiceAccountVolume {
  volume: Record<string, unknown>
  mount: {name: string; readOnly: boolean; mountPath: string}
}

/** Returns the kube-api-access volume and the read-only mount for a 5-character `suffix`. */
export function serviceAccountVolume(suffix: string): ServiceAccountVolume {
  const name = `kube-api-access-${suffix}`
  return {
    volume: {
      name,
      projected: {
        sources: [
          {serviceAccountToken: {expirationSeconds: 3607, path: 'token'}},
          {configMap: {name: 'kube-root-ca.crt', items: [{key: 'ca.crt', path: 'ca.crt'}]}},
          {downwardAPI: {items: [{path: 'namespace', fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}}]}},
        ],
        defaultMode: 420,
      },
    },
    mount: {name, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH},
  }
}

/**
 * Returns a copy of a pod spec with the volume appended and the mount added to every container and
 * init container, unless automountServiceAccountToken is false or a container already mounts that path.
 */
export function withServiceAccountVolume<T extends Record<string, unknown>>(spec: T, suffix: string): T {
  if (spec.automountServiceAccountToken === false) return spec
  const {volume, mount} = serviceAccountVolume(suffix)
  const addMount = (c: Record<string, unknown>) => {
    const mounts = (c.volumeMounts as {mountPath?: string}[] | undefined) ?? []
    if (mounts.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) return c
    return {...c, volumeMounts: [...mounts, {...mount}]}
  }
  const containers = (spec.containers as Record<string, unknown>[] | undefined) ?? []
  const inits = spec.initContainers as Record<string, unknown>[] | undefined
  return {
    ...spec,
    volumes: [...((spec.volumes as unknown[] | undefined) ?? []), volume],
    containers: containers.map(addMount),
    ...(inits ? {initContainers: inits.map(addMount)} : {}),
  }
}
