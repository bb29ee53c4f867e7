import {Flags} from '@oclif/core'
import {KbeCommand} from '../src/cli/base-command.js'
import {runDelete, validateDelete} from '../src/cli/delete.js'
import * as shared from '../src/cli/flags.js'
import {readSources, targetsOf} from '../src/cli/manifest-source.js'
import {parseResourceArgs} from '../src/cli/resource-args.js'
import {compileSelector} from '../src/cli/selector.js'

export default class Delete extends KbeCommand {
  static description = 'Delete resources by file names, stdin, resources and names, or by resources and label selector.'
  static strict = false
  static examples = [
    '# Delete a service and a replication controller\n  kbe delete svc simpleservice\n  kbe delete rc rcsise',
    '# Delete pods with the label app=sise\n  kbe delete pods -l app=sise',
    '# Delete what a manifest describes\n  kbe delete -f https://raw.githubusercontent.com/mhausenblas/kbe/master/specs/services/rc.yaml',
  ]

  static flags = {
    namespace: shared.namespace,
    'all-namespaces': shared.allNamespaces,
    selector: shared.selector,
    filename: shared.filename,
    all: Flags.boolean({description: 'Delete all resources, in the namespace of the specified resource types.'}),
    force: Flags.boolean({description: 'If true, immediately remove resources from API and bypass graceful deletion.'}),
    'grace-period': Flags.string({description: 'Period of time in seconds given to the resource to terminate gracefully.'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Delete)
    const namespace = flags.namespace ?? 'default'
    const requests = parseResourceArgs(argv as string[])
    const files = flags.filename ?? []
    const options = {namespace, allNamespaces: flags['all-namespaces'], all: flags.all, selector: flags.selector, force: flags.force,
      gracePeriod: flags['grace-period'] === undefined ? undefined : Number(flags['grace-period'])}
    validateDelete(options, requests, files.length > 0)
    const matches = flags.selector === undefined ? undefined : compileSelector(flags.selector, requests[0]?.info)
    const sources = files.length ? await readSources(files) : {documents: [], errors: []}
    const targets = targetsOf(sources.documents, namespace)
    await this.write((cluster) => runDelete(options, requests, targets, cluster, matches, sources.errors))
  }
}
