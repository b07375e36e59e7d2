namespace ManifestTools.Tests.Rules
{
    /// <summary>YAML for the edge of the canary in <see cref="Mesh"/>: an ingress Gateway and a VirtualService bound to it.</summary>
    internal static class Gateways
    {
        /// <param name="hosts">A flow sequence of server hosts.</param>
        public static string Gateway(string name = "bookinfo-gateway", string ns = "default", string hosts = "[\"bookinfo.example.com\"]",
            int port = 80, string selector = "{istio: ingressgateway}", string protocol = "HTTP") => $$"""
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: {{name}}
              namespace: {{ns}}
            spec:
              selector: {{selector}}
              servers:
                - port: {number: {{port}}, name: {{protocol.ToLowerInvariant()}}, protocol: {{protocol}}}
                  hosts: {{hosts}}
            """;

        /// <summary>A VirtualService bound to <paramref name="gateways"/>; its gateways entries are on line 7.</summary>
        public static string Edge(string gateways = "[bookinfo-gateway]", string hosts = "[bookinfo.example.com]", string ns = "default",
            string name = "bookinfo", string destination = "{host: reviews, subset: v1}") => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: {{name}}
              namespace: {{ns}}
            spec:
              gateways: {{gateways}}
              hosts: {{hosts}}
              http:
                - route:
                    - destination: {{destination}}
            """;
    }
}
