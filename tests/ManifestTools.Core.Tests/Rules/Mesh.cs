namespace ManifestTools.Tests.Rules
{
    /// <summary>
    /// YAML for a valid canary of app "reviews": Deployments v1 and v2 (version in selector and template), a Service
    /// that selects app only and exposes 9080, a DestinationRule with subsets v1 and v2, and a 90/10 VirtualService.
    /// Tests lint these next to the one object they are about, written inline, so its line numbers are plain to see.
    /// </summary>
    internal static class Mesh
    {
        public const string Fqdn = "reviews.default.svc.cluster.local";

        public static string Deployment(string version, string ns = "default") => $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: reviews-{{version}}
              namespace: {{ns}}
            spec:
              selector:
                matchLabels: {app: reviews, version: {{version}}}
              template:
                metadata:
                  labels: {app: reviews, version: {{version}}}
                spec:
                  containers: [{name: reviews, image: example/reviews, ports: [{containerPort: 9080}]}]
            """;

        /// <param name="ports">A flow sequence of ServicePorts.</param>
        public static string Service(string ns = "default", string ports = "[{name: http, port: 9080}]") => $$"""
            apiVersion: v1
            kind: Service
            metadata:
              name: reviews
              namespace: {{ns}}
            spec:
              selector: {app: reviews}
              ports: {{ports}}
            """;

        public static string DestinationRule(string host = "reviews", string ns = "default") => $$"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
              namespace: {{ns}}
            spec:
              host: {{host}}
              subsets:
                - name: v1
                  labels: {version: v1}
                - name: v2
                  labels: {version: v2}
            """;

        public static string VirtualService(string host = "reviews", string ns = "default") => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: {{ns}}
            spec:
              hosts: [{{host}}]
              http:
                - route:
                    - destination: {host: {{host}}, subset: v1}
                      weight: 90
                    - destination: {host: {{host}}, subset: v2}
                      weight: 10
            """;

        /// <summary>
        /// A VirtualService whose one route splits between subsets v1 and v2; a null weight is left out.
        /// The "route:" key is at 8:7, the weight values at 10:19 and 12:19.
        /// </summary>
        public static string Split(int? v1, int? v2, string protocol = "http") => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              {{protocol}}:
                - route:
                    - destination: {host: reviews, subset: v1}
                      {{Weight(v1)}}
                    - destination: {host: reviews, subset: v2}
                      {{Weight(v2)}}
            """;

        /// <summary>Both Deployments and the Service: a host with pods, for the routing objects a test adds.</summary>
        public static string Backend(string ns = "default") => Join(Deployment("v1", ns), Deployment("v2", ns), Service(ns));

        /// <summary>The whole valid canary.</summary>
        public static string Canary(string ns = "default") => Join(Backend(ns), DestinationRule(ns: ns), VirtualService(ns: ns));

        public static string Join(params string[] documents) => string.Join("\n---\n", documents) + "\n";

        private static string Weight(int? weight) => weight is { } w ? "weight: " + w.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
    }
}
