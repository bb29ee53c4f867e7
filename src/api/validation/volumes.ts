// Pod volume validation (ValidateVolumes / validateVolumeSource): one source per volume, DNS-1123
// names without duplicates, and the checks of the sources kbe's tutorial uses (emptyDir, hostPath,
// secret, configMap, persistentVolumeClaim, downwardAPI, projected, nfs). Other upstream sources are
// recognised (they count as "a volume type") but their own fields are not checked.

import {duplicate, forbidden, invalidEach, invalidValue, notSupported, required, type FieldError, FieldPath} from './field.js'
import {isDNS1123Label} from './names.js'
import {validateFileMode, validateKeyToPath, validateLocalNonReservedPath, validateObjectFieldSelector, validatePathNoBacksteps, type KeyToPath, type ObjectFieldSelector} from './paths.js'
import {parseQuantity} from '../schema/quantity.js'

type Source = Record<string, unknown>
export type Volume = {name?: string} & Record<string, unknown>

// VolumeSource fields in the order validateVolumeSource visits them.
const SOURCE_ORDER = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume',
  'configMap', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos',
  'projected', 'scaleIO', 'csi', 'ephemeral', 'image',
]

// Upstream reports a few sources under a different path name than their JSON field.
const FORBIDDEN_PATH: Record<string, string> = {downwardAPI: 'downwarAPI', cephfs: 'cephFS'}

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket']

/** The fieldRef paths a downwardAPI volume file may use (sorted, as the NotSupported list prints them). */
export const VOLUME_DOWNWARD_API_FIELDS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid']

interface DownwardAPIFile {
  path?: string
  fieldRef?: ObjectFieldSelector
  resourceFieldRef?: Source
  mode?: number
}

