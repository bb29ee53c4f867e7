// kubectl's resource arguments (cli-runtime's ResourceBuilder): `TYPE[,TYPE…] [NAME…]` or
// `TYPE/NAME…`, with types spelled any way discovery allows and the `all` category expanded. Returns the
// requests in the order given (which is the order groups are printed in), or throws kubectl's errors.

import {CliError} from '../api/errors.js'
import {ALL_CATEGORY, RESOURCES, resolveResource, type ResourceInfo} from '../api/registry.js'

export interface ResourceRequest {
  info: ResourceInfo
  /** Names asked for; empty means "every object of the type". */
  names: string[]
}

function resolveType(spelling: string): ResourceInfo[] {
  if (spelling.toLowerCase() === 'all') return ALL_CATEGORY.map((r) => RESOURCES.find((x) => x.resource === r) as ResourceInfo)
  const info = resolveResource(spelling)
  if (!info) throw new CliError(`the server doesn't have a resource type "${spelling}"`)
  return [info]
}

/** Returns the requests for the positional arguments of get/describe/delete/scale. */
export function parseResourceArgs(args: string[]): ResourceRequest[] {
  if (args.length === 0) return []
  if (args[0].includes('/')) return parseSlashForm(args)
  if (args.slice(1).some((a) => a.includes('/'))) {
    throw new CliError("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'")
  }
  const types = args[0].split(',')
  const infos: ResourceInfo[] = []
  for (const t of types) {
    if (t === '') throw new CliError(`the server doesn't have a resource type ""`)
    for (const info of resolveType(t)) if (!infos.includes(info)) infos.push(info)
  }
  return infos.map((info) => ({info, names: args.slice(1)}))
}

function parseSlashForm(args: string[]): ResourceRequest[] {
  const requests: ResourceRequest[] = []
  for (const arg of args) {
    if (!arg.includes('/')) {
      throw new CliError("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'")
    }
    const parts = arg.split('/')
    if (parts.length > 2) throw new CliError('arguments in resource/name form may not have more than one slash')
    const [type, name] = parts
    if (!type || !name) throw new CliError('arguments in resource/name form must have a single resource and name')
    const [info] = resolveType(type)
    // Consecutive names of one type form one group, as kubectl prints them; a type seen again later starts a new group.
    const last = requests.at(-1)
    if (last?.info === info) last.names.push(name)
    else requests.push({info, names: [name]})
  }
  return requests
}
