using System.Collections.Generic;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1016: two VirtualServices bound to the mesh define one host in namespaces that see each other. Hosts are
    /// indexed by FQDN, and within a host by the namespaces that see each definition, so each VirtualService is compared
    /// only with the first earlier one seen where it is seen: the cost follows the input, not its square.
    /// </summary>
    public sealed class MeshHostConflictRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.ConflictingMeshHosts;

        public void Check(RuleContext context)
        {
            var index = context.Index;
            var hosts = new Dictionary<string, Host>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var service in index.VirtualServices)
            {
                if (!service.IsBoundToMesh)
                {
                    continue;
                }

                var resolved = index.HostsOf(service);
                for (int i = 0; i < resolved.Count; i++)
                {
                    var written = service.Hosts[i];
                    if (Placeholders.In(written.Value))
                    {
                        continue;
                    }

                    var fqdn = resolved[i];
                    if (!hosts.TryGetValue(fqdn, out var host))
                    {
                        hosts.Add(fqdn, host = new Host());
                    }

                    var definition = (service, written);
                    if (host.FirstConflict(definition, out var seenFrom) is { } earlier)
                    {
                        var severity = Describe.InOneFolder(service, earlier.Service) ? Severity.Error : Severity.Warning;
                        context.Report(service, written.Span, severity, service.Ref.ToString(), earlier.Service.Ref.ToString(), fqdn, seenFrom);
                        if (host.MarkReported(earlier.Service))
                        {
                            context.Report(earlier.Service, earlier.Host.Span, severity, earlier.Service.Ref.ToString(), service.Ref.ToString(), fqdn, seenFrom);
                        }

                        host.MarkReported(service);
                    }

                    host.Add(definition);
                }
            }
        }

        /// <summary>The mesh VirtualServices of one host so far, by the namespaces that see them.</summary>
        private sealed class Host
        {
            private (VirtualService Service, Located<string> Host)? _everywhere;
            private (VirtualService Service, Located<string> Host)? _first;

            // Most hosts have one VirtualService, exported everywhere: these stay null for them.
            private Dictionary<string, (VirtualService Service, Located<string> Host)>? _byNamespace;
            private HashSet<VirtualService>? _reported;

            /// <summary>Records that <paramref name="service"/> was reported for this host; false when it already was.</summary>
            public bool MarkReported(VirtualService service) => (_reported ??= new HashSet<VirtualService>()).Add(service);

            public void Add((VirtualService Service, Located<string> Host) definition)
            {
                if (definition.Service.ExportTo.IsEverywhere)
                {
                    _everywhere ??= definition;
                    _first ??= definition;
                    return;
                }

                var namespaces = Namespaces(definition.Service);
                _first ??= definition;
                _byNamespace ??= new Dictionary<string, (VirtualService, Located<string>)>(System.StringComparer.Ordinal);
                foreach (var ns in namespaces)
                {
                    if (!_byNamespace.ContainsKey(ns))
                    {
                        _byNamespace.Add(ns, definition);
                    }
                }
            }

            /// <summary>An earlier definition seen in a namespace that also sees <paramref name="definition"/>, and that namespace's words.</summary>
            public (VirtualService Service, Located<string> Host)? FirstConflict((VirtualService Service, Located<string> Host) definition, out string seenFrom)
            {
                var service = definition.Service;
                if (service.ExportTo.IsEverywhere)
                {
                    var found = _everywhere is { } all && !all.Service.IsSameObject(service) ? all
                        : _first is { } first && !first.Service.IsSameObject(service) ? first
                        : ((VirtualService Service, Located<string> Host)?)null;
                    if (found is { } earlier)
                    {
                        seenFrom = earlier.Service.ExportTo.IsEverywhere ? "every namespace" : "namespace " + Namespaces(earlier.Service)[0];
                        return earlier;
                    }
                }
                else
                {
                    foreach (var ns in Namespaces(service))
                    {
                        var earlier = _everywhere is { } all && !all.Service.IsSameObject(service) ? all
                            : _byNamespace != null && _byNamespace.TryGetValue(ns, out var local) && !local.Service.IsSameObject(service) ? local
                            : ((VirtualService, Located<string>)?)null;
                        if (earlier != null)
                        {
                            seenFrom = "namespace " + ns;
                            return earlier;
                        }
                    }
                }

                seenFrom = string.Empty;
                return null;
            }

            /// <summary>The namespaces a VirtualService that is not exported everywhere is seen from.</summary>
            private static IReadOnlyList<string> Namespaces(VirtualService service) => service.ExportTo.Scope(service.Namespace);
        }
    }
}
