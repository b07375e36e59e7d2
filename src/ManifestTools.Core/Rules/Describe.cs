using System.Collections.Generic;
using System.Linq;
using ManifestTools.Model;
using ManifestTools.Resolution;

namespace ManifestTools.Rules
{
    /// <summary>How messages name the parts of a VirtualService, so every rule words them alike.</summary>
    internal static class Describe
    {
        public static string Route(VirtualService service, Route route) => $"route {route.Describe()} of {service.Ref}";

        /// <summary>
        /// Every route destination and mirror (with a null route) of every VirtualService. A message's words for one come
        /// from <see cref="Where"/>, built only for a finding: most destinations have none.
        /// </summary>
        public static IEnumerable<(VirtualService Service, Route? Route, Destination Destination)> Destinations(MeshIndex index)
        {
            foreach (var service in index.VirtualServices)
            {
                foreach (var route in service.Routes)
                {
                    foreach (var destination in route.Destinations)
                    {
                        yield return (service, route, destination);
                    }
                }

                foreach (var mirror in service.Mirrors)
                {
                    yield return (service, null, mirror);
                }
            }
        }

        /// <summary>
        /// True when two objects come from files in one folder, which <c>kubectl apply -f folder</c> applies together.
        /// Objects in different folders may be alternatives (an overlay per environment, a folder per cluster).
        /// </summary>
        public static bool InOneFolder(ManifestObject a, ManifestObject b) =>
            string.Equals(System.IO.Path.GetDirectoryName(a.File), System.IO.Path.GetDirectoryName(b.File), System.StringComparison.Ordinal);

        /// <summary>"namespace frontend", "namespaces a, b", or "any namespace" for a null scope.</summary>
        public static string Namespaces(IReadOnlyList<string>? scope) =>
            scope == null ? "any namespace" : (scope.Count == 1 ? "namespace " : "namespaces ") + List(scope);

        /// <summary>"its exportTo is ., prod", each entry quoted when it holds a comma or a space.</summary>
        public static string ExportTo(Model.ExportTo exportTo)
        {
            var entries = new List<string>();
            foreach (var value in exportTo.Values)
            {
                entries.Add(value.Value.IndexOf(',') >= 0 || value.Value.IndexOf(' ') >= 0 ? $"\"{value.Value}\"" : value.Value);
            }

            return (exportTo.FromAnnotation ? "its networking.istio.io/exportTo is " : "its exportTo is ") + List(entries);
        }

        /// <summary>Few enough names to read in one message; a longer list is cut, and says how many it left out.</summary>
        private const int ListedNames = 5;

        /// <summary>"a, b, c", or "a, b, c, d, e and 7 more": a message stays one line, whatever the input lists.</summary>
        public static string List(IReadOnlyList<string> names) =>
            names.Count <= ListedNames
                ? string.Join(", ", names)
                : string.Join(", ", names.Take(ListedNames)) + $" and {(names.Count - ListedNames).ToString(System.Globalization.CultureInfo.InvariantCulture)} more";

        /// <summary>How a match entry is named: its name, else its position (<c>match[1]</c>).</summary>
        public static string Match(Route route, int index) =>
            $"match[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]" + (route.Matches[index].Name is { } name ? $" \"{name}\"" : string.Empty);

        /// <summary>"rules[1] (canary) of HTTPRoute ns/name".</summary>
        public static string Rule(KubeRoute route, KubeRouteRule rule) => $"{rule.Describe()} of {route.Ref}";

        /// <summary>Every backendRef of every HTTPRoute and GRPCRoute, with its route and rule.</summary>
        public static IEnumerable<(KubeRoute Route, KubeRouteRule Rule, BackendReference Backend)> Backends(MeshIndex index)
        {
            foreach (var route in index.KubeRoutes)
            {
                foreach (var rule in route.Rules)
                {
                    foreach (var backend in rule.Backends)
                    {
                        yield return (route, rule, backend);
                    }
                }
            }
        }

        /// <summary>"a, b or c": names to choose from in a fix.</summary>
        public static string Choices(IEnumerable<string> names)
        {
            var list = names.Distinct().ToList();
            return list.Count == 0 ? "none" : list.Count == 1 ? list[0] : List(list.Take(list.Count - 1).ToList()) + " or " + list[list.Count - 1];
        }

        /// <summary>"A destination of route http[0] "canary" of VirtualService ns/name", or "A mirror of …", capitalised to start a message.</summary>
        public static string Where(VirtualService service, Route? route) =>
            route != null ? "A destination of " + Route(service, route) : "A mirror of " + service.Ref;
    }
}
