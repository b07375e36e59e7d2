using System;
using System.Collections.Generic;
using ManifestTools.Model;

namespace ManifestTools.Rules
{
    /// <summary>
    /// What an earlier route of the same list does to a later one: the analysis MT1017 and MT1018 report from. Istio
    /// tries http routes in order, so an earlier match that covers a later one takes its requests. For tcp and tls
    /// routes, Envoy picks the filter chain by the most specific destination address and server name, whatever the
    /// order, so only an exact repeat (which Istio drops) or a route after one without a match is never used. A
    /// delegate route covers nothing: requests its child does not match go on to the next route.
    /// </summary>
    internal sealed class RouteOrder
    {
        /// <summary>
        /// How many earlier match entries one entry is compared with for coverage. Real lists hold a few dozen; past this,
        /// only exact repeats (found through a dictionary) are looked for, so a huge list costs linear time.
        /// </summary>
        private const int ComparedMatches = 512;

        /// <summary>Below this many earlier entries, exact repeats are found by comparing keys: no dictionary for a short list.</summary>
        private const int IndexedFrom = 8;

        private RouteOrder(Route route, Route? catchAll, IReadOnlyList<(int Match, Route By, int ByMatch, bool Same)> covered)
        {
            Route = route;
            AfterCatchAll = catchAll;
            Covered = covered;
        }

        public Route Route { get; }

        /// <summary>The earlier route that matches every request, so this one is never used; null when there is none.</summary>
        public Route? AfterCatchAll { get; }

        /// <summary>This route's match entries that an earlier entry covers, each with the earliest one (Same: an exact repeat).</summary>
        public IReadOnlyList<(int Match, Route By, int ByMatch, bool Same)> Covered { get; }

        /// <summary>Never used: after a catch-all route, or every one of its match entries covered.</summary>
        public bool IsUnreachable => AfterCatchAll != null || (Route.Matches.Count > 0 && Covered.Count == Route.Matches.Count);

        /// <summary>The earliest entry with this key: through the dictionary once there is one, else by a pass over the few.</summary>
        private static (Route Route, int Index)? Repeat(List<(RouteMatch Match, Route Route, int Index)> earlier, Dictionary<string, (Route Route, int Index)>? byKey, string key)
        {
            if (byKey != null)
            {
                return byKey.TryGetValue(key, out var found) ? found : ((Route, int)?)null;
            }

            foreach (var (match, route, index) in earlier)
            {
                if (match.Key == key)
                {
                    return (route, index);
                }
            }

            return null;
        }

        /// <summary>The routes of a VirtualService that an earlier route of the same list affects: http, then tcp, then tls.</summary>
        public static IEnumerable<RouteOrder> Of(VirtualService service)
        {
            // Nearly every VirtualService has a route or two and nothing to say: answer those without an iterator.
            if (service.Routes.Count < 2)
            {
                return Array.Empty<RouteOrder>();
            }

            List<RouteOrder>? orders = null;
            foreach (var protocol in Protocols)
            {
                Of(service, protocol, ref orders);
            }

            return (IEnumerable<RouteOrder>?)orders ?? Array.Empty<RouteOrder>();
        }

        private static readonly string[] Protocols = { "http", "tcp", "tls" };

        /// <summary>Adds the routes of one VirtualService's http, tcp or tls list that an earlier route affects, in order.</summary>
        private static void Of(VirtualService service, string protocol, ref List<RouteOrder>? orders)
        {
            Route? catchAll = null;
            // Created with the first match entry: most lists are one route, or end in a catch-all.
            List<(RouteMatch Match, Route Route, int Index)>? earlier = null;
            Dictionary<string, (Route Route, int Index)>? byKey = null;
            foreach (var route in service.Routes)
            {
                if (route.Protocol != protocol)
                {
                    continue;
                }

                if (catchAll != null)
                {
                    (orders ??= new List<RouteOrder>()).Add(new RouteOrder(route, catchAll, Array.Empty<(int, Route, int, bool)>()));
                    continue;
                }

                if (route.MatchesUnreadable)
                {
                    continue; // What it matches is unknown: it neither covers nor is covered.
                }

                bool ordered = protocol == "http";

                List<(int, Route, int, bool)>? covered = null;
                for (int i = 0; i < route.Matches.Count && earlier != null; i++)
                {
                    var match = route.Matches[i];
                    var key = match.Key;
                    (Route By, int ByMatch, bool Same)? by = null;
                    if (Repeat(earlier, byKey, key) is { } same)
                    {
                        by = (same.Route, same.Index, true);
                    }
                    else if (ordered)
                    {
                        for (int j = 0; j < earlier.Count && j < ComparedMatches; j++)
                        {
                            if (earlier[j].Match.Covers(match))
                            {
                                by = (earlier[j].Route, earlier[j].Index, false);
                                break;
                            }
                        }
                    }

                    if (by is { } found)
                    {
                        (covered ??= new List<(int, Route, int, bool)>()).Add((i, found.By, found.ByMatch, found.Same));
                    }
                }

                if (covered != null)
                {
                    (orders ??= new List<RouteOrder>()).Add(new RouteOrder(route, null, covered));
                }

                if (route.IsDelegate)
                {
                    continue;
                }

                for (int i = 0; i < route.Matches.Count; i++)
                {
                    earlier ??= new List<(RouteMatch, Route, int)>();
                    earlier.Add((route.Matches[i], route, i));
                    if (earlier.Count == IndexedFrom)
                    {
                        byKey = new Dictionary<string, (Route, int)>(StringComparer.Ordinal);
                        foreach (var (match, by, index) in earlier)
                        {
                            if (!byKey.ContainsKey(match.Key))
                            {
                                byKey.Add(match.Key, (by, index));
                            }
                        }
                    }
                    else if (byKey != null && !byKey.ContainsKey(route.Matches[i].Key))
                    {
                        byKey.Add(route.Matches[i].Key, (route, i));
                    }
                }

                if (route.IsCatchAll)
                {
                    catchAll = route;
                }
            }
        }
    }
}
