using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    /// <summary>
    /// MT1004's severity follows what the input can tell: an error when the host's namespace holds Services in the
    /// input (the Service is truly missing) or a hint names the Service meant; a warning, saying why, when the host
    /// may be defined elsewhere. A VirtualService destination and a DestinationRule host get the same severity.
    /// </summary>
    public class HostResolvesSeverityTests
    {
        /// <summary>A VirtualService in <paramref name="ns"/> with one destination; its "host:" key is at 11:13.</summary>
        private static string RouteTo(string host, string ns = "default") => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: {{ns}}
            spec:
              hosts: [reviews]
              http:
                - route:
                    - destination:
                        host: {{host}}
            """;

        /// <summary>A DestinationRule in <paramref name="ns"/>; its "host:" key is at 7:3.</summary>
        private static string RuleFor(string host, string ns = "default") => $$"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
              namespace: {{ns}}
            spec:
              host: {{host}}
            """;

        private static ManifestDiagnostic Single(string referring, params string[] others)
        {
            var files = new (string, string)[others.Length + 1];
            files[0] = ("ref.yaml", referring);
            for (int i = 0; i < others.Length; i++)
            {
                files[i + 1] = ($"other{i}.yaml", others[i]);
            }

            var d = Assert.Single(Lint.Files(files).Only("MT1004"));
            Assert.Equal("ref.yaml", d.File);
            return d;
        }

        private const string Ops = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ops\n";

        [Fact]
        public void AnUnknownDestination_InANamespaceWithServices_IsAnError()
        {
            var d = Single(RouteTo("ratings"), Mesh.Backend());

            Assert.Equal((Severity.Error, 11, 13), (d.Severity, d.Span.Line, d.Span.Column));
            Assert.EndsWith("which resolves to ratings.default.svc.cluster.local: no Service or ServiceEntry in the input defines it", d.Message);
        }

        [Fact]
        public void AnUnknownDestinationRuleHost_InANamespaceWithServices_IsAnError()
        {
            var d = Single(RuleFor("ratings"), Mesh.Backend());

            Assert.Equal((Severity.Error, 7, 3), (d.Severity, d.Span.Line, d.Span.Column));
            Assert.Equal("DestinationRule default/reviews names host ratings, which resolves to ratings.default.svc.cluster.local: " +
                         "no Service or ServiceEntry in the input defines it", d.Message);
        }

        [Fact]
        public void AnFqdnInANamespaceOtherThanTheReferrer_ThatHoldsServices_IsAnError()
        {
            var d = Single(RouteTo("ratings.prod.svc.cluster.local", ns: "web"), Mesh.Backend("prod"));

            Assert.Equal(Severity.Error, d.Severity);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void AHostInANamespaceWithNothingInTheInput_IsAWarningThatSaysSo(bool destinationRule)
        {
            const string host = "istiod.istio-system.svc.cluster.local";
            var d = Single(destinationRule ? RuleFor(host) : RouteTo(host), Mesh.Backend());

            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Equal(destinationRule ? (7, 3) : (11, 13), (d.Span.Line, d.Span.Column));
            Assert.Contains("nothing of namespace istio-system is in the input", d.Message);
            Assert.EndsWith("so it may be defined elsewhere: if it is, list the namespace under external.namespaces in .manifest-tools.yaml", d.Message);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void AHostInANamespaceWithObjectsButNoService_IsAWarningThatSaysSo(bool destinationRule)
        {
            const string host = "grafana.ops.svc.cluster.local";
            var d = Single(destinationRule ? RuleFor(host) : RouteTo(host), Mesh.Backend(), Ops);

            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Contains("; no Service of namespace ops is in the input, so it may be defined elsewhere", d.Message);
            Assert.DoesNotContain("nothing of namespace", d.Message);
        }

        [Fact]
        public void AShortHostInTheReferrersOwnNamespace_WithoutServices_IsAWarning()
        {
            // The VirtualService itself is in ops, so the namespace is in the input, but no Service of it is.
            var d = Single(RouteTo("grafana", ns: "ops"));

            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Contains("resolves to grafana.ops.svc.cluster.local", d.Message);
            Assert.Contains("no Service of namespace ops is in the input", d.Message);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void AnExternalHostWithoutServiceEntry_IsAWarningThatPointsToExternalHosts(bool destinationRule)
        {
            const string host = "storage.googleapis.com";
            var d = Single(destinationRule ? RuleFor(host) : RouteTo(host), Mesh.Backend());

            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Contains("names host storage.googleapis.com, which resolves to storage.googleapis.com", d.Message);
            Assert.EndsWith("if a ServiceEntry for it is applied from elsewhere, list the host under external.hosts in .manifest-tools.yaml", d.Message);
        }

        [Fact]
        public void AnExternalHostWithAServiceEntry_IsSilent()
        {
            const string entry = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: storage
                spec:
                  hosts: [storage.googleapis.com]
                  ports: [{number: 443, name: https, protocol: TLS}]
                  resolution: DNS
                """;

            Assert.Empty(Lint.Files(("ref.yaml", RouteTo("storage.googleapis.com")), ("entry.yaml", entry)).Only("MT1004"));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void AnExternalLookingHostWithAHint_IsAnError(bool destinationRule)
        {
            // reviews.prod is taken as written, but Service reviews of prod is what was meant.
            var d = Single(destinationRule ? RuleFor("reviews.prod") : RouteTo("reviews.prod"), Mesh.Backend("prod"));

            Assert.Equal(Severity.Error, d.Severity);
            Assert.EndsWith("did you mean reviews.prod.svc.cluster.local? (Istio expands only names without a dot)", d.Message);
            Assert.DoesNotContain("external.hosts", d.Message);
        }

        [Fact]
        public void AShortHostWithAHintToAnotherNamespace_IsAnError()
        {
            // Nothing but the VirtualService is in web, yet the hint names the Service meant.
            var d = Single(RouteTo("reviews", ns: "web"), Mesh.Backend("prod"));

            Assert.Equal(Severity.Error, d.Severity);
            Assert.EndsWith("did you mean reviews.prod.svc.cluster.local?", d.Message);
            Assert.DoesNotContain("external.namespaces", d.Message);
        }
    }
}
