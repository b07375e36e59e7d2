namespace ManifestTools.Analyzers.Tests
{
    /// <summary>The manifests of service cart, hand-written, as the code-check tests vary them.</summary>
    internal static class CartService
    {
        public const string ManifestPath = "/src/Cart/k8s/cart.yaml";

        /// <summary>
        /// Deployment cart with one container, server; <paramref name="container"/> holds the container's further
        /// fields, indented by 10, and may end with more documents.
        /// </summary>
        public static string Deployment(string container) => $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: cart
            spec:
              selector:
                matchLabels: { app: cart }
              template:
                metadata:
                  labels: { app: cart }
                spec:
                  containers:
                    - name: server
                      image: cart:1
            {{container}}
            """;
    }
}
