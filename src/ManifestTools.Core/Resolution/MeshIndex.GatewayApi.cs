using System;
using System.Collections.Generic;
using ManifestTools.Model;

namespace ManifestTools.Resolution
{
    /// <summary>The lookups of the Gateway API rules: objects by namespace and name, grants and namespace labels.</summary>
    public sealed partial class MeshIndex
    {
        /// <summary>
        /// Namespaces whose Services an installer creates (istioctl, the Istio and cluster charts): a repository's
        /// manifests reach them, and may hold some objects of theirs, but seldom the Services themselves.
        /// </summary>
        private static readonly HashSet<string> InstalledNamespaces = new HashSet<string>(StringComparer.Ordinal) { "istio-system", "kube-system" };

        private readonly Dictionary<(string Namespace, string Name), List<KubeService>> _servicesByName = new Dictionary<(string, string), List<KubeService>>();
        private readonly Dictionary<(string Namespace, string Name), List<ServiceEntry>> _entriesByName = new Dictionary<(string, string), List<ServiceEntry>>();
        private readonly Dictionary<string, List<ReferenceGrant>> _grants = new Dictionary<string, List<ReferenceGrant>>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<LabelMap>> _namespaceLabels = new Dictionary<string, List<LabelMap>>(StringComparer.Ordinal);
        private readonly HashSet<string> _kubeGatewayNamespaces = new HashSet<string>(StringComparer.Ordinal);

        public IReadOnlyList<KubeRoute> KubeRoutes { get; private set; } = Array.Empty<KubeRoute>();
        public IReadOnlyList<KubeGateway> KubeGateways { get; private set; } = Array.Empty<KubeGateway>();

        private void IndexGatewayApi(IReadOnlyList<ManifestObject> objects)
        {
            var routes = new List<KubeRoute>();
            var gateways = new List<KubeGateway>();
            foreach (var obj in objects)
            {
                switch (obj)
                {
                    case KubeRoute route:
                        routes.Add(route);
                        break;
                    case KubeGateway gateway:
                        gateways.Add(gateway);
                        _kubeGatewayNamespaces.Add(gateway.Namespace);
                        break;
                    case KubeService service:
                        AddTo(_servicesByName, (service.Namespace, service.Name), service);
                        break;
                    case ServiceEntry entry:
                        AddTo(_entriesByName, (entry.Namespace, entry.Name), entry);
                        break;
                    case ReferenceGrant grant:
                        AddTo(_grants, grant.Namespace, grant);
                        break;
                    default:
                        if (obj.Kind == "Namespace" && obj.Header.Group.Length == 0)
                        {
                            AddTo(_namespaceLabels, obj.Name, obj.Header.Labels);
                        }

                        break;
                }
            }

            KubeRoutes = routes;
            KubeGateways = gateways;
        }

        private static void AddTo<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map.Add(key, list = new List<TValue>());
            }

