// Known-field schemas of meta/v1 (ObjectMeta, OwnerReference, LabelSelector, Condition). Data only:
// field order is Go struct order; see types.ts for the model.

import {anyValue, B, defineStructs, I64, mp, S, sl, st, str, T} from './types.js'

defineStructs('v1', {
  ObjectMeta: {
    name: S,
    generateName: S,
    namespace: S,
    selfLink: S,
    uid: str('types.UID'),
    resourceVersion: S,
    generation: I64,
    creationTimestamp: T,
    deletionTimestamp: T,
    deletionGracePeriodSeconds: I64,
    labels: mp(),
    annotations: mp(),
    ownerReferences: sl(st('OwnerReference')),
    finalizers: sl(S),
    managedFields: sl(anyValue('v1.ManagedFieldsEntry')),
  },
  OwnerReference: {
    apiVersion: S,
    kind: S,
    name: S,
    uid: str('types.UID'),
    controller: B,
    blockOwnerDeletion: B,
  },
  LabelSelector: {
    matchLabels: mp(),
    matchExpressions: sl(st('LabelSelectorRequirement')),
  },
  LabelSelectorRequirement: {
    key: S,
    operator: str('v1.LabelSelectorOperator'),
    values: sl(S),
  },
  Condition: {
    type: S,
    status: str('v1.ConditionStatus'),
    observedGeneration: I64,
    lastTransitionTime: T,
    reason: S,
    message: S,
  },
})
