// The kubelet's timeline as a priority queue: which pod's next planned step is due first. Order is the
// step's instant, then the pod's "namespace/name" key, so that steps due at the same millisecond fire in
// a stable order. Entries are hints, never the truth: whoever changes a pod's steps pushes its new head,
// and an entry that no longer matches the pod's current first step is dropped when it surfaces. One
// queue lives for one advance of the clock, so changes made between advances need no bookkeeping.

import type {PodRuntime, PodStep} from './state.js'

interface Entry {
  at: number
  key: string
  uid: string
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.key < b.key)
}

export class StepQueue {
  private readonly heap: Entry[] = []

  constructor(private readonly runtime: Record<string, PodRuntime>) {
    for (const uid of Object.keys(runtime)) this.touch(uid)
  }

  /** Records the current first step of pod `uid` (call after any change to its steps). */
  touch(uid: string): void {
    const rt = this.runtime[uid]
    const step = rt?.steps[0]
    if (!step) return
    this.push({at: step.at, key: `${rt.namespace}/${rt.name}`, uid})
  }

  /** Returns the pod whose first step is due earliest, if that is no later than `end`. */
  nextDue(end: number): {uid: string; step: PodStep} | undefined {
    while (this.heap.length) {
      const top = this.heap[0]
      if (top.at > end) return undefined
      const rt = this.runtime[top.uid]
      const step = rt?.steps[0]
      if (step && step.at === top.at && `${rt.namespace}/${rt.name}` === top.key) return {uid: top.uid, step}
      this.pop()
    }
    return undefined
  }

  private push(entry: Entry): void {
    const heap = this.heap
    heap.push(entry)
    let i = heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(heap[i], heap[parent])) break
      ;[heap[i], heap[parent]] = [heap[parent], heap[i]]
      i = parent
    }
  }

  private pop(): void {
    const heap = this.heap
    const last = heap.pop() as Entry
    if (heap.length === 0) return
    heap[0] = last
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let best = i
      if (l < heap.length && before(heap[l], heap[best])) best = l
      if (r < heap.length && before(heap[r], heap[best])) best = r
      if (best === i) return
      ;[heap[i], heap[best]] = [heap[best], heap[i]]
      i = best
    }
  }
}