            list.Add(value);
        }

        /// <summary>Every definition of Service <paramref name="name"/> in <paramref name="namespace"/>.</summary>
        public IReadOnlyList<KubeService> ServicesNamed(string @namespace, string name) =>
            _servicesByName.TryGetValue((@namespace, name), out var found) ? found : (IReadOnlyList<KubeService>)Array.Empty<KubeService>();

        /// <summary>Every definition of ServiceEntry <paramref name="name"/> in <paramref name="namespace"/>.</summary>
        public IReadOnlyList<ServiceEntry> ServiceEntriesNamed(string @namespace, string name) =>
            _entriesByName.TryGetValue((@namespace, name), out var found) ? found : (IReadOnlyList<ServiceEntry>)Array.Empty<ServiceEntry>();

        /// <summary>Every definition of the Kubernetes Gateway <paramref name="name"/> in <paramref name="namespace"/>.</summary>
        public IReadOnlyList<KubeGateway> KubeGatewaysNamed(string @namespace, string name)
        {
            var found = new List<KubeGateway>();
            if (!_gateways.TryGetValue((@namespace, name), out var definitions))
            {
                return found;
            }

            foreach (var gateway in definitions)
            {
                if (gateway is KubeGateway kube)
                {
                    found.Add(kube);
                }
            }

            return found;
        }

        /// <summary>
        /// What a backendRef names: the definitions of its Service, of its Istio ServiceEntry, or of the ServiceEntries
        /// and Services whose host its Istio Hostname is. Null for a kind the linter does not resolve.
        /// </summary>
        public IReadOnlyList<HostTarget>? BackendTargets(BackendReference backend)
        {
            var targets = new List<HostTarget>();
            if (backend.IsService)
            {
                foreach (var service in ServicesNamed(backend.Namespace, backend.Name.Value))
                {
                    targets.Add(new HostTarget(service));
                }
            }
            else if (backend.Group == GatewayApi.IstioGroup && backend.Kind == "ServiceEntry")
            {
                foreach (var entry in ServiceEntriesNamed(backend.Namespace, backend.Name.Value))
                {
                    targets.Add(new HostTarget(entry));
                }
            }
            else if (backend.Group == GatewayApi.IstioGroup && backend.Kind == "Hostname")
            {
                targets.AddRange(FindExactHosts(backend.Name.Value));
            }
            else
            {
                return null;
            }

            return targets;
        }

        /// <summary>True when the input holds a Kubernetes Gateway of <paramref name="namespace"/>.</summary>
        public bool HasKubeGatewaysIn(string @namespace) => _kubeGatewayNamespaces.Contains(@namespace);

        public IReadOnlyList<ReferenceGrant> GrantsIn(string @namespace) =>
            _grants.TryGetValue(@namespace, out var found) ? found : (IReadOnlyList<ReferenceGrant>)Array.Empty<ReferenceGrant>();

        /// <summary>
        /// Whether <paramref name="selector"/> selects namespace <paramref name="namespace"/>, from the labels of its
        /// definitions in the input and the <c>kubernetes.io/metadata.name</c> label the API server gives every
        /// namespace. Null when that cannot be known: the input does not define the namespace, and the selector reads
        /// other labels, or it holds a placeholder.
        /// </summary>
        public bool? SelectsNamespace(LabelSelector selector, string @namespace)
        {
            if (Placeholders.In(selector.MatchLabels))
            {
                return null;
            }

            var nameLabel = new Label(NamespaceNameLabel, @namespace, default, default);
            if (!_namespaceLabels.TryGetValue(@namespace, out var definitions))
            {
                var named = new LabelMap(new List<Label> { nameLabel }, default);
                if (selector.Matches(named))
                {
                    return true;
                }

                foreach (var label in selector.MatchLabels)
                {
                    if (label.Key != NamespaceNameLabel)
                    {
                        return null;
                    }
                }

                foreach (var requirement in selector.MatchExpressions)
                {
                    if (requirement.Key != NamespaceNameLabel)
                    {
                        return null;
                    }
                }

                return false;
            }

            foreach (var labels in definitions)
            {
                var all = new List<Label>(labels.Count + 1) { nameLabel };
                foreach (var label in labels)
                {
                    if (label.Key != NamespaceNameLabel)
                    {
                        all.Add(label);
                    }
                }

                if (Placeholders.In(labels) || selector.Matches(new LabelMap(all, default)))
                {
                    return true;
                }
            }

            return false;
        }

        private const string NamespaceNameLabel = "kubernetes.io/metadata.name";

        /// <summary>Why the input cannot tell whether namespace <paramref name="ns"/> has a Service; null when it can.</summary>
        public string? WhyServicesUnknowable(string ns)
        {
            if (!HasNamespace(ns))
            {
                return $"nothing of namespace {ns} is in the input";
            }

            if (!HasServicesIn(ns))
            {
                return $"no Service of namespace {ns} is in the input";
            }

            if (InstalledNamespaces.Contains(ns))
            {
                return $"the Services of namespace {ns} are usually created by its installer, not by these manifests";
            }

            if (HasCustomResourcesIn(ns))
            {
                return $"namespace {ns} holds custom resources, whose operators create Services of their own";
            }

            return InputIsIncomplete is { } why ? $"{why}, which the linter does not read" : null;
        }
    }
}
