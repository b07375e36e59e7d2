using System.Collections.Generic;

namespace ManifestTools.Model
{
    /// <summary>
    /// Anything that yields pods: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Argo Rollout,
    /// or a bare Pod (whose own labels are its pod labels).
    /// </summary>
    public sealed class Workload : ManifestObject
    {
        public Workload(ObjectHeader header, LabelSelector? selector, LabelMap podLabels, bool isController, IReadOnlyList<Container> containers)
            : base(header)
        {
            Selector = selector;
            PodLabels = podLabels;
            IsController = isController;
            Containers = containers;
        }

        /// <summary>spec.selector; null for Pods, and for Jobs that let the API server generate it.</summary>
        public LabelSelector? Selector { get; }

        /// <summary>The pod template's labels (a bare Pod's own labels).</summary>
        public LabelMap PodLabels { get; }

        /// <summary>
        /// True for controllers that adopt any pod their selector matches (Deployment, ReplicaSet, StatefulSet,
        /// DaemonSet, Rollout); Jobs get generated selectors and Pods have none.
        /// </summary>
        public bool IsController { get; }

        /// <summary>The pod's <c>containers</c> (not its init containers, whose environment the service never sees).</summary>
        public IReadOnlyList<Container> Containers { get; }
    }
}