function validateDownwardAPIFile(file: DownwardAPIFile, path: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  if (!file.path) errs.push(required(path.child('path')))
  errs.push(...validateLocalNonReservedPath(file.path ?? '', path.child('path')))
  if (file.fieldRef) {
    errs.push(...validateObjectFieldSelector(file.fieldRef, VOLUME_DOWNWARD_API_FIELDS, path.child('fieldRef')))
    if (file.resourceFieldRef) errs.push(invalidValue(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'))
  } else if (!file.resourceFieldRef) {
    errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'))
  }
  errs.push(...validateFileMode(file.mode, path.child('mode')))
  return errs
}

function validateItems(items: unknown, path: FieldPath): FieldError[] {
  return ((items as KeyToPath[] | undefined) ?? []).flatMap((kp, i) => validateKeyToPath(kp, path.child('items').index(i)))
}

function validateProjected(src: Source, path: FieldPath): FieldError[] {
  const errs = validateFileMode(src.defaultMode as number | undefined, path.child('defaultMode'))
  const seen = new Set<string>()
  const track = (p: string | undefined, value: string) => {
    if (!p) return
    if (seen.has(p)) errs.push(invalidValue(path, value, 'conflicting duplicate paths'))
    seen.add(p)
  }
  ;((src.sources as Source[] | undefined) ?? []).forEach((source, i) => {
    const srcPath = path.child('sources').index(i)
    let count = 0
    for (const kind of ['secret', 'configMap'] as const) {
      const s = source[kind] as {name?: string; items?: KeyToPath[]} | undefined
      if (!s) continue
      count++
      if (!s.name) errs.push(required(srcPath.child(kind, 'name')))
      ;(s.items ?? []).forEach((kp, j) => {
        errs.push(...validateKeyToPath(kp, srcPath.child(kind, 'items').index(j)))
        track(kp.path, s.name ?? '')
      })
    }
    const dapi = source.downwardAPI as {items?: DownwardAPIFile[]} | undefined
    if (dapi) {
      count++
      ;(dapi.items ?? []).forEach((f) => {
        errs.push(...validateDownwardAPIFile(f, srcPath.child('downwardAPI')))
        track(f.path, f.path ?? '')
      })
    }
    const token = source.serviceAccountToken as {expirationSeconds?: number; path?: string} | undefined
    if (token) {
      count++
      const exp = token.expirationSeconds ?? 0
      if (exp < 600) errs.push(invalidValue(srcPath.child('serviceAccountToken', 'expirationSeconds'), exp, 'may not specify a duration less than 10 minutes'))
      if (exp > 2 ** 32) errs.push(invalidValue(srcPath.child('serviceAccountToken', 'expirationSeconds'), exp, 'may not specify a duration larger than 2^32 seconds'))
      if (!token.path) errs.push(required(path.child('path')))
      else errs.push(...validateLocalNonReservedPath(token.path, path.child('path')))
    }
    if (source.clusterTrustBundle) count++
    if (count > 1) errs.push(forbidden(srcPath, 'may not specify more than 1 volume type per source'))
  })
  return errs
}

const SOURCE_VALIDATORS: Record<string, (src: Source, path: FieldPath) => FieldError[]> = {
  emptyDir: (src, path) => {
    const limit = src.sizeLimit as string | number | undefined
    const parsed = limit === undefined ? undefined : parseQuantity(String(limit))
    return parsed && typeof parsed !== 'string' && parsed.value < 0 ? [forbidden(path.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity')] : []
  },
  hostPath: (src, path) => {
    if (!src.path) return [required(path.child('path'))]
    const errs = validatePathNoBacksteps(src.path as string, path.child('path'))
    const type = src.type as string | undefined
    if (type !== undefined && !HOST_PATH_TYPES.includes(type)) errs.push(notSupported(path.child('type'), type, HOST_PATH_TYPES))
    return errs
  },
  secret: (src, path) => [
    ...(src.secretName ? [] : [required(path.child('secretName'))]),
    ...validateFileMode(src.defaultMode as number | undefined, path.child('defaultMode')),
    ...validateItems(src.items, path),
  ],
  configMap: (src, path) => [
    ...(src.name ? [] : [required(path.child('name'))]),
    ...validateFileMode(src.defaultMode as number | undefined, path.child('defaultMode')),
    ...validateItems(src.items, path),
  ],
  persistentVolumeClaim: (src, path) => (src.claimName ? [] : [required(path.child('claimName'))]),
  // Upstream passes the volume-level path for downwardAPI items (no `.items[i]`).
  downwardAPI: (src, path) => [
    ...validateFileMode(src.defaultMode as number | undefined, path.child('defaultMode')),
    ...((src.items as DownwardAPIFile[] | undefined) ?? []).flatMap((f) => validateDownwardAPIFile(f, path)),
  ],
  projected: validateProjected,
  nfs: (src, path) => {
    const errs: FieldError[] = []
    if (!src.server) errs.push(required(path.child('server')))
    if (!src.path) errs.push(required(path.child('path')))
    if (!String(src.path ?? '').startsWith('/')) errs.push(invalidValue(path.child('path'), String(src.path ?? ''), 'must be an absolute path'))
    return errs
  },
}

function validateVolumeSource(vol: Volume, path: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  let count = 0
  for (const kind of SOURCE_ORDER) {
    const src = vol[kind]
    if (src === undefined || src === null) continue
    if (count > 0) {
      errs.push(forbidden(path.child(FORBIDDEN_PATH[kind] ?? kind), 'may not specify more than 1 volume type'))
      continue
    }
    count++
    errs.push(...(SOURCE_VALIDATORS[kind]?.(src as Source, path.child(kind)) ?? []))
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'))
  return errs
}

/** Returns the pod's volume errors and the names of the valid volumes (which mounts may reference). */
export function validateVolumes(volumes: readonly Volume[] | undefined, path: FieldPath): {names: Set<string>; errs: FieldError[]} {
  const names = new Set<string>()
  const errs: FieldError[] = []
  ;(volumes ?? []).forEach((vol, i) => {
    const idxPath = path.index(i)
    const namePath = idxPath.child('name')
    const el = validateVolumeSource(vol, idxPath)
    if (!vol.name) el.push(required(namePath))
    else el.push(...invalidEach(namePath, vol.name, isDNS1123Label(vol.name)))
    if (names.has(vol.name ?? '')) el.push(duplicate(namePath, vol.name ?? ''))
    if (el.length === 0) names.add(vol.name ?? '')
    errs.push(...el)
  })
  return {names, errs}
}
