// Label and label-selector text as kubectl and the API server print them: apimachinery's
// labels.FormatLabels (a label map as sorted `k=v` pairs) and metav1.FormatLabelSelector (a
// LabelSelector through LabelSelectorAsSelector and Selector.String()). Pure formatting only: this
// module neither parses selector strings nor matches labels (that belongs to src/store).

import type {LabelSelector} from '../../api/types.js'

export type {LabelSelector, LabelSelectorRequirement} from '../../api/types.js'

/** Compares strings by UTF-16 code unit, which equals Go's byte order for the ASCII of labels. */
function compareStrings(a: string, b: string): number {
  if (a < b) return -1
  return a > b ? 1 : 0
}

/** Returns a label map as kubectl prints it: `k=v` pairs sorted as whole strings, joined by `,`; `<none>` if empty. */
export function formatLabels(labels?: Record<string, string> | null): string {
  // labels.Set.String sorts the joined "k=v" strings, not the keys: "a.b=1" sorts before "a=1".
  const pairs = Object.entries(labels ?? {}).map(([key, value]) => `${key}=${value}`)
  pairs.sort(compareStrings)
  return pairs.length === 0 ? '<none>' : pairs.join(',')
}

interface Requirement {
  key: string
  operator: 'Equals' | 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
  values: string[]
}

/** Returns the requirements of a LabelSelector sorted by key, or undefined when one is invalid. */
function selectorRequirements(selector: LabelSelector): Requirement[] | undefined {
  const requirements: Requirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({key, operator: 'Equals', values: [value]}))
  for (const expression of selector.matchExpressions ?? []) {
    const values = expression.values ?? []
    switch (expression.operator) {
      case 'In':
      case 'NotIn':
        // labels.NewRequirement rejects set operators without values.
        if (values.length === 0) return undefined
        requirements.push({key: expression.key, operator: expression.operator, values})
        break
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) return undefined
        requirements.push({key: expression.key, operator: expression.operator, values})
        break
      default:
        return undefined
    }
  }
  // internalSelector.Add keeps its requirements sorted by key.
  return requirements.sort((a, b) => compareStrings(a.key, b.key))
}

/** Returns one requirement as labels.Requirement.String prints it (`k=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`). */
function formatRequirement(requirement: Requirement): string {
  // Requirement.String sorts set values on output.
  const values = [...requirement.values].sort(compareStrings).join(',')
  switch (requirement.operator) {
    case 'Equals':
      return `${requirement.key}=${values}`
    case 'In':
      return `${requirement.key} in (${values})`
    case 'NotIn':
      return `${requirement.key} notin (${values})`
    case 'Exists':
      return requirement.key
    case 'DoesNotExist':
      return `!${requirement.key}`
  }
}

/**
 * Returns metav1.LabelSelectorAsSelector(selector).String(): '' for a missing or empty selector,
 * undefined when the selector is invalid (callers print `<error>` or `<invalid>`).
 */
export function labelSelectorString(selector?: LabelSelector | null): string | undefined {
  if (!selector) return ''
  const requirements = selectorRequirements(selector)
  return requirements?.map(formatRequirement).join(',')
}

/** Returns metav1.FormatLabelSelector text: the selector string, `<none>` if empty, `<error>` if invalid. */
export function formatLabelSelector(selector?: LabelSelector | null): string {
  const text = labelSelectorString(selector)
  if (text === undefined) return '<error>'
  return text === '' ? '<none>' : text
}
