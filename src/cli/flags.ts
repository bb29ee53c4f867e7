// kubectl's shared flags, defined once with kubectl's spellings and short characters. Numbers are taken
// as strings and parsed by the commands, so that a bad value gets kubectl's exact message.

import {Flags} from '@oclif/core'

export const namespace = Flags.string({char: 'n', description: 'If present, the namespace scope for this CLI request'})
export const allNamespaces = Flags.boolean({char: 'A', description: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.'})
export const selector = Flags.string({char: 'l', description: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints."})
export const output = Flags.string({char: 'o', description: 'Output format. One of: (json, yaml, name, wide).'})
export const filename = Flags.string({char: 'f', multiple: true, description: 'Filename, directory, or URL to files identifying the resource.'})
export const showLabels = Flags.boolean({description: 'When printing, show all labels as the last column (default hide labels column).'})
export const noHeaders = Flags.boolean({description: 'When using the default or custom-column output format, don\'t print headers (default print headers).'})
export const labelColumns = Flags.string({char: 'L', multiple: true, description: 'Accepts a comma separated list of labels that are going to be presented as columns.'})
export const showKind = Flags.boolean({description: 'If present, list the resource type for the requested object(s).'})
export const replicas = Flags.string({description: 'The new desired number of replicas. Required.'})
