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
    public sealed partial class MeshIndex
    {
        // Every definition of a host: the same Service in several files (variants, cluster folders) is one host whose
        // definitions are alternatives, so a reference is satisfied when any of them satisfies it.
        private readonly Dictionary<string, List<HostTarget>> _hosts = new Dictionary<string, List<HostTarget>>(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Wildcard, HostTarget Target)> _wildcardHosts = new List<(string, HostTarget)>();
        private readonly HashSet<string> _serviceNamespaces = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _namespaces = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _customResourceNamespaces = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<Workload, IReadOnlyList<Workload>> _templateSources = new Dictionary<Workload, IReadOnlyList<Workload>>();
        private readonly Dictionary<string, List<DestinationRule>> _rulesByHost = new Dictionary<string, List<DestinationRule>>(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Wildcard, DestinationRule Rule)> _wildcardRules = new List<(string, DestinationRule)>();
        private readonly Dictionary<string, NamespacePods> _pods = new Dictionary<string, NamespacePods>(StringComparer.Ordinal);

        // Resolved once here: several rules ask about every destination and every DestinationRule host.
        private readonly Dictionary<Destination, (string Fqdn, IReadOnlyList<HostTarget> Targets)> _destinations =
            new Dictionary<Destination, (string, IReadOnlyList<HostTarget>)>();
        private readonly Dictionary<DestinationRule, string> _ruleHosts = new Dictionary<DestinationRule, string>();

        // Each VirtualService's own hosts resolved, and the namespaces its routes apply in: several rules ask per destination.
        private readonly Dictionary<VirtualService, (IReadOnlyList<string> Hosts, IReadOnlyList<string>? Scope)> _services =
            new Dictionary<VirtualService, (IReadOnlyList<string>, IReadOnlyList<string>?)>();

        // Gateways by namespace/name: Istio's and the Kubernetes Gateway API's, each with every definition in the input.
        private readonly Dictionary<(string Namespace, string Name), List<ManifestObject>> _gateways = new Dictionary<(string, string), List<ManifestObject>>();
        private readonly Dictionary<string, List<ManifestObject>> _gatewaysByNamespace = new Dictionary<string, List<ManifestObject>>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ManifestObject>> _gatewaysByName = new Dictionary<string, List<ManifestObject>>(StringComparer.Ordinal);

        public MeshIndex(IReadOnlyList<ManifestObject> objects, LintOptions options, string? inputIsIncomplete = null)
        {
            Objects = objects;
            Options = options;
            InputIsIncomplete = inputIsIncomplete;
            Workloads = objects.OfType<Workload>().ToList();
            Services = objects.OfType<KubeService>().ToList();
            ServiceEntries = objects.OfType<ServiceEntry>().ToList();
            DestinationRules = objects.OfType<DestinationRule>().ToList();
            VirtualServices = objects.OfType<VirtualService>().ToList();
            IstioGateways = objects.OfType<IstioGateway>().ToList();

            foreach (var obj in objects)
            {
                _namespaces.Add(obj.Namespace);
                if (IsCustomResource(obj))
                {
                    _customResourceNamespaces.Add(obj.Namespace);
                }
            }

            foreach (var service in Services)
            {
                _serviceNamespaces.Add(service.Namespace);
                AddHost(HostNames.ServiceFqdn(service.Name, service.Namespace, options.ClusterDomain), new HostTarget(service));
            }

            foreach (var entry in ServiceEntries)
            {
                foreach (var host in entry.Hosts)
                {
                    if (HostNames.IsWildcard(host.Value))
                    {
                        _wildcardHosts.Add((host.Value, new HostTarget(entry)));
                    }
                    else
                    {
                        AddHost(host.Value, new HostTarget(entry));
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
                var scope = ComputeScope(service);
                var hosts = new string[service.Hosts.Count];
                for (int i = 0; i < hosts.Length; i++)
                {
                    hosts[i] = Resolve(service.Hosts[i].Value, service.Namespace);
                }

                _services[service] = (hosts, scope);
                foreach (var route in service.Routes)
                {
                    foreach (var destination in route.Destinations)
                    {
                        AddDestination(service, scope, destination);
                    }
                }

                foreach (var mirror in service.Mirrors)
                {
                    AddDestination(service, scope, mirror);
                }
            }

            foreach (var obj in objects)
            {
                if (obj is IstioGateway || obj is KubeGateway)
                {
                    var key = (obj.Namespace, obj.Name);
                    if (!_gateways.TryGetValue(key, out var definitions))
                    {
                        _gateways.Add(key, definitions = new List<ManifestObject>());
                    }

                    definitions.Add(obj);
                    AddTo(_gatewaysByNamespace, obj.Namespace, obj);
                    AddTo(_gatewaysByName, obj.Name, obj);
                }
            }

            IndexGatewayApi(objects);

            foreach (var workload in Workloads)
            {
                if (!_pods.TryGetValue(workload.Namespace, out var pods))
                {
                    _pods.Add(workload.Namespace, pods = new NamespacePods());
                }

                if (workload.HasOwnPods)
                {
                    pods.Add(workload);
                }

                if (workload.TemplateFrom == null)
                {
                    foreach (var extra in workload.ExtraPods)
                    {
                        pods.Add(extra);
                    }
                }
            }

            // A Rollout's workloadRef is resolved once every workload is known: its pods carry the referenced template.
            foreach (var workload in Workloads)
            {
                if (workload.TemplateFrom is { } reference)
                {
                    var referenced = Workloads
                        .Where(w => w.HasOwnPods && w.Namespace == workload.Namespace && w.Kind == reference.Kind && w.Name == reference.Name)
                        .ToList();
                    var sources = referenced.Select(w => new Workload(workload.Header, workload.Selector, w.PodLabels, isController: false, w.Containers)).ToList();
                    _templateSources[workload] = sources;
                    foreach (var source in sources)
                    {
                        _pods[workload.Namespace].Add(source);
                    }

                    // Experiment pods: the referenced template with each step template's own labels on top.
                    foreach (var extra in workload.ExtraPods)
                    {
                        foreach (var template in referenced)
                        {
                            _pods[workload.Namespace].Add(new Workload(workload.Header, extra.Selector, extra.PodLabels.Over(template.PodLabels), isController: false, template.Containers));
                        }
                    }
                }
            }
        }

        private void AddHost(string fqdn, HostTarget target)
        {
            if (!_hosts.TryGetValue(fqdn, out var list))
            {
                _hosts.Add(fqdn, list = new List<HostTarget>());
            }

            list.Add(target);
        }

        /// <summary>
        /// The pod templates of a Rollout with <c>workloadRef</c>: one per definition of the referenced workload in the
        /// input, none when it is not in the input.
        /// </summary>
        public IReadOnlyList<Workload> ReferencedTemplates(Workload rollout) =>
            _templateSources.TryGetValue(rollout, out var sources) ? sources : (IReadOnlyList<Workload>)Array.Empty<Workload>();

        /// <summary>A host that <c>external.hosts</c> of the configuration declares (exactly, or by a <c>*.</c> wildcard).</summary>
        public bool IsExternalHost(string fqdn) =>
            Options.Config != null && Options.Config.ExternalHosts.Any(h => string.Equals(h, fqdn, StringComparison.OrdinalIgnoreCase) ||
                                                                            (HostNames.IsWildcard(h) && HostNames.WildcardMatches(h, fqdn)));

        /// <summary>A namespace that <c>external.namespaces</c> of the configuration declares: its objects live elsewhere.</summary>
        public bool IsExternalNamespace(string @namespace) =>
            Options.Config != null && Options.Config.ExternalNamespaces.Contains(@namespace, StringComparer.Ordinal);

        /// <summary>Why the input is known to lack objects that will be applied (a chart not rendered), or null.</summary>
        public string? InputIsIncomplete { get; }

        /// <summary>True when <paramref name="namespace"/> holds an object of a kind an operator serves (a Kafka, a Knative Service).</summary>
        public bool HasCustomResourcesIn(string @namespace) => _customResourceNamespaces.Contains(@namespace);

        /// <summary>Kinds outside Kubernetes' own groups and the meshes' and controllers' this linter reads.</summary>
        private static bool IsCustomResource(ManifestObject obj)
        {
            var group = obj.Header.Group;
            return group.IndexOf('.') >= 0 && !group.EndsWith(".k8s.io", StringComparison.Ordinal) &&
                   !group.EndsWith(".istio.io", StringComparison.Ordinal) && group != "argoproj.io";
        }

        /// <summary>True when the input holds some object of <paramref name="namespace"/>.</summary>
        public bool HasNamespace(string @namespace) => _namespaces.Contains(@namespace);

        /// <summary>True when the input holds a Service of <paramref name="namespace"/>.</summary>
        public bool HasServicesIn(string @namespace) => _serviceNamespaces.Contains(@namespace);

        public LintOptions Options { get; }
        public IReadOnlyList<ManifestObject> Objects { get; }
        public IReadOnlyList<Workload> Workloads { get; }
        public IReadOnlyList<KubeService> Services { get; }
        public IReadOnlyList<ServiceEntry> ServiceEntries { get; }
        public IReadOnlyList<DestinationRule> DestinationRules { get; }
        public IReadOnlyList<VirtualService> VirtualServices { get; }
        public IReadOnlyList<IstioGateway> IstioGateways { get; }

        /// <summary>
        /// Every definition of the gateway a VirtualService of <paramref name="referringNamespace"/> names, as Istio
        /// resolves the reference: <c>ns/name</c> (<c>./name</c> in its own namespace), a short name in its own
        /// namespace, or the legacy <c>name.ns.svc.cluster.local</c>. Empty when the input defines none.
        /// </summary>
        public IReadOnlyList<ManifestObject> FindGateways(string reference, string referringNamespace) =>
            _gateways.TryGetValue(GatewayKey(reference, referringNamespace), out var found) ? found : (IReadOnlyList<ManifestObject>)Array.Empty<ManifestObject>();

        /// <summary>The namespace and name a gateway reference of <paramref name="referringNamespace"/> means (pilot's resolveGatewayName).</summary>
        public static (string Namespace, string Name) GatewayKey(string reference, string referringNamespace)
        {
            int slash = reference.IndexOf('/');
            if (slash >= 0)
            {
                var ns = reference.Substring(0, slash);
                return (ns == "." ? referringNamespace : ns, reference.Substring(slash + 1));
            }

            int dot = reference.IndexOf('.');
            if (dot < 0)
            {
                return (referringNamespace, reference);
            }

            var rest = reference.Substring(dot + 1);
            int next = rest.IndexOf('.');
            return (next < 0 ? rest : rest.Substring(0, next), reference.Substring(0, dot));
        }

        /// <summary>The Gateways (Istio's and the Gateway API's) of <paramref name="namespace"/>, in input order.</summary>
        public IReadOnlyList<ManifestObject> GatewaysIn(string @namespace) =>
            _gatewaysByNamespace.TryGetValue(@namespace, out var found) ? found : (IReadOnlyList<ManifestObject>)Array.Empty<ManifestObject>();

        /// <summary>The Gateways named <paramref name="name"/>, in every namespace.</summary>
        public IReadOnlyList<ManifestObject> GatewaysNamed(string name) =>
            _gatewaysByName.TryGetValue(name, out var found) ? found : (IReadOnlyList<ManifestObject>)Array.Empty<ManifestObject>();

        public string Resolve(string host, string referringNamespace) =>
            HostNames.Resolve(host, referringNamespace, Options.ClusterDomain);

        /// <summary>
        /// The namespaces whose proxies apply a VirtualService's routes, and so whose view of hosts and DestinationRules
        /// counts: its own namespace when it is exported everywhere, or the namespaces it is exported to. Null for one
        /// bound only to gateways: the gateway pods' namespace (istio-system, istio-ingress…) is not the Gateway
        /// object's, and the manifests do not say which it is, so a host seen anywhere counts.
        /// </summary>
        public IReadOnlyList<string>? ScopeOf(VirtualService service) => _services[service].Scope;

        /// <summary>The VirtualService's hosts, each resolved as Istio resolves it (short names in its namespace), in order.</summary>
        public IReadOnlyList<string> HostsOf(VirtualService service) => _services[service].Hosts;

        private static IReadOnlyList<string>? ComputeScope(VirtualService service) =>
            service.IsBoundToMesh ? service.ExportTo.Scope(service.Namespace) : null;

        /// <summary>True when <paramref name="fqdn"/> is one of the VirtualService's own hosts: a handful, so a scan.</summary>
        public bool IsHostOf(VirtualService service, string fqdn)
        {
            foreach (var host in HostsOf(service))
            {
                if (string.Equals(host, fqdn, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        public string ResolvedHost(DestinationRule rule) => _ruleHosts[rule];

        /// <summary>The fully qualified host of a VirtualService's destination or mirror (short names in its namespace).</summary>
        public string ResolvedHost(Destination destination) => _destinations[destination].Fqdn;

        /// <summary>The Service or ServiceEntry a destination or mirror reaches (its first definition), or null.</summary>
        public HostTarget? TargetOf(Destination destination)
        {
            var targets = _destinations[destination].Targets;
            return targets.Count > 0 ? targets[0] : null;
        }

        /// <summary>
        /// Every definition of what a destination or mirror reaches, among those its VirtualService's namespaces see
        /// (exportTo of both); empty when nothing does.
        /// </summary>
        public IReadOnlyList<HostTarget> TargetsOf(Destination destination) => _destinations[destination].Targets;

        /// <summary>
        /// The namespaces whose proxies use a DestinationRule for its host: every namespace it is exported to when it
        /// sits beside the host or in the root namespace (null when that is every namespace), else its own namespace only.
        /// </summary>
        public IReadOnlyList<string>? ScopeOf(DestinationRule rule) =>
            ServesWhereExported(rule, HostNames.ClusterNamespace(ResolvedHost(rule), Options.ClusterDomain))
                ? rule.ExportTo.ScopeOrEverywhere(rule.Namespace)
                : new[] { rule.Namespace };

        /// <summary>
        /// Every definition of the Service or ServiceEntry a DestinationRule's host names that a proxy using the rule
        /// sees (<see cref="ServesWhereExported"/>, judged for each definition's own namespace).
        /// </summary>
        public IReadOnlyList<HostTarget> TargetsOf(DestinationRule rule) => FindHosts(ResolvedHost(rule), new Visibility(null, rule));

        /// <summary>
        /// Pilot looks a rule up in the proxy's namespace, then in the host's namespace, then in the root namespace: so a
        /// rule beside its host, or in istio-system, serves every namespace it is exported to, and any other rule serves
        /// its own namespace only.
        /// </summary>
        private static bool ServesWhereExported(DestinationRule rule, string? hostNamespace) =>
            hostNamespace == rule.Namespace || rule.Namespace == RootNamespace;

        /// <summary>The mesh's root namespace (meshConfig.rootNamespace), whose rules apply to every namespace.</summary>
        private const string RootNamespace = "istio-system";

        private void AddDestination(VirtualService service, IReadOnlyList<string>? scope, Destination destination)
        {
            var fqdn = Resolve(destination.Host.Value, service.Namespace);
            _destinations[destination] = (fqdn, FindHosts(fqdn, scope));
        }

        /// <summary>
        /// Every definition of the Services and ServiceEntries a fully qualified host names that a sidecar of some
        /// namespace in <paramref name="scope"/> sees (null: any namespace), in input order. A ServiceEntry for <c>*</c>
        /// exported to its own namespace hides no unknown host of another.
        /// </summary>
        public IReadOnlyList<HostTarget> FindHosts(string fqdn, IReadOnlyList<string>? scope) => FindHosts(fqdn, new Visibility(scope, null));

        /// <summary>
        /// Who is looking: the namespaces of a scope, or a DestinationRule, whose scope depends on each definition's
        /// namespace (<see cref="ServesWhereExported"/>). A struct, so that every destination's lookup allocates nothing
        /// when, as usual, every definition is exported everywhere.
        /// </summary>
        private readonly struct Visibility
        {
            private readonly IReadOnlyList<string>? _scope;
            private readonly DestinationRule? _rule;
            private readonly IReadOnlyList<string>? _own;

            public Visibility(IReadOnlyList<string>? scope, DestinationRule? rule)
            {
                _rule = rule;
                _scope = rule != null ? rule.ExportTo.ScopeOrEverywhere(rule.Namespace) : scope;
                _own = rule != null ? new[] { rule.Namespace } : null;
            }

            /// <summary>No namespace is known to look from: any that sees the host counts.</summary>
            public bool FromAnywhere => _scope == null;

            public bool Sees(HostTarget target) =>
                target.IsVisibleToAny(_rule == null || ServesWhereExported(_rule, target.Object.Namespace) ? _scope : _own);
        }

        private IReadOnlyList<HostTarget> FindHosts(string fqdn, Visibility visibility)
        {
            if (_hosts.TryGetValue(fqdn, out var targets))
            {
                int seen = 0;
                foreach (var target in targets)
                {
                    if (visibility.Sees(target))
                    {
                        seen++;
                    }
                }

                if (seen == targets.Count)
                {
                    return targets;
                }

                if (seen > 0)
                {
                    var visible = new List<HostTarget>(seen);
                    foreach (var target in targets)
                    {
                        if (visibility.Sees(target))
                        {
                            visible.Add(target);
                        }
                    }

                    return visible;
                }
            }

            // A catch-all entry kept in its own namespace (hosts *, exportTo .) stands for no host of a reference whose
            // namespace is not known: seen from anywhere, a wildcard counts only when it is exported everywhere.
            foreach (var (wildcard, wildcardTarget) in _wildcardHosts)
            {
                if (HostNames.WildcardMatches(wildcard, fqdn) && visibility.Sees(wildcardTarget) &&
                    (!visibility.FromAnywhere || wildcardTarget.ExportTo.IsEverywhere))
                {
                    return new[] { wildcardTarget };
                }
            }

            return Array.Empty<HostTarget>();
        }

        /// <summary>The Services and ServiceEntries that name <paramref name="fqdn"/> itself, not through a wildcard, seen from anywhere.</summary>
        public IReadOnlyList<HostTarget> FindExactHosts(string fqdn) =>
            _hosts.TryGetValue(fqdn, out var targets) ? targets : (IReadOnlyList<HostTarget>)Array.Empty<HostTarget>();

        /// <summary>
        /// The DestinationRules Istio applies to <paramref name="fqdn"/>: those for exactly that host, or else those
        /// of the most specific wildcard that covers it. A less specific rule's subsets do not apply. For proxies of the
        /// namespaces in <paramref name="scope"/>, rules are looked up in pilot's order: the proxy namespace's own rules,
        /// then those of the host's namespace and of the root namespace exported to it. A rule of another namespace that
        /// is exported to it counts only when neither holds one: pilot would not use it, but a repository may apply it
        /// to a root namespace of another name, so it is not taken for missing. Every rule counts when the scope is null.
        /// </summary>
        public IEnumerable<DestinationRule> DestinationRulesFor(string fqdn, IReadOnlyList<string>? scope)
        {
            _rulesByHost.TryGetValue(fqdn, out var exact);
            if (scope == null)
            {
                return exact ?? MostSpecificWildcardRules(fqdn);
            }

            // Wildcard rules are gathered only when the exact ones do not answer: most hosts have an exact rule.
            var hostNamespace = HostNames.ClusterNamespace(fqdn, Options.ClusterDomain);
            List<DestinationRule>? wildcards = null;
            foreach (var lookup in Lookups)
            {
                if (exact != null && Applied(exact, scope, hostNamespace, lookup) is { Count: > 0 } applied)
                {
                    return applied;
                }

                wildcards ??= MostSpecificWildcardRules(fqdn);
                if (wildcards.Count > 0 && Applied(wildcards, scope, hostNamespace, lookup) is { Count: > 0 } covering)
                {
                    return covering;
                }
            }

            return Array.Empty<DestinationRule>();
        }

        /// <summary>Where pilot looks for a proxy's rule, in its order, and last the rules it would not use.</summary>
        private enum Lookup
        {
            ProxyNamespace,
            HostOrRootNamespace,
            Exported,
        }

        private static readonly Lookup[] Lookups = { Lookup.ProxyNamespace, Lookup.HostOrRootNamespace, Lookup.Exported };

        private List<DestinationRule> MostSpecificWildcardRules(string fqdn)
        {
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

        /// <summary>The rules of <paramref name="candidates"/> a proxy of the scope finds at this step; the list itself when all are.</summary>
        private static IReadOnlyList<DestinationRule> Applied(List<DestinationRule> candidates, IReadOnlyList<string> scope, string? hostNamespace, Lookup lookup)
        {
            int used = 0;
            foreach (var rule in candidates)
            {
                if (UsedByAny(rule, scope, hostNamespace, lookup))
                {
                    used++;
                }
            }

            if (used == candidates.Count || used == 0)
            {
                return used == 0 ? (IReadOnlyList<DestinationRule>)Array.Empty<DestinationRule>() : candidates;
            }

            var applied = new List<DestinationRule>(used);
            foreach (var rule in candidates)
            {
                if (UsedByAny(rule, scope, hostNamespace, lookup))
                {
                    applied.Add(rule);
                }
            }

            return applied;
        }

        private static bool UsedByAny(DestinationRule rule, IReadOnlyList<string> scope, string? hostNamespace, Lookup lookup)
        {
            foreach (var ns in scope)
            {
                bool used = lookup switch
                {
                    Lookup.ProxyNamespace => rule.Namespace == ns,
                    // An external host has no namespace of its own: an exported rule of any namespace may serve it.
                    Lookup.HostOrRootNamespace => (hostNamespace == null || ServesWhereExported(rule, hostNamespace)) &&
                                                  rule.ExportTo.IsVisibleTo(rule.Namespace, ns),
                    _ => rule.ExportTo.IsVisibleTo(rule.Namespace, ns),
                };
                if (used)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Pod sources in <paramref name="namespace"/> that carry every label of <paramref name="labels"/>.</summary>
        public IEnumerable<Workload> PodsWithLabels(string @namespace, LabelMap labels) =>
            _pods.TryGetValue(@namespace, out var pods) ? pods.WithLabels(labels) : Enumerable.Empty<Workload>();

        /// <summary>Pod sources in <paramref name="namespace"/> whose pod labels <paramref name="selector"/> matches.</summary>
        public IEnumerable<Workload> PodsSelectedBy(string @namespace, LabelSelector selector) =>
            PodsWithLabels(@namespace, selector.MatchLabels).Where(w => selector.Matches(w.PodLabels));

        /// <summary>
        /// True when a pod template of <paramref name="namespace"/> may carry <paramref name="labels"/> once its
        /// placeholders are replaced (<c>version: ${VERSION}</c> for version=v2), so whether they are carried cannot be known.
        /// </summary>
        public bool MayCarry(string @namespace, LabelMap labels)
        {
            if (!_pods.TryGetValue(@namespace, out var pods))
            {
                return false;
            }

            foreach (var pod in pods.WithPlaceholders)
            {
                bool may = true;
                foreach (var label in labels)
                {
                    if (!(pod.PodLabels.TryGetValue(label.Key, out var value) ? value == label.Value || Placeholders.In(value) : AnyPlaceholderKey(pod.PodLabels)))
                    {
                        may = false;
                        break;
                    }
                }

                if (may)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AnyPlaceholderKey(LabelMap labels)
        {
            foreach (var label in labels)
            {
                if (Placeholders.In(label.Key))
                {
                    return true;
                }
            }

            return false;
        }

        public IReadOnlyList<Workload> PodsIn(string @namespace) =>
            _pods.TryGetValue(@namespace, out var pods) ? pods.All : (IReadOnlyList<Workload>)Array.Empty<Workload>();

        private sealed class NamespacePods
        {
            // Keyed by the pair itself: no string is built per label, when indexing or when looking up.
            private readonly Dictionary<(string Key, string Value), List<Workload>> _byLabel = new Dictionary<(string, string), List<Workload>>();

            public List<Workload> All { get; } = new List<Workload>();

            /// <summary>Pod sources with a placeholder label; few, so each question about them is a scan.</summary>
            public List<Workload> WithPlaceholders { get; } = new List<Workload>();

            public void Add(Workload workload)
            {
                All.Add(workload);
                if (Placeholders.In(workload.PodLabels))
                {
                    WithPlaceholders.Add(workload);
                }

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
