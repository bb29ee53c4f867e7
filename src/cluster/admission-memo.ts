// Admission of the pods a controller stamps out of one template, done in full once. The apiserver
// defaults, admits and validates every pod a ReplicationController or ReplicaSet creates, and pods from
// the same template come out identical but for their generated name and the random suffix of the
// kube-api-access volume (ServiceAccount admission). Scaling to thousands of replicas admits the first
// pod in full and derives the others from it: the same object, the same random draws in the same order
// — only defaulting, validation and field ordering are not repeated. A pod whose template already
// mentions kube-api-access, or that has no generated name, is always admitted in full.

import type {Namespace, Pod} from '../api/types.js'
import type {ObjectStore} from '../store/store.js'
import type {Random} from '../util/random.js'
import {NAME_ALPHABET} from '../util/random.js'
import {clone} from '../controllers/context.js'
import {admit, type AdmissionContext} from './admission.js'

const SA_PREFIX = 'kube-api-access-'
const GENERATED = new RegExp(`^[${NAME_ALPHABET}]{5}$`)

interface Admitted {
  pod: Pod
  /** The kube-api-access suffix the stored copy carries. */
  suffix: string
}

/** Remembers, per template (the pod minus its name), the admitted pod. One per cluster instance. */
export class AdmissionMemo {
  private readonly admitted = new Map<string, Admitted>()

  /** Returns the pod `admit(pod, ctx, false)` would return, with the same random draws. */
  admitPod(pod: Pod, ctx: AdmissionContext): Pod {
    const key = templateKey(pod)
    const known = key === undefined ? undefined : this.admitted.get(key)
    if (known && namespaceOpen(ctx.store, pod.metadata.namespace)) {
      // admit draws exactly one random value for a pod: the kube-api-access suffix.
      const derived = renamed(clone(known.pod), known.suffix, ctx.random.suffix(5))
      derived.metadata.name = pod.metadata.name
      return derived
    }
    const drawn: string[] = []
    const random: Random = {
      int: (n) => ctx.random.int(n),
      suffix: (n) => {
        const s = ctx.random.suffix(n)
        drawn.push(s)
        return s
      },
      uuid: () => ctx.random.uuid(),
      state: () => ctx.random.state(),
    }
    const admitted = admit(pod, {...ctx, random}, false) as Pod
    if (key !== undefined && drawn.length === 1) this.admitted.set(key, {pod: clone(admitted), suffix: drawn[0]})
    return admitted
  }
}

/** Returns the memo key of a controller-made pod (undefined when the pod must always be admitted in full). */
function templateKey(pod: Pod): string | undefined {
  const {name, generateName} = pod.metadata
  if (!name || !generateName || !name.startsWith(generateName.slice(0, 58)) || !GENERATED.test(name.slice(generateName.slice(0, 58).length))) return undefined
  const key = JSON.stringify({...pod, metadata: {...pod.metadata, name: undefined}})
  return key.includes(SA_PREFIX) ? undefined : key
}

/** Whether NamespaceLifecycle lets a pod in (else admit is asked, to refuse it the apiserver's way). */
function namespaceOpen(store: ObjectStore, namespace: string | undefined): boolean {
  const ns = store.find<Namespace>('namespaces', undefined, namespace ?? 'default')
  return ns !== undefined && !ns.metadata.deletionTimestamp && ns.status?.phase !== 'Terminating'
}

/** Renames the kube-api-access volume and its mounts from suffix `from` to `to`. */
function renamed(pod: Pod, from: string, to: string): Pod {
  const old = SA_PREFIX + from
  const next = SA_PREFIX + to
  for (const v of pod.spec.volumes ?? []) if (v.name === old) v.name = next
  for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
    for (const m of c.volumeMounts ?? []) if (m.name === old) m.name = next
  }
  return pod
}
