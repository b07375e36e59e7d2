using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    /// <summary>
    /// Values holding <c>${VAR}</c>, <c>$(VAR)</c> or <c>{{ … }}</c> are replaced before the file is applied: they are
    /// not invalid, and what depends on them is not broken. Each silent case has a twin without the placeholder that
    /// is reported, so the silence is the placeholder's doing.
    /// </summary>
    public class PlaceholderTests
    {
        // ---- MT2004 ----------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("${APP_NAME}")]
        [InlineData("${APP_NAME}-${VERSION}")]
        [InlineData("$(APP_NAME)-settings")]
        [InlineData("\"{{ .name }}-pdb\"")]
        [InlineData("\"{{ include \\\"shop.fullname\\\" . }}\"")]
        public void ANameWithAPlaceholder_IsNotInvalid(string name)
        {
            Assert.Empty(Lint.Yaml($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n").Only("MT2004"));
        }

        [Fact]
        public void AnInvalidNameWithoutPlaceholder_IsStillReported()
        {
            var d = Assert.Single(Lint.Yaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: App_Name-settings\n").Only("MT2004"));

            Assert.Equal((4, 3), (d.Span.Line, d.Span.Column));
            Assert.StartsWith("ConfigMap name \"App_Name-settings\" is not a DNS-1123 subdomain", d.Message);
        }

        [Theory]
        [InlineData("${NAMESPACE}")]
        [InlineData("$(NAMESPACE)")]
        [InlineData("\"{{ .Release.Namespace }}\"")]
        public void ANamespaceWithAPlaceholder_IsNotInvalid(string ns)
        {
            Assert.Empty(Lint.Yaml($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: {ns}\n").Only("MT2004"));
        }

        [Fact]
        public void AnInvalidNamespaceWithoutPlaceholder_IsStillReported()
        {
            var d = Assert.Single(Lint.Yaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: My_Namespace\n").Only("MT2004"));

            Assert.Equal((5, 3), (d.Span.Line, d.Span.Column));
            Assert.StartsWith("namespace \"My_Namespace\" is not a DNS-1123 label", d.Message);
        }

        [Theory]
        [InlineData("app", "${APP_NAME}")]
        [InlineData("app", "$(APP_NAME)_v/1")]
        [InlineData("app.kubernetes.io/instance", "\"{{ .name }}\"")]
        [InlineData("\"${LABEL_KEY}\"", "web")]
        [InlineData("\"{{ .Values.labelKey }}\"", "web")]
        public void ALabelKeyOrValueWithAPlaceholder_IsNotInvalid(string key, string value)
        {
            var yaml = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    {key}: {value}\n";

            Assert.Empty(Lint.Yaml(yaml).Only("MT2004"));
        }

        [Fact]
        public void AnInvalidLabelValueWithoutPlaceholder_IsStillReported()
        {
            var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    app: web_v/1\n";

            var d = Assert.Single(Lint.Yaml(yaml).Only("MT2004"));
            Assert.Equal(6, d.Span.Line);
            Assert.Contains("label value \"web_v/1\"", d.Message);
        }

        // ---- MT1004 / MT1003 ---------------------------------------------------------------------------------------

        /// <summary>A VirtualService in namespace prod with one destination; its "host:" key is at 11:13.</summary>
        private static string RouteTo(string host, string subset = "v1", string ns = "prod") => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: app
              namespace: {{ns}}
            spec:
              hosts: [app]
              http:
                - route:
                    - destination:
                        host: {{host}}
                        subset: {{subset}}
            """;

        [Theory]
        [InlineData("${APP}.${NS}.svc.cluster.local")]
        [InlineData("$(APP).prod.svc.cluster.local")]
        [InlineData("\"{{ .Values.host }}\"")]
        [InlineData("${APP}")]
        public void AHostWithAPlaceholder_IsNeitherUnknownNorMissingASubset(string host)
        {
            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Backend("prod"), RouteTo(host)));

            Assert.Empty(diagnostics.Only("MT1004"));
            Assert.Empty(diagnostics.Only("MT1003"));
        }

        [Fact]
        public void AnUnknownHostWithoutPlaceholder_IsStillReported()
        {
            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Backend("prod"), RouteTo("app.prod.svc.cluster.local")));

            var d = Assert.Single(diagnostics.Only("MT1004"));
            Assert.Equal((Severity.Error, 11, 13), (d.Severity, d.Span.Line, d.Span.Column));
            Assert.Single(diagnostics.Only("MT1003"));
        }

        [Fact]
        public void ASubsetNameWithAPlaceholder_IsNotMissing()
        {
            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Backend("prod"), Mesh.DestinationRule(ns: "prod"), RouteTo("reviews", subset: "${VERSION}")));

            Assert.Empty(diagnostics.Only("MT1003"));
            Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend("prod"), Mesh.DestinationRule(ns: "prod"), RouteTo("reviews", subset: "v3"))).Only("MT1003"));
        }

        [Fact]
        public void AReferringObjectInAPlaceholderNamespace_ResolvesNoShortHost()
        {
            // reviews in namespace ${NS} is reviews.${NS}.svc.cluster.local: not known, and not wrong.
            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Backend("prod"), RouteTo("ratings", ns: "${NS}"))).Only("MT1004"));
        }

        // ---- MT1001 ------------------------------------------------------------------------------------------------

        private static string Rule(string labels) => $$"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              host: reviews
              subsets:
                - name: canary
                  labels: {{labels}}
            """;

        [Theory]
        [InlineData("{version: ${VERSION}}")]
        [InlineData("{version: \"$(VERSION)\"}")]
        [InlineData("{version: \"{{ .Values.version }}\"}")]
        [InlineData("{\"${TRACK_LABEL}\": canary}")]
        public void ASubsetWhoseLabelsHoldAPlaceholder_SelectsPods(string labels)
        {
            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Backend(), Rule(labels))).Only("MT1001"));
        }

        [Fact]
        public void ASubsetNoPodCarries_IsStillReported()
        {
            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Backend(), Rule("{version: v3}"))).Only("MT1001"));

            Assert.Equal(Severity.Error, d.Severity);
            Assert.StartsWith("subset canary of DestinationRule default/reviews selects no pod of Service reviews", d.Message);
        }

        [Fact]
        public void PodsWithAPlaceholderVersion_MaySatisfyAnySubset()
        {
            var pods = Mesh.Deployment("${VERSION}").Replace("name: reviews-${VERSION}", "name: reviews");

            var diagnostics = Lint.Yaml(Mesh.Join(pods, Mesh.Service(), Rule("{version: v3}")));

            Assert.Empty(diagnostics.Only("MT1001"));
            Assert.Empty(diagnostics.Only("MT2004"));
        }

        // ---- MT2002 ------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("{app: ${APP_NAME}}")]
        [InlineData("{app: reviews, version: \"{{ .Values.version }}\"}")]
        [InlineData("{app: \"$(APP)\"}")]
        public void AServiceSelectorWithAPlaceholder_IsNotReportedAsSelectingNothing(string selector)
        {
            var service = Mesh.Service().Replace("selector: {app: reviews}", "selector: " + selector);

            Assert.Empty(Lint.Yaml(Mesh.Join(Mesh.Deployment("v1"), service)).Only("MT2002"));
        }

        [Fact]
        public void AServiceSelectorWithoutPlaceholder_ThatMatchesNoPod_IsStillReported()
        {
            var service = Mesh.Service().Replace("selector: {app: reviews}", "selector: {app: ratings}");

            var d = Assert.Single(Lint.Yaml(Mesh.Join(Mesh.Deployment("v1"), service)).Only("MT2002"));
            Assert.Equal(Severity.Warning, d.Severity);
        }

        [Fact]
        public void PodsWithPlaceholderLabels_MayBeWhatAServiceSelects()
        {
            var pods = Mesh.Deployment("v1").Replace("{app: reviews, version: v1}", "{app: ${APP_NAME}, version: v1}");
            var service = Mesh.Service().Replace("selector: {app: reviews}", "selector: {app: ratings}");

            Assert.Empty(Lint.Yaml(Mesh.Join(pods, service)).Only("MT2002"));
        }

        // ---- port ------------------------------------------------------------------------------------------------

        /// <summary>A VirtualService to reviews with <c>port: {number: …}</c>; the number is at 12:28.</summary>
        private static string RouteToPort(string number) => $$"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: default
            spec:
              hosts: [reviews]
              http:
                - route:
                    - destination:
                        host: reviews
                        port: {number: {{number}}}
            """;

        [Theory]
        [InlineData("${PORT}")]
        [InlineData("$(PORT)")]
        [InlineData("\"{{ .Values.port }}\"")]
        public void APortNumberPlaceholder_IsNeitherAWrongTypeNorUnexposed(string number)
        {
            // The Service exposes two ports, so a destination without a known port would be MT1009 too.
            var service = Mesh.Service(ports: "[{name: http, port: 9080}, {name: grpc, port: 9090}]");

            var diagnostics = Lint.Yaml(Mesh.Join(Mesh.Deployment("v1"), service, RouteToPort(number)));

            Assert.Empty(diagnostics.Only("MT0002"));
            Assert.Empty(diagnostics.Only("MT1009"));
        }

        [Fact]
        public void APortNumberThatIsNotANumber_IsStillAWrongType()
        {
            var d = Assert.Single(Lint.Files(("mesh.yaml", Mesh.Backend()), ("vs.yaml", RouteToPort("http"))).Only("MT0002"));

            Assert.Equal(("vs.yaml", 12, 28), (d.File, d.Span.Line, d.Span.Column));
            Assert.EndsWith("port.number must be an integer, not http", d.Message);
        }

        [Fact]
        public void AnUnexposedPortNumber_IsStillReported()
        {
            var d = Assert.Single(Lint.Files(("mesh.yaml", Mesh.Backend()), ("vs.yaml", RouteToPort("9999"))).Only("MT1009"));

            Assert.Equal(("vs.yaml", 12, 28), (d.File, d.Span.Line, d.Span.Column));
        }
    }
}
