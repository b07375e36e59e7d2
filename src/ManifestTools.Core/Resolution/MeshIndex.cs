using System;
using System.Collections.Generic;
using System.Linq;
using ManifestTools.Model;

namespace ManifestTools.Resolution
{
    /// <summary>
    /// Everything the rules look up, built once in linear time: hosts by FQDN, DestinationRules by host, and pod
    /// sources by namespace and label, so matching a subset or selector never compares every pair.
    /// </summary>
    public sealed class MeshIndex
    {
        private readonly Dictionary<string, HostTarget> _hosts = new Dictionary<string, HostTarget>(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Wildcard, HostTarget Target)> _wildcardHosts = new List<(string, HostTarget)>();
        private readonly Dictionary<string, List<DestinationRule>> _rulesByHost = new Dictionary<string, List<DestinationRule>>(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Wildcard, DestinationRule Rule)> _wildcardRules = new List<(string, DestinationRule)>();
        private readonly Dictionary<string, NamespacePods> _pods = new Dictionary<string, NamespacePods>(StringComparer.Ordinal);

        // Resolved once here: several rules ask about every destination and every DestinationRule host.
        private readonly Dictionary<Destination, (string Fqdn, HostTarget? Target)> _destinations = new Dictionary<Destination, (string, HostTarget?)>();
        private readonly Dictionary<DestinationRule, string> _ruleHosts = new Dictionary<DestinationRule, string>();

        public MeshIndex(IReadOnlyList<ManifestObject> objects, LintOptions options)
        {
            Objects = objects;
            Options = options;
            Workloads = objects.OfType<Workload>().ToList();
            Services = objects.OfType<KubeService>().ToList();
            ServiceEntries = objects.OfType<ServiceEntry>().ToList();
            DestinationRules = objects.OfType<DestinationRule>().ToList();
            VirtualServices = objects.OfType<VirtualService>().ToList();

            foreach (var service in Services)
            {
                var fqdn = HostNames.ServiceFqdn(service.Name, service.Namespace, options.ClusterDomain);
                if (!_hosts.ContainsKey(fqdn))
                {
                    _hosts.Add(fqdn, new HostTarget(service));
                }
            }

            foreach (var entry in ServiceEntries)
            {
                foreach (var host in entry.Hosts)
                {
                    if (HostNames.IsWildcard(host.Value))
                    {
                        _wildcardHosts.Add((host.Value, new HostTarget(entry)));
                    }
                    else if (!_hosts.ContainsKey(host.Value))
                    {
                        _hosts.Add(host.Value, new HostTarget(entry));
                    }
                }
            }

            // The most specific wildcard wins, as in Istio.
            _wildcardHosts.Sort((a, b) => b.Wildcard.Length.CompareTo(a.Wildcard.Length));

            foreach (var rule in DestinationRules)
            {
                var host = Resolve(rule.Host.Value, rule.Namespace);
                _ruleHosts[rule] = host;
                if (HostNames.IsWildcard(host))
                {
                    _wildcardRules.Add((host, rule));
                }
                else
                {
                    if (!_rulesByHost.TryGetValue(host, out var list))
                    {
                        _rulesByHost.Add(host, list = new List<DestinationRule>());
                    }

                    list.Add(rule);
                }
            }

            foreach (var service in VirtualServices)
            {
                foreach (var route in service.Routes)
                {
                    foreach (var destination in route.Destinations)
                    {
                        AddDestination(service, destination);
                    }
                }

                foreach (var mirror in service.Mirrors)
                {
                    AddDestination(service, mirror);
                }
            }

            foreach (var workload in Workloads)
            {
                if (!_pods.TryGetValue(workload.Namespace, out var pods))
                {
                    _pods.Add(workload.Namespace, pods = new NamespacePods());
                }

                pods.Add(workload);
            }
        }

        public LintOptions Options { get; }
        public IReadOnlyList<ManifestObject> Objects { get; }
        public IReadOnlyList<Workload> Workloads { get; }
        public IReadOnlyList<KubeService> Services { get; }
        public IReadOnlyList<ServiceEntry> ServiceEntries { get; }
        public IReadOnlyList<DestinationRule> DestinationRules { get; }
        public IReadOnlyList<VirtualService> VirtualServices { get; }

        public string Resolve(string host, string referringNamespace) =>
            HostNames.Resolve(host, referringNamespace, Options.ClusterDomain);

