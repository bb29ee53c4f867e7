// What the simulated container runtime knows about images: the names docker reports, a stable digest per
// image, the size in bytes the kubelet prints after a pull, and how long a pull takes. Sizes of the
// tutorial's images are the real ones where known; any other image gets a size derived from its name,
// so the same image always reports the same size.

import {createHash} from 'node:crypto'

const KNOWN_SIZES: Record<string, number> = {
  'mhausenblas/simpleservice:0.5.0': 224716312,
  'quay.io/openshiftlabs/simpleservice:0.5.0': 224716312,
  'mhausenblas/simpleservice:0.4.0': 224711046,
  'centos:7': 203965600,
  'nginx:latest': 191695183,
  'registry.k8s.io/coredns/coredns:v1.11.3': 61800000,
}

/** Returns the image reference as docker reports it in container statuses (`nginx` → `nginx:latest`). */
export function normalizeImage(image: string): string {
  const lastSlash = image.lastIndexOf('/')
  const tail = image.slice(lastSlash + 1)
  if (tail.includes(':') || tail.includes('@')) return image
  return `${image}:latest`
}

/** Returns the repository part of an image reference (`quay.io/x/y:1` → `quay.io/x/y`). */
export function imageRepository(image: string): string {
  const lastSlash = image.lastIndexOf('/')
  const tail = image.slice(lastSlash + 1)
  const cut = tail.search(/[:@]/)
  return cut === -1 ? image : image.slice(0, lastSlash + 1 + cut)
}

/** Returns the imageID the kubelet reports for an image (docker runtime). */
export function imageID(image: string): string {
  const digest = createHash('sha256').update(`kbe-image:${normalizeImage(image)}`).digest('hex')
  return `docker-pullable://${imageRepository(image)}@sha256:${digest}`
}

/** Returns the size in bytes the kubelet reports for a pulled image. */
export function imageSize(image: string): number {
  const known = KNOWN_SIZES[normalizeImage(image)]
  if (known !== undefined) return known
  const h = createHash('sha256').update(normalizeImage(image)).digest()
  return 5_000_000 + (h.readUInt32BE(0) % 200_000_000)
}

/** Returns Go's time.Duration String() of a millisecond count (`3913` → `3.913s`, `4000` → `4s`). */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`
  const seconds = Math.floor(ms / 1000)
  const frac = ms % 1000
  const s = seconds % 60
  const m = Math.floor(seconds / 60) % 60
  const h = Math.floor(seconds / 3600)
  const secText = frac === 0 ? `${s}s` : `${s}.${String(frac).padStart(3, '0').replace(/0+$/, '')}s`
  if (h > 0) return `${h}h${m}m${secText}`
  if (m > 0) return `${m}m${secText}`
  return secText
}
