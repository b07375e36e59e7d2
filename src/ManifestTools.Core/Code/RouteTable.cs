using System;
using System.Collections.Generic;
using System.Linq;

namespace ManifestTools.Code
{
    /// <summary>The route patterns the code maps, for matching probe paths against them.</summary>
    public sealed class RouteTable
    {
        private static readonly HashSet<string> HealthSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "health", "healthz", "healthcheck", "healthchecks", "readyz", "readiness", "livez", "liveness",
        };

        /// <summary>Words that name a health endpoint only at the top (<c>/ready</c>), not under a resource (<c>/orders/ready</c>).</summary>
        private static readonly HashSet<string> TopLevelHealthSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "ready", "live", "alive",
        };

        /// <summary>Words of a liveness endpoint, which tells that the process runs, not that it can serve.</summary>
        private static readonly HashSet<string> LivenessSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "live", "livez", "liveness", "alive",
        };

        private static readonly HashSet<string> ReadinessSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "ready", "readyz", "readiness",
        };

        private readonly List<string[]> _patterns = new List<string[]>();
        private readonly SortedSet<string> _grpcServices = new SortedSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// False when the code may serve paths the table does not list: controllers, Razor Pages, a fallback, or a pattern
        /// that is not a constant. Probe paths are then not checked.
        /// </summary>
        public bool IsComplete { get; private set; } = true;

        public IReadOnlyCollection<string> Patterns => _patterns.Select(p => "/" + string.Join("/", p)).ToList();

        /// <summary>The gRPC services the code maps (MapGrpcService), by type name; they answer POSTs, never a GET.</summary>
        public IReadOnlyCollection<string> GrpcServices => _grpcServices;

        /// <summary>True when the code maps the gRPC health service (grpc.health.v1.Health), which grpc probes call.</summary>
        public bool HasGrpcHealth { get; private set; }

        public void Add(string pattern) => _patterns.Add(Segments(pattern));

        public void AddGrpcService(string name, bool isHealth)
        {
            _grpcServices.Add(name);
            HasGrpcHealth |= isHealth;
        }

        public void MarkIncomplete() => IsComplete = false;

        /// <summary>
        /// True for the paths health checks conventionally live at: /healthz, /health/ready, /api/livez, /ready; not for
        /// a pattern with parameters.
        /// </summary>
        public static bool IsHealthPath(string pattern)
        {
            var segments = Segments(pattern);
            // /devices/{id}/health is the health of a resource, and no path a probe could request.
            return segments.Length > 0 && !segments.Any(s => s.StartsWith("{", StringComparison.Ordinal)) &&
                   (HealthSegments.Contains(segments[0]) || HealthSegments.Contains(segments[segments.Length - 1]) ||
                    (segments.Length == 1 && TopLevelHealthSegments.Contains(segments[0])));
        }

        /// <summary>True for a liveness endpoint: /liveness, /health/live, /livez.</summary>
        public static bool IsLivenessPath(string pattern) => Segments(pattern).Any(LivenessSegments.Contains);

        /// <summary>True for an endpoint named for readiness: /ready, /health/ready, /readyz, /readiness.</summary>
        public static bool IsReadinessPath(string pattern) => Segments(pattern).Any(ReadinessSegments.Contains);

        /// <summary>Whether a request path (a probe's, which may carry a query) reaches one of the patterns.</summary>
        public bool Matches(string path)
        {
            int query = path.IndexOf('?');
            var segments = Segments(query < 0 ? path : path.Substring(0, query));
            return _patterns.Any(p => Matches(p, segments));
        }

        private static bool Matches(string[] pattern, string[] path)
        {
            for (int i = 0; i < pattern.Length; i++)
            {
                var segment = pattern[i];
                if (segment.StartsWith("{*", StringComparison.Ordinal))
                {
                    return true;
                }

                if (i >= path.Length)
                {
                    // Only optional parameters ({id?}) and parameters with defaults ({id=1}) may be left out.
                    return pattern.Skip(i).All(s => s.StartsWith("{", StringComparison.Ordinal) && (s.EndsWith("?}", StringComparison.Ordinal) || s.Contains("=")));
                }

                if (!segment.StartsWith("{", StringComparison.Ordinal) && !string.Equals(segment, path[i], StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return pattern.Length == path.Length;
        }

        private static string[] Segments(string pattern) =>
            pattern.TrimStart('~').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
    }
}
