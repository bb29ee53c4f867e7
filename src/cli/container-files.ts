// The few files of a simulated container that kbe can show: the kubelet-managed /etc/hosts, the
// /etc/resolv.conf cri-dockerd writes for dnsPolicy ClusterFirst, /etc/hostname, the service
// account's namespace file, and directory listings of `/`, the working directory and the service
// account folder, per image. Everything else does not exist (ls and cat say so, like coreutils 8.2x).
import type {Pod} from '../api/types.js'
import {canonicalImage} from '../apps/registry.js'
import {DNS_SERVICE_IP} from '../cluster/bootstrap.js'
import {searchPath} from '../net/dns.js'

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount'
const ROOT_DIRS = ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var']
const CENTOS_ROOT = ['anaconda-post.log', ...ROOT_DIRS.filter((d) => d !== 'boot'), 'boot'].sort()

function isSimpleService(image: string): boolean {
  return /simpleservice:/.test(canonicalImage(image))
}

/** Returns the working directory of an image's containers (python onbuild images work in /usr/src/app). */
export function workingDir(image: string): string {
  return isSimpleService(image) ? '/usr/src/app' : '/'
}

/** Returns the kubelet-managed /etc/hosts of a pod. */
export function hostsFile(pod: Pod): string {
  let text = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n'
  text += 'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n'
  const hostname = pod.spec.hostname ?? (pod.metadata.name as string)
  const ip = pod.status?.podIP
  if (!ip) return text
  const subdomain = pod.spec.subdomain
  const ns = pod.metadata.namespace ?? 'default'
  return text + (subdomain ? `${ip}\t${hostname}.${subdomain}.${ns}.svc.cluster.local\t${hostname}\n` : `${ip}\t${hostname}\n`)
}

/** Returns the /etc/resolv.conf of a pod with dnsPolicy ClusterFirst (as cri-dockerd rewrites it). */
export function resolvConf(pod: Pod): string {
  if (pod.spec.dnsPolicy === 'Default') return 'nameserver 10.0.2.3\n'
  return `nameserver ${DNS_SERVICE_IP}\nsearch ${searchPath(pod.metadata.namespace ?? 'default').join(' ')}\noptions ndots:5\n`
}

/** Returns a file's content, or undefined when the simulated container has no such file. */
export function readFile(pod: Pod, image: string, path: string): string | undefined {
  const files: Record<string, string> = {
    '/etc/hosts': hostsFile(pod),
    '/etc/resolv.conf': resolvConf(pod),
    '/etc/hostname': `${pod.spec.hostname ?? pod.metadata.name}\n`,
    [`${SERVICE_ACCOUNT_DIR}/namespace`]: pod.metadata.namespace ?? 'default',
  }
  if (isSimpleService(image)) files['/usr/src/app/simpleservice.py'] = '# simpleservice (not simulated byte for byte)\n'
  return files[absolute(image, path)]
}

function absolute(image: string, path: string): string {
  const dir = workingDir(image)
  const full = path.startsWith('/') ? path : `${dir === '/' ? '' : dir}/${path}`
  return full.length > 1 ? full.replace(/\/+$/, '') : full
}

/** Returns the entries of a directory (sorted as ls sorts them in the C locale), or undefined when it does not exist. */
export function listDirectory(image: string, path: string): string[] | undefined {
  const dirs: Record<string, string[]> = {
    '/': canonicalImage(image) === 'centos:7' ? CENTOS_ROOT : ROOT_DIRS,
    '/etc': ['hostname', 'hosts', 'resolv.conf'],
    [SERVICE_ACCOUNT_DIR]: ['ca.crt', 'namespace', 'token'],
  }
  if (isSimpleService(image)) dirs['/usr/src/app'] = ['Dockerfile', 'README.md', 'requirements.txt', 'simpleservice.py']
  return dirs[absolute(image, path || '.').replace(/\/\.$/, '') || '/']
}
