using System;
using System.Collections.Generic;

namespace ManifestTools.Model
{
    /// <summary>
    /// Anything that yields pods: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Argo Rollout and
    /// Experiment, or a bare Pod (whose own labels are its pod labels).
    /// </summary>
    public sealed class Workload : ManifestObject
    {
        public Workload(ObjectHeader header, LabelSelector? selector, LabelMap podLabels, bool isController, IReadOnlyList<Container> containers,
            IReadOnlyList<Workload>? extraPods = null, WorkloadReference? templateFrom = null, bool hasOwnPods = true)
            : base(header)
        {
            Selector = selector;
            PodLabels = podLabels;
            IsController = isController;
            Containers = containers;
            ExtraPods = extraPods ?? Array.Empty<Workload>();
            TemplateFrom = templateFrom;
            HasOwnPods = hasOwnPods && templateFrom == null;
        }

        /// <summary>spec.selector; null for Pods, and for Jobs that let the API server generate it.</summary>
        public LabelSelector? Selector { get; }

        /// <summary>The pod template's labels (a bare Pod's own labels); empty when <see cref="TemplateFrom"/> is set.</summary>
        public LabelMap PodLabels { get; }

        /// <summary>
        /// True for controllers that adopt any pod their selector matches (Deployment, ReplicaSet, StatefulSet,
        /// DaemonSet, Rollout); Jobs get generated selectors and Pods have none.
        /// </summary>
        public bool IsController { get; }

        /// <summary>The pod's <c>containers</c> (not its init containers, whose environment the service never sees).</summary>
        public IReadOnlyList<Container> Containers { get; }

        /// <summary>
        /// Pods the object creates besides those of its own template: the pods of an Argo Rollouts experiment step, or
        /// of an Experiment's templates. Each has the labels those pods carry and is not a controller.
        /// </summary>
        public IReadOnlyList<Workload> ExtraPods { get; }

        /// <summary>An Argo Rollout's <c>workloadRef</c>: its pods take the template of that workload.</summary>
        public WorkloadReference? TemplateFrom { get; }

        /// <summary>False for an Experiment, which only has <see cref="ExtraPods"/>, and for a Rollout with <c>workloadRef</c>.</summary>
        public bool HasOwnPods { get; }
    }

    /// <summary>A workload named by kind and name in the referring object's namespace.</summary>
    public sealed class WorkloadReference
    {
        public WorkloadReference(string kind, string name)
        {
            Kind = kind;
            Name = name;
        }

        public string Kind { get; }
        public string Name { get; }
    }
}
