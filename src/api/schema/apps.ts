// Known-field schemas of apps/v1 Deployment and ReplicaSet. Data only, in Go struct order as of v1.32.

import './core.js'
import {B, defineStructs, I32, I64, IOS, S, sl, st, str, T} from './types.js'

defineStructs('v1', {
  Deployment: {apiVersion: S, kind: S, metadata: st('ObjectMeta'), spec: st('DeploymentSpec'), status: st('DeploymentStatus')},
  DeploymentSpec: {
    replicas: I32,
    selector: st('LabelSelector'),
    template: st('PodTemplateSpec'),
    strategy: st('DeploymentStrategy'),
    minReadySeconds: I32,
    revisionHistoryLimit: I32,
    paused: B,
    progressDeadlineSeconds: I32,
  },
  DeploymentStrategy: {type: str('v1.DeploymentStrategyType'), rollingUpdate: st('RollingUpdateDeployment')},
  RollingUpdateDeployment: {maxUnavailable: IOS, maxSurge: IOS},
  DeploymentStatus: {
    observedGeneration: I64,
    replicas: I32,
    updatedReplicas: I32,
    readyReplicas: I32,
    availableReplicas: I32,
    unavailableReplicas: I32,
    conditions: sl(st('DeploymentCondition')),
    collisionCount: I32,
  },
  DeploymentCondition: {
    type: str('v1.DeploymentConditionType'),
    status: str('v1.ConditionStatus'),
    lastUpdateTime: T,
    lastTransitionTime: T,
    reason: S,
    message: S,
  },
  ReplicaSet: {apiVersion: S, kind: S, metadata: st('ObjectMeta'), spec: st('ReplicaSetSpec'), status: st('ReplicaSetStatus')},
  ReplicaSetSpec: {replicas: I32, minReadySeconds: I32, selector: st('LabelSelector'), template: st('PodTemplateSpec')},
  ReplicaSetStatus: {
    replicas: I32,
    fullyLabeledReplicas: I32,
    readyReplicas: I32,
    availableReplicas: I32,
    observedGeneration: I64,
    conditions: sl(st('ReplicaSetCondition')),
  },
  ReplicaSetCondition: {type: str('v1.ReplicaSetConditionType'), status: str('v1.ConditionStatus'), lastTransitionTime: T, reason: S, message: S},
})
