namespace ManifestTools.Tests.Rules.GatewayApi
{
    /// <summary>
    /// A Gateway API canary as Istio's documentation writes it: Deployments reviews-v1 and reviews-v2, the Service
    /// reviews that clients call, one Service per version, and routes attached to the Service (GAMMA) or to a Gateway.
    /// </summary>
    internal static class Canary
    {
        public static string Deployment(string version, string ns = "shop") => Mesh.Deployment(version, ns);

        public static string Service(string name, string selector, string ns = "shop", string ports = "[{name: http, port: 9080}]") => $$"""
            apiVersion: v1
            kind: Service
            metadata:
              name: {{name}}
              namespace: {{ns}}
            spec:
              selector: {{selector}}
              ports: {{ports}}
            """;

        /// <summary>The Deployments and Services of the canary, in namespace shop.</summary>
        public static string Workloads(string ns = "shop") => Mesh.Join(
            Deployment("v1", ns), Deployment("v2", ns),
            Service("reviews", "{app: reviews}", ns),
            Service("reviews-v1", "{app: reviews, version: v1}", ns),
            Service("reviews-v2", "{app: reviews, version: v2}", ns));

        /// <summary>An HTTPRoute attached to the Service reviews, with the given rules (indented as a list under rules:).</summary>
        public static string MeshRoute(string rules, string name = "reviews", string ns = "shop", string kind = "HTTPRoute") => $$"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: {{kind}}
            metadata:
              name: {{name}}
              namespace: {{ns}}
            spec:
              parentRefs:
                - group: ""
                  kind: Service
                  name: reviews
                  port: 9080
              rules:
            {{rules}}
            """;

        /// <summary>The 90/10 split of every request.</summary>
        public const string Split = """
                - backendRefs:
                    - name: reviews-v1
                      port: 9080
                      weight: 90
                    - name: reviews-v2
                      port: 9080
                      weight: 10
            """;

        /// <summary>Requests with <c>end-user: jason</c> to v2.</summary>
        public const string HeaderRule = """
                - matches:
                    - headers:
                        - name: end-user
                          value: jason
                  backendRefs:
                    - name: reviews-v2
                      port: 9080
            """;

        public static string Gateway(string listeners = """
                - name: http
                  port: 80
                  protocol: HTTP
            """, string name = "edge", string ns = "shop") => $$"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: {{name}}
              namespace: {{ns}}
            spec:
              gatewayClassName: istio
              listeners:
            {{listeners}}
            """;

        /// <summary>An HTTPRoute attached to a Gateway; <paramref name="parent"/> is the parentRef's fields as a flow mapping.</summary>
        public static string EdgeRoute(string parent = "{name: edge}", string ns = "shop", string hostnames = "[]", string name = "web") => $$"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: {{name}}
              namespace: {{ns}}
            spec:
              parentRefs: [{{parent}}]
              hostnames: {{hostnames}}
              rules:
                - backendRefs:
                    - name: reviews
                      namespace: shop
                      port: 9080
            """;
    }
}
