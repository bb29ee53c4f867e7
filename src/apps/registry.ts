// Which simulated application runs in a container, by image reference. Image names are matched
// after normalising the registry prefix (`docker.io/`, `docker.io/library/`) and a missing tag
// (`:latest`); a digest-pinned or unknown image runs no application at all, so its container
// listens on nothing (a shell image such as centos:7 is in that case too).
import {NGINX_APP} from './nginx.js'
import {simpleService} from './simpleservice.js'
import type {App} from './types.js'

const SIMPLE_SERVICE_05 = simpleService('0.5.0')
const SIMPLE_SERVICE_04 = simpleService('0.4.0')

const BY_IMAGE: Record<string, App> = {
  'mhausenblas/simpleservice:0.5.0': SIMPLE_SERVICE_05,
  'quay.io/openshiftlabs/simpleservice:0.5.0': SIMPLE_SERVICE_05,
  'quay.io/mhausenblas/simpleservice:0.5.0': SIMPLE_SERVICE_05,
  'mhausenblas/simpleservice:0.4.0': SIMPLE_SERVICE_04,
}

/** Returns an image reference without `docker.io/[library/]` and with `:latest` when untagged. */
export function canonicalImage(image: string): string {
  let name = image.trim().replace(/^docker\.io\//, '').replace(/^library\//, '')
  const tail = name.slice(name.lastIndexOf('/') + 1)
  if (!tail.includes(':') && !tail.includes('@')) name = `${name}:latest`
  return name
}

/** Returns the simulated application of an image, or undefined when the image runs none. */
export function appForImage(image: string): App | undefined {
  const name = canonicalImage(image)
  if (BY_IMAGE[name]) return BY_IMAGE[name]
  const repository = name.replace(/[:@].*$/, '')
  if (repository === 'nginx' && !name.includes('@')) return NGINX_APP
  return undefined
}

/** Returns the ports a container listens on: those of its image's application, whatever containerPort says. */
export function containerListensOn(image: string, env: Parameters<App['listensOn']>[0]): number[] {
  return appForImage(image)?.listensOn(env) ?? []
}
