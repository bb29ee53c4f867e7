// `kbe rollout history deploy/NAME [--revision=N]`: the revisions of a Deployment (one per ReplicaSet
// it controls) with their change-cause, laid out by the describe tabwriter after a `deployment.apps/NAME `
// line (kubectl's name printer leaves the trailing space); with --revision, that revision's pod template
// as kubectl's printTemplate writes it — a PrefixWriter straight into a buffer, so tabs stay raw.

import {CliError} from '../api/errors.js'
import type {PodTemplateSpec} from '../api/types.js'
import type {Cluster} from '../cluster/cluster.js'
import {CHANGE_CAUSE} from '../controllers/deployment-util.js'
import {writePodTemplate} from '../printers/describe/pod-template.js'
import {PrefixWriter} from '../printers/describe/writer.js'
import {DESCRIBE_TABWRITER, formatTabbed} from '../util/tabwriter.js'
import {CommandOutput} from './output.js'
import {findDeployment, historyOf, rolloutName, rolloutTargets} from './rollout.js'

/** A PrefixWriter without the tabwriter: what kubectl's printTemplate produces. */
class RawPrefixWriter extends PrefixWriter {
  private text = ''

  override write(level: number, text: string): void {
    this.text += '  '.repeat(level) + text
  }

  override flush(): void {}

  override toString(): string {
    return this.text
  }
}

/** Returns a revision's pod template block (raw tabs), with the change-cause copied onto the template. */
export function formatRevisionTemplate(template: PodTemplateSpec, changeCause?: string): string {
  const copy = structuredClone(template)
  if (changeCause) copy.metadata = {...(copy.metadata ?? {}), annotations: {...(copy.metadata?.annotations ?? {}), [CHANGE_CAUSE]: changeCause}}
  const w = new RawPrefixWriter()
  writePodTemplate(w, copy)
  return w.toString()
}

export interface HistoryOptions {
  namespace: string
  revision?: number
}

/** Runs `kbe rollout history`. */
export function runRolloutHistory(options: HistoryOptions, args: string[], cluster: Cluster): CommandOutput {
  const result = new CommandOutput()
  for (const target of rolloutTargets(args)) {
    try {
      const d = findDeployment(cluster, target, options.namespace, 'history')
      const history = historyOf(cluster, d)
      const name = rolloutName(target.info, target.name)
      if (options.revision) {
        const rs = history.get(options.revision)
        if (!rs?.spec.template) throw new CliError('unable to find the specified revision')
        result.out(`${name} with revision #${options.revision}\n${formatRevisionTemplate(rs.spec.template, rs.metadata.annotations?.[CHANGE_CAUSE])}\n`)
        continue
      }
      if (history.size === 0) {
        result.out(`${name} \nNo rollout history found.\n`)
        continue
      }
      const rows = [...history.entries()].map(([rev, rs]) => `${rev}\t${rs.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`)
      result.out(`${name} \n${formatTabbed(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, DESCRIBE_TABWRITER)}\n`)
    } catch (error) {
      result.fail(error)
    }
  }
  return result
}
