// The demo application of Kubernetes By Example, mhausenblas/simpleservice (Python 2.7, tornado
// 4.3), answering byte for byte as the real image: `/info` {host, version, from}, `/endpoint0`
// {host, version, result}, `/health` {"healthy": true} after an optional HEALTH_MIN/HEALTH_MAX
// delay, `/env` {version, env: str(os.environ)} — the 0.4.0 image has only /endpoint0 and /health.
// `host` is the raw Host header (tornado falls back to "127.0.0.1"), `from` the TCP peer, VERSION
// comes from SIMPLE_SERVICE_VERSION (default: the image's version) and the listen port from PORT0
// (default 9876; the app binds 0.0.0.0 and nothing else).
import {headerValue} from './http.js'
import {Py2Dict, py2DictRepr} from './py2-dict.js'
import {tornadoJsonEncode} from './py2-json.js'
import {healthOutcome} from './simpleservice-health.js'
import {tornadoRespond, type HandlerResult, type TornadoRoute} from './tornado.js'
import {getenv, type App, type AppContext, type ContainerEnv, type HttpRequest} from './types.js'

export type SimpleServiceVersion = '0.4.0' | '0.5.0'
export const SIMPLE_SERVICE_DEFAULT_PORT = 9876
const JSON_TYPE = 'application/json'

/** Returns the ports simpleservice listens on: PORT0 when it is a valid port number, else 9876; none when PORT0 is unusable. */
export function simpleServicePorts(env: ContainerEnv): number[] {
  const port0 = getenv(env, 'PORT0')
  if (port0 === undefined) return [SIMPLE_SERVICE_DEFAULT_PORT]
  // tornado's bind_sockets hands the string to getaddrinfo: digits only here (service names are not modelled).
  if (!/^\d+$/.test(port0)) return []
  const port = Number(port0)
  return port >= 1 && port <= 65535 ? [port] : []
}

/** Returns str(os.environ) of Python 2 for a process environment (first occurrence of a name wins, as in posixmodule.c). */
export function py2EnvironRepr(env: ContainerEnv): string {
  const dict = new Py2Dict()
  const seen = new Set<string>()
  for (const [name, value] of env) {
    if (seen.has(name)) continue
    seen.add(name)
    dict.set(name, value)
  }
  return py2DictRepr(dict)
}

function json(body: string, delayMs = 0, status?: number): HandlerResult {
  return status === undefined ? {contentType: JSON_TYPE, body, delayMs} : {contentType: JSON_TYPE, body, delayMs, status}
}

function routes(version: SimpleServiceVersion, env: ContainerEnv, ctx: AppContext): TornadoRoute[] {
  const VERSION = getenv(env, 'SIMPLE_SERVICE_VERSION') ?? version
  const host = (request: HttpRequest) => headerValue(request.headers, 'Host') || '127.0.0.1'
  const endpoint0: TornadoRoute = {
    path: '/endpoint0',
    get: (r) => json(tornadoJsonEncode([['version', VERSION], ['host', host(r)], ['result', 'all is well']])),
  }
  const health: TornadoRoute = {
    path: '/health',
    get: () => {
      const body = tornadoJsonEncode([['healthy', true]])
      const outcome = healthOutcome(env, ctx.random)
      // The except clause runs after self.write(): the body stays, the status becomes 404.
      return 'error' in outcome ? json(body, 0, 404) : json(body, outcome.delayMs)
    },
  }
  if (version === '0.4.0') return [endpoint0, health]
  const info: TornadoRoute = {
    path: '/info',
    get: (r) => json(tornadoJsonEncode([['version', VERSION], ['host', host(r)], ['from', r.peer.ip]])),
  }
  const environment: TornadoRoute = {
    path: '/env',
    get: () => json(tornadoJsonEncode([['version', VERSION], ['env', py2EnvironRepr(env)]])),
  }
  return [endpoint0, health, info, environment]
}

/** Returns the simpleservice application of the given image version. */
export function simpleService(version: SimpleServiceVersion): App {
  return {
    name: `simpleservice ${version}`,
    listensOn: simpleServicePorts,
    handle: (request, env, ctx) => tornadoRespond(routes(version, env, ctx), request, ctx.now),
  }
}
