namespace ManifestTools.Tests.Rules.GatewayApi
{
    public class OtherGatewayApiKindsTests
    {
        /// <summary>TCPRoute, TLSRoute and the experimental kinds are loaded as objects, and no rule reads them.</summary>
        [Fact]
        public void OtherKindsOfTheGroup_AreLoadedWithoutFindings()
        {
            var input = Mesh.Join(Canary.Workloads(), Canary.Gateway("""
                    - {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}, allowedRoutes: {kinds: [{kind: TLSRoute}]}}
                    - {name: tcp, port: 5432, protocol: TCP, allowedRoutes: {kinds: [{kind: TCPRoute}]}}
                """), """
                apiVersion: gateway.networking.k8s.io/v1alpha2
                kind: TLSRoute
                metadata: {name: passthrough, namespace: shop}
                spec:
                  parentRefs: [{name: edge, sectionName: tls}]
                  hostnames: [db.example.com]
                  rules: [{backendRefs: [{name: no-such-service, port: 443}]}]
                """, """
                apiVersion: gateway.networking.k8s.io/v1alpha2
                kind: TCPRoute
                metadata: {name: postgres, namespace: shop}
                spec:
                  parentRefs: [{name: missing-gateway, sectionName: tcp}]
                  rules: [{backendRefs: [{name: postgres, port: 5432, weight: 7}, {name: postgres-replica, port: 5432, weight: 9}]}]
                """, """
                apiVersion: gateway.networking.k8s.io/v1alpha3
                kind: BackendTLSPolicy
                metadata: {name: reviews-tls, namespace: shop}
                spec:
                  targetRefs: [{group: "", kind: Service, name: reviews}]
                  validation: {hostname: reviews.shop.svc, wellKnownCACertificates: System}
                """);

            Assert.Empty(Lint.Yaml(input));
        }
    }
}
