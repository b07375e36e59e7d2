using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// MT1108: the routes attached to a Service (GAMMA) from one namespace have a rule that matches every request.
    /// Requests that match no rule of an attached route are rejected, so a route of header rules alone breaks every
    /// ordinary request. Routes of one namespace attached to one Service merge, so a catch-all in another of them counts.
    /// </summary>
    public sealed class MeshRouteCatchAllRule : IManifestRule
    {
        public DiagnosticDescriptor Descriptor => DiagnosticCatalog.MeshRouteWithoutCatchAll;

        public void Check(RuleContext context)
        {
            var groups = new Dictionary<(string Namespace, string Name, string RouteNamespace), List<(KubeRoute Route, ParentReference Parent)>>();
            foreach (var route in context.Index.KubeRoutes)
            {
                foreach (var parent in route.Parents)
                {
                    if (parent.IsService && !Placeholders.InName(parent.Name.Value) && !Placeholders.InName(parent.Namespace))
                    {
                        var key = (parent.Namespace, parent.Name.Value, route.Namespace);
                        if (!groups.TryGetValue(key, out var list))
                        {
                            groups.Add(key, list = new List<(KubeRoute, ParentReference)>());
                        }

                        list.Add((route, parent));
                    }
                }
            }

            foreach (var group in groups)
            {
                // The routes that catch everything, by the port they attach to (null: every port), two at most per port:
                // two cover every route of that port, one every route but itself. Another definition of the same route
                // (a variant file, an overlay) is an alternative to it, not a route merged with it.
                var catching = new Dictionary<int, List<ObjectIdentity>>();
                foreach (var (route, parent) in group.Value)
                {
                    int port = parent.Port?.Value ?? AnyPort;
                    if (CatchesAll(route))
                    {
                        if (!catching.TryGetValue(port, out var identities))
                        {
                            catching.Add(port, identities = new List<ObjectIdentity>(2));
                        }

                        if (identities.Count < 2 && !identities.Contains(route.Header.Identity))
                        {
                            identities.Add(route.Header.Identity);
                        }
                    }
                }

                foreach (var (route, parent) in group.Value)
                {
                    if (!CatchesAll(route) && !Covered(catching, route.Header.Identity, parent.Port?.Value))
                    {
                        context.Report(route, route.RulesSpan, route.Ref.ToString(),
                            parent.Namespace == route.Namespace ? parent.Name.Value : parent.Namespace + "/" + parent.Name.Value);
                    }
                }
            }
        }

        private const int AnyPort = -1;

        /// <summary>
        /// True when another route catches the requests of <paramref name="port"/>: one attached to every port or to
        /// that port. A route attached to every port is taken to be covered by a catch-all of any port, since the
        /// Service may have only that one.
        /// </summary>
        private static bool Covered(Dictionary<int, List<ObjectIdentity>> catching, ObjectIdentity identity, int? port)
        {
            foreach (var entry in catching)
            {
                if ((port == null || entry.Key == AnyPort || entry.Key == port) && entry.Value.Any(other => !other.Equals(identity)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when some rule matches every request. A rule whose matches cannot be read may; a route without rules
        /// gets the API's default rule, which does.
        /// </summary>
        private static bool CatchesAll(KubeRoute route) => route.Rules.Count == 0 || route.Rules.Any(r => r.IsCatchAll || r.MatchesUnreadable);
    }
}
