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
                // Two routes that catch everything cover every route of the group; one covers every route but itself.
                // Another definition of the same route (a variant file, an overlay) is an alternative to it, not a route
                // merged with it.
                var catching = new List<ObjectIdentity>(2);
                foreach (var (route, _) in group.Value)
                {
                    if (catching.Count < 2 && CatchesAll(route) && !catching.Contains(route.Header.Identity))
                    {
                        catching.Add(route.Header.Identity);
                    }
                }

                foreach (var (route, parent) in group.Value)
                {
                    if (!CatchesAll(route) && !catching.Any(identity => !identity.Equals(route.Header.Identity)))
                    {
                        context.Report(route, route.RulesSpan, route.Ref.ToString(),
                            parent.Namespace == route.Namespace ? parent.Name.Value : parent.Namespace + "/" + parent.Name.Value);
                    }
                }
            }
        }

        /// <summary>
        /// True when some rule matches every request. A rule whose matches cannot be read may; a route without rules
        /// gets the API's default rule, which does.
        /// </summary>
        private static bool CatchesAll(KubeRoute route) => route.Rules.Count == 0 || route.Rules.Any(r => r.IsCatchAll || r.MatchesUnreadable);
    }
}