        public string ResolvedHost(DestinationRule rule) => _ruleHosts[rule];

        /// <summary>The fully qualified host of a VirtualService's destination or mirror (short names in its namespace).</summary>
        public string ResolvedHost(Destination destination) => _destinations[destination].Fqdn;

        /// <summary>The Service or ServiceEntry a destination or mirror reaches, or null.</summary>
        public HostTarget? TargetOf(Destination destination) => _destinations[destination].Target;

        private void AddDestination(VirtualService service, Destination destination)
        {
            var fqdn = Resolve(destination.Host.Value, service.Namespace);
            _destinations[destination] = (fqdn, FindHost(fqdn));
        }

        /// <summary>The Service or ServiceEntry a fully qualified host names, or null.</summary>
        public HostTarget? FindHost(string fqdn)
        {
            if (_hosts.TryGetValue(fqdn, out var target))
            {
                return target;
            }

            foreach (var (wildcard, wildcardTarget) in _wildcardHosts)
            {
                if (HostNames.WildcardMatches(wildcard, fqdn))
                {
                    return wildcardTarget;
                }
            }

            return null;
        }

        /// <summary>
        /// The DestinationRules Istio applies to <paramref name="fqdn"/>: those for exactly that host, or else those
        /// of the most specific wildcard that covers it. A less specific rule's subsets do not apply.
        /// </summary>
        public IEnumerable<DestinationRule> DestinationRulesFor(string fqdn)
        {
            if (_rulesByHost.TryGetValue(fqdn, out var exact))
            {
                return exact;
            }

            string? best = null;
            var rules = new List<DestinationRule>();
            foreach (var (wildcard, rule) in _wildcardRules)
            {
                if ((best == null || wildcard.Length >= best.Length) && HostNames.WildcardMatches(wildcard, fqdn))
                {
                    if (best != null && !string.Equals(wildcard, best, StringComparison.OrdinalIgnoreCase))
                    {
                        rules.Clear();
                    }

                    best = wildcard;
                    rules.Add(rule);
                }
            }

            return rules;
        }

        /// <summary>Pod sources in <paramref name="namespace"/> that carry every label of <paramref name="labels"/>.</summary>
        public IEnumerable<Workload> PodsWithLabels(string @namespace, LabelMap labels) =>
            _pods.TryGetValue(@namespace, out var pods) ? pods.WithLabels(labels) : Enumerable.Empty<Workload>();

        /// <summary>Pod sources in <paramref name="namespace"/> whose pod labels <paramref name="selector"/> matches.</summary>
        public IEnumerable<Workload> PodsSelectedBy(string @namespace, LabelSelector selector) =>
            PodsWithLabels(@namespace, selector.MatchLabels).Where(w => selector.Matches(w.PodLabels));

        public IReadOnlyList<Workload> PodsIn(string @namespace) =>
            _pods.TryGetValue(@namespace, out var pods) ? pods.All : (IReadOnlyList<Workload>)Array.Empty<Workload>();

        private sealed class NamespacePods
        {
            // Keyed by the pair itself: no string is built per label, when indexing or when looking up.
            private readonly Dictionary<(string Key, string Value), List<Workload>> _byLabel = new Dictionary<(string, string), List<Workload>>();

            public List<Workload> All { get; } = new List<Workload>();

            public void Add(Workload workload)
            {
                All.Add(workload);
                foreach (var label in workload.PodLabels)
                {
                    var key = (label.Key, label.Value);
                    if (!_byLabel.TryGetValue(key, out var list))
                    {
                        _byLabel.Add(key, list = new List<Workload>());
                    }

                    list.Add(workload);
                }
            }

            /// <summary>Starts from the rarest label's posting list, then filters: cost follows the answer, not the namespace.</summary>
            public IEnumerable<Workload> WithLabels(LabelMap labels)
            {
                if (labels.Count == 0)
                {
                    return All;
                }

                List<Workload>? smallest = null;
                foreach (var label in labels)
                {
                    if (!_byLabel.TryGetValue((label.Key, label.Value), out var list))
                    {
                        return Enumerable.Empty<Workload>();
                    }

                    if (smallest == null || list.Count < smallest.Count)
                    {
                        smallest = list;
                    }
                }

                return smallest!.Where(w => labels.IsSubsetOf(w.PodLabels));
            }
        }
    }
}
