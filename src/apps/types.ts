// What a simulated application is to the rest of kbe: something chosen by container image that
// listens on some TCP ports (decided by its own configuration, whatever `containerPort` says) and
// answers one HTTP request at a time. Requests carry the headers exactly as the client sent them
// and the TCP peer the application sees; responses carry the status line, headers in wire order,
// the body, and how long the application took (so a caller can advance its clock or time out).
import type {Random} from '../util/random.js'

/** A container's process environment in environ order (the order matters to Python 2's dict). */
export type ContainerEnv = ReadonlyArray<readonly [string, string]>

export interface HttpRequest {
  method: string
  /** The request target as sent: path plus optional `?query`. */
  target: string
  /** Header lines in the order the client sent them, names as written. */
  headers: ReadonlyArray<readonly [string, string]>
  /** The TCP peer as the application sees it (after any NAT). */
  peer: {ip: string; port: number}
  body?: string
}

export interface HttpResponse {
  status: number
  reason: string
  /** Header lines in the order the server writes them. */
  headers: [string, string][]
  /** The body bytes as text (empty for HEAD). */
  body: string
  /** Time the application spent before it finished the response, in milliseconds. */
  delayMs: number
}

export interface AppContext {
  /** The time the request arrives (Date headers). */
  now: Date
  /** The seeded random source (e.g. simpleservice's /health delay). */
  random: Random
}

export interface App {
  /** A short name for traces and messages, e.g. `simpleservice 0.5.0`. */
  name: string
  /** Returns the TCP ports the application listens on, given its container's environment. */
  listensOn(env: ContainerEnv): number[]
  /** Returns the application's response to one request. */
  handle(request: HttpRequest, env: ContainerEnv, ctx: AppContext): HttpResponse
}

/** Returns the value of the first `name` entry, or undefined (like getenv). */
export function getenv(env: ContainerEnv, name: string): string | undefined {
  return env.find(([key]) => key === name)?.[1]
}
