using System.Collections.Generic;
using ManifestTools.Diagnostics;

namespace ManifestTools.Model
{
    public sealed class ContainerPort
    {
        public ContainerPort(string? name, int number, SourceSpan span)
        {
            Name = name;
            Number = number;
            Span = span;
        }

        public string? Name { get; }
        public int Number { get; }
        public SourceSpan Span { get; }
    }

    public sealed class EnvVar
    {
        public EnvVar(string name, SourceSpan span)
        {
            Name = name;
            Span = span;
        }

        public string Name { get; }
        public SourceSpan Span { get; }
    }

    public sealed class Container
    {
        public Container(string name, IReadOnlyList<ContainerPort> ports, IReadOnlyList<EnvVar> env, SourceSpan span)
        {
            Name = name;
            Ports = ports;
            Env = env;
            Span = span;
        }

        public string Name { get; }
        public IReadOnlyList<ContainerPort> Ports { get; }
        public IReadOnlyList<EnvVar> Env { get; }
        public SourceSpan Span { get; }
    }

    /// <summary>
    /// Anything that yields pods: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Argo Rollout,
    /// or a bare Pod (whose own labels are its pod labels).
    /// </summary>
    public sealed class Workload : ManifestObject
    {
        public Workload(ObjectHeader header, LabelSelector? selector, LabelMap podLabels, IReadOnlyList<Container> containers, bool isController)
            : base(header)
        {
            Selector = selector;
            PodLabels = podLabels;
            Containers = containers;
            IsController = isController;
        }

        /// <summary>spec.selector; null for Pods, and for Jobs that let the API server generate it.</summary>
        public LabelSelector? Selector { get; }

        /// <summary>The pod template's labels (a bare Pod's own labels).</summary>
        public LabelMap PodLabels { get; }

        public IReadOnlyList<Container> Containers { get; }

        /// <summary>
        /// True for controllers that adopt any pod their selector matches (Deployment, ReplicaSet, StatefulSet,
        /// DaemonSet, Rollout); Jobs get generated selectors and Pods have none.
        /// </summary>
        public bool IsController { get; }
    }
}
