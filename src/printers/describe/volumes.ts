// The Volumes section of pod and pod-template descriptions (kubectl's describeVolumes), for the volume
// sources kbe pods use: projected (the injected kube-api-access volume), emptyDir, configMap, secret,
// hostPath, persistentVolumeClaim and downwardAPI; any other source prints `<unknown>` as kubectl does
// for sources it has no printer for. Pure formatting.
import type {Volume} from '../../api/types.js'
import type {PrefixWriter} from './writer.js'

type Source = Record<string, unknown>
type VolumePrinter = (w: PrefixWriter, source: Source) => void

/** Writes `Volumes:\t<none>` or each volume's name and source details; `space` is the pod-template indent. */
export function writeVolumes(w: PrefixWriter, volumes: Volume[] | undefined, space: string): void {
  if (!volumes || volumes.length === 0) return w.write(0, `${space}Volumes:\t<none>\n`)
  w.write(0, `${space}Volumes:\n`)
  for (const volume of volumes) {
    w.write(1, `${space ? ' ' : ''}${volume.name}:\n`)
    const kind = Object.keys(VOLUME_PRINTERS).find((k) => volume[k] !== undefined && volume[k] !== null)
    if (kind) VOLUME_PRINTERS[kind](w, volume[kind] as Source)
    else w.write(1, '<unknown>\n')
  }
}

// Go prints an unset *bool with %v as <nil>.
function optional(value: unknown): string {
  return value === undefined || value === null ? '<nil>' : String(value)
}

const VOLUME_PRINTERS: Record<string, VolumePrinter> = {
  hostPath: (w, s) => w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${s.path ?? ''}\n` +
    `    HostPathType:\t${s.type || '<none>'}\n`),
  emptyDir: (w, s) => w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n` +
    `    Medium:\t${s.medium ?? ''}\n    SizeLimit:\t${s.sizeLimit || '<unset>'}\n`),
  secret: (w, s) => w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${s.secretName ?? ''}\n` +
    `    Optional:\t${s.optional === true}\n`),
  configMap: (w, s) => w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${s.name ?? ''}\n` +
    `    Optional:\t${s.optional === true}\n`),
  persistentVolumeClaim: (w, s) => w.write(2, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
    `    ClaimName:\t${s.claimName ?? ''}\n    ReadOnly:\t${s.readOnly === true}\n`),
  downwardAPI: (w, s) => {
    w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
    for (const item of (s.items ?? []) as {path: string; fieldRef?: {fieldPath: string}; resourceFieldRef?: {resource: string}}[]) {
      if (item.fieldRef) w.write(3, `${item.fieldRef.fieldPath} -> ${item.path}\n`)
      if (item.resourceFieldRef) w.write(3, `${item.resourceFieldRef.resource} -> ${item.path}\n`)
    }
  },
  projected: (w, s) => {
    w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
    for (const source of (s.sources ?? []) as Source[]) writeProjection(w, source)
  },
}

function writeProjection(w: PrefixWriter, source: Source): void {
  const secret = source.secret as Source | undefined
  const configMap = source.configMap as Source | undefined
  const token = source.serviceAccountToken as Source | undefined
  if (secret) w.write(2, `SecretName:\t${secret.name ?? ''}\n    SecretOptionalName:\t${optional(secret.optional)}\n`)
  else if (source.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n')
  else if (configMap) w.write(2, `ConfigMapName:\t${configMap.name ?? ''}\n    ConfigMapOptional:\t${optional(configMap.optional)}\n`)
  else if (token) w.write(2, `TokenExpirationSeconds:\t${token.expirationSeconds ?? 0}\n`)
}
