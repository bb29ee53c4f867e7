// Completing `kbe scale`: --replicas parsed the way cobra parses an int flag (with its messages), the
// resource arguments or the `-f` manifests turned into named requests.

import {CliError, RawError} from '../api/errors.js'
import {NO_RESOURCES_GIVEN} from './delete.js'
import {klogLine} from './klog.js'
import {readSources, targetsOf} from './manifest-source.js'
import {aggregateErrors} from '../io/manifests.js'
import {parseResourceArgs, type ResourceRequest} from './resource-args.js'
import type {ScaleOptions} from './scale.js'

export interface ScaleFlags {
  replicas?: string
  namespace?: string
  filename?: string[]
}

/** Returns the scale options, or throws kubectl's error for a missing or malformed flag. */
export async function completeScale(args: string[], flags: ScaleFlags, now = new Date()): Promise<ScaleOptions & {requests: ResourceRequest[]}> {
  if (flags.replicas === undefined) throw new RawError(klogLine(now, process.pid, 'run.go:72', '"command failed" err="required flag(s) \\"replicas\\" not set"'))
  if (!/^[+-]?\d+$/.test(flags.replicas)) {
    throw new RawError(`Error: invalid argument "${flags.replicas}" for "--replicas" flag: strconv.ParseInt: parsing "${flags.replicas}": invalid syntax\nSee 'kbe scale --help' for usage.\n`)
  }
  const replicas = Number(flags.replicas)
  if (replicas < 0) throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
  const namespace = flags.namespace ?? 'default'
  const requests = parseResourceArgs(args)
  if (flags.filename?.length) {
    const sources = await readSources(flags.filename)
    if (sources.errors.length) throw aggregateErrors(sources.errors)
    for (const t of targetsOf(sources.documents, namespace)) requests.push({info: t.info, names: [t.name]})
  }
  if (requests.length === 0) throw new RawError(NO_RESOURCES_GIVEN)
  return {replicas, namespace, requests}
}
