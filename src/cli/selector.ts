// The `-l/--selector` flag: kubectl hands the text to the apiserver, which parses it while listing one
// resource, so a parse error names that resource's GroupVersionResource. Returns a label matcher.

import {parseListSelector} from '../api/labels/selector.js'
import type {ResourceInfo} from '../api/registry.js'
import type {LabelMatcher} from './fetch.js'

/** Returns apimachinery's GroupVersionResource string, e.g. `/v1, Resource=pods`. */
export function gvrString(info: ResourceInfo | undefined): string {
  if (!info) return '/v1, Resource=pods'
  return `${info.group}/${info.version}, Resource=${info.resource}`
}

/** Returns a matcher for a selector, or throws the apiserver's BadRequest for the first resource listed. */
export function compileSelector(text: string, info: ResourceInfo | undefined): LabelMatcher {
  const selector = parseListSelector(gvrString(info), text)
  return (labels) => selector.matches(labels)
}
