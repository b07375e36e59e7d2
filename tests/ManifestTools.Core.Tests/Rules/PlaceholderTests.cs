using System.Collections.Generic;
using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    /// <summary>
    /// Values holding <c>${VAR}</c>, <c>$(VAR)</c> or <c>{{ … }}</c> are replaced before the file is applied: they are
    /// not invalid, and what depends on them is not broken. Each silent case has a twin without the placeholder that
    /// is reported, so the silence is the placeholder's doing. Placeholders are written in block style or quoted,
    /// since <c>{</c> and <c>}</c> end a plain scalar in a flow mapping.
    /// </summary>
    public class PlaceholderTests
    {
        /// <summary>The findings, after checking that the YAML itself was read: a syntax error would silence the rules too.</summary>
        private static IReadOnlyList<ManifestDiagnostic> Read(IReadOnlyList<ManifestDiagnostic> diagnostics)
        {
            Assert.DoesNotContain(diagnostics, d => d.Id == "MT0001" || d.Id == "MT0002");
            return diagnostics;
        }

        // ---- MT2004 ----------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("${APP_NAME}")]
        [InlineData("${APP_NAME}-${VERSION}")]
        [InlineData("$(APP_NAME)-settings")]
        [InlineData("\"{{ .name }}-pdb\"")]
        [InlineData("'{{ include \"shop.fullname\" . }}'")]
        public void ANameWithAPlaceholder_IsNotInvalid(string name)
        {
            Assert.Empty(Lint.Yaml($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n"));
        }

        [Fact]
        public void AnInvalidNameWithoutPlaceholder_IsStillReported()
        {
            var d = Assert.Single(Lint.Yaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: App_Name-settings\n"));

            Assert.Equal(("MT2004", 4, 3), (d.Id, d.Span.Line, d.Span.Column));
            Assert.StartsWith("ConfigMap name \"App_Name-settings\" is not a DNS-1123 subdomain", d.Message);
        }

        [Theory]
        [InlineData("${NAMESPACE}")]
        [InlineData("$(NAMESPACE)")]
        [InlineData("\"{{ .Release.Namespace }}\"")]
        public void ANamespaceWithAPlaceholder_IsNotInvalid(string ns)
        {
            Assert.Empty(Lint.Yaml($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: {ns}\n"));
        }

        [Fact]
        public void AnInvalidNamespaceWithoutPlaceholder_IsStillReported()
        {
            var d = Assert.Single(Lint.Yaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: My_Namespace\n"));

            Assert.Equal(("MT2004", 5, 3), (d.Id, d.Span.Line, d.Span.Column));
            Assert.StartsWith("namespace \"My_Namespace\" is not a DNS-1123 label", d.Message);
        }

        [Theory]
        [InlineData("app", "${APP_NAME}")]
        [InlineData("app", "$(APP_NAME)_v/1")]
        [InlineData("app.kubernetes.io/instance", "\"{{ .name }}\"")]
        [InlineData("\"${LABEL_KEY}\"", "web")]
        [InlineData("${LABEL_KEY}", "web")]
        [InlineData("\"{{ .Values.labelKey }}\"", "web")]
        public void ALabelKeyOrValueWithAPlaceholder_IsNotInvalid(string key, string value)
        {
            var yaml = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    {key}: {value}\n";

            Assert.Empty(Lint.Yaml(yaml));
        }

        [Theory]
        [InlineData("app", "web_v/1", "value \"web_v/1\" of label app")]
        [InlineData("my_key/x", "web", "label key \"my_key/x\"")]
        public void AnInvalidLabelWithoutPlaceholder_IsStillReported(string key, string value, string fragment)
        {
            var yaml = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    {key}: {value}\n";

            var d = Assert.Single(Lint.Yaml(yaml));
            Assert.Equal(("MT2004", 6), (d.Id, d.Span.Line));
            Assert.Contains(fragment, d.Message);
        }

        [Fact]
        public void TheEnvsubstTemplateOfANewService_IsClean()
        {
            const string yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: ${APP_NAME}
                  namespace: ${NAMESPACE}
                  labels:
                    app: ${APP_NAME}
                spec:
                  ports:
                    - name: http
                      port: 8080
                  selector:
                    app: ${APP_NAME}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ${APP_NAME}-${VERSION}
                  namespace: ${NAMESPACE}
                spec:
                  selector:
                    matchLabels:
                      app: ${APP_NAME}
                      version: ${VERSION}
                  template:
                    metadata:
                      labels:
                        app: ${APP_NAME}
                        version: ${VERSION}
                    spec:
                      containers:
                        - name: app
                          image: ${IMAGE}
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: ${APP_NAME}
                  namespace: ${NAMESPACE}
                spec:
                  host: ${APP_NAME}.${NAMESPACE}.svc.cluster.local
                  subsets:
                    - name: ${VERSION}
                      labels:
                        version: ${VERSION}
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: ${APP_NAME}
                  namespace: ${NAMESPACE}
                spec:
                  hosts:
                    - ${APP_NAME}.${NAMESPACE}.svc.cluster.local
                  http:
                    - route:
                        - destination:
                            host: ${APP_NAME}.${NAMESPACE}.svc.cluster.local
                            subset: ${VERSION}
                            port:
                              number: 8080
                """;

            Assert.Empty(Lint.Yaml(yaml));
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
            var diagnostics = Read(Lint.Files(("mesh.yaml", Mesh.Backend("prod")), ("vs.yaml", RouteTo(host))));

            Assert.Empty(diagnostics.Only("MT1004"));
            Assert.Empty(diagnostics.Only("MT1003"));
        }

        [Fact]
        public void AnUnknownHostWithoutPlaceholder_IsStillReported()
        {
            var diagnostics = Read(Lint.Files(("mesh.yaml", Mesh.Backend("prod")), ("vs.yaml", RouteTo("app.prod.svc.cluster.local"))));

            var d = Assert.Single(diagnostics.Only("MT1004"));
            Assert.Equal((Severity.Error, "vs.yaml", 11, 13), (d.Severity, d.File, d.Span.Line, d.Span.Column));
        }

        [Fact]
        public void AKnownHostWithoutADestinationRule_IsStillMissingTheSubset()
        {
            var diagnostics = Read(Lint.Files(("mesh.yaml", Mesh.Backend("prod")), ("vs.yaml", RouteTo("reviews"))));

            var d = Assert.Single(diagnostics.Only("MT1003"));
            Assert.Equal("vs.yaml", d.File);
            Assert.EndsWith("routes to subset v1 of host reviews.prod.svc.cluster.local, but no DestinationRule for that host exists", d.Message);
        }

        [Fact]
        public void ASubsetNameWithAPlaceholder_IsNotMissing()
        {
            var backend = Mesh.Join(Mesh.Backend("prod"), Mesh.DestinationRule(ns: "prod"));

            Assert.Empty(Read(Lint.Files(("mesh.yaml", backend), ("vs.yaml", RouteTo("reviews", subset: "${VERSION}")))).Only("MT1003"));
            Assert.Single(Read(Lint.Files(("mesh.yaml", backend), ("vs.yaml", RouteTo("reviews", subset: "v3")))).Only("MT1003"));
        }

        [Fact]
        public void AReferringObjectInAPlaceholderNamespace_ResolvesNoShortHost()
        {
            // ratings in namespace ${NS} is ratings.${NS}.svc.cluster.local: not known, and not wrong.
            Assert.Empty(Read(Lint.Files(("mesh.yaml", Mesh.Backend("prod")), ("vs.yaml", RouteTo("ratings", ns: "${NS}")))).Only("MT1004"));
        }

        // ---- MT1001 ------------------------------------------------------------------------------------------------

        /// <summary>A DestinationRule for reviews whose one subset "canary" has the given label; "labels:" is at 9:7.</summary>
        private static string Rule(string key, string value) => $$"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              host: reviews
              subsets:
                - name: canary
                  labels:
                    {{key}}: {{value}}
            """;

        [Theory]
        [InlineData("version", "${VERSION}")]
        [InlineData("version", "$(VERSION)")]
        [InlineData("version", "\"{{ .Values.version }}\"")]
        [InlineData("${TRACK_LABEL}", "canary")]
        public void ASubsetWhoseLabelsHoldAPlaceholder_SelectsPods(string key, string value)
        {
            Assert.Empty(Read(Lint.Files(("mesh.yaml", Mesh.Backend()), ("dr.yaml", Rule(key, value)))).Only("MT1001"));
        }

        [Fact]
        public void ASubsetNoPodCarries_IsStillReported()
        {
            var d = Assert.Single(Read(Lint.Files(("mesh.yaml", Mesh.Backend()), ("dr.yaml", Rule("version", "v3")))).Only("MT1001"));

            Assert.Equal((Severity.Error, "dr.yaml", 9, 7), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.StartsWith("subset canary of DestinationRule default/reviews selects no pod of Service reviews", d.Message);
        }

        /// <summary>The Deployment of reviews with <c>version: …</c> in block style in its selector and its template.</summary>
        private static string PodsOfVersion(string version) => $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: reviews
            spec:
              selector:
                matchLabels:
                  app: reviews
                  version: {{version}}
              template:
                metadata:
                  labels:
                    app: reviews
                    version: {{version}}
            """;

        [Fact]
        public void PodsWithAPlaceholderVersion_MaySatisfyAnySubset()
        {
            var diagnostics = Read(Lint.Files(("pods.yaml", Mesh.Join(PodsOfVersion("${VERSION}"), Mesh.Service())), ("dr.yaml", Rule("version", "v3"))));

            Assert.Empty(diagnostics);
        }

        [Fact]
        public void PodsWithAKnownVersion_DoNotSatisfyAnotherSubset()
        {
            var diagnostics = Read(Lint.Files(("pods.yaml", Mesh.Join(PodsOfVersion("v1"), Mesh.Service())), ("dr.yaml", Rule("version", "v3"))));

            Assert.Equal("dr.yaml", Assert.Single(diagnostics.Only("MT1001")).File);
        }

        // ---- MT2002 ------------------------------------------------------------------------------------------------

        /// <summary>The Service reviews with the given selector labels in block style; "selector:" is at 6:3.</summary>
        private static string ServiceSelecting(params string[] labels) =>
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\nspec:\n  selector:\n" +
            string.Concat(labels.Select(l => "    " + l + "\n")) + "  ports:\n    - port: 9080\n";

        [Theory]
        [InlineData("app: ${APP_NAME}")]
        [InlineData("app: \"{{ .Values.app }}\"")]
        [InlineData("app: $(APP)")]
        [InlineData("${KEY}: reviews")]
        public void AServiceSelectorWithAPlaceholder_IsNotReportedAsSelectingNothing(string label)
        {
            Assert.Empty(Read(Lint.Files(("pods.yaml", Mesh.Deployment("v1")), ("svc.yaml", ServiceSelecting(label, "tier: web")))));
        }

        [Fact]
        public void AServiceSelectorWithoutPlaceholder_ThatMatchesNoPod_IsStillReported()
        {
            var d = Assert.Single(Read(Lint.Files(("pods.yaml", Mesh.Deployment("v1")), ("svc.yaml", ServiceSelecting("app: ratings", "tier: web")))));

            Assert.Equal(("MT2002", Severity.Warning, "svc.yaml", 6, 3), (d.Id, d.Severity, d.File, d.Span.Line, d.Span.Column));
        }

        [Fact]
        public void PodsWithPlaceholderLabels_MayBeWhatAServiceSelects()
        {
            var diagnostics = Read(Lint.Files(("pods.yaml", PodsOfVersion("${VERSION}")), ("svc.yaml", ServiceSelecting("app: reviews", "version: v7"))));

            Assert.Empty(diagnostics.Only("MT2002"));
        }

        // ---- port ------------------------------------------------------------------------------------------------

        /// <summary>A VirtualService to reviews with <c>port.number</c> in block style; the number is at 13:23.</summary>
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
                        port:
                          number: {{number}}
            """;

        [Theory]
        [InlineData("${PORT}")]
        [InlineData("$(PORT)")]
        [InlineData("\"{{ .Values.port }}\"")]
        public void APortNumberPlaceholder_IsNeitherAWrongTypeNorUnexposed(string number)
        {
            // The Service exposes two ports, so a destination without a known port would be MT1009 too.
            var service = Mesh.Service(ports: "[{name: http, port: 9080}, {name: grpc, port: 9090}]");

            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Join(Mesh.Deployment("v1"), service)), ("vs.yaml", RouteToPort(number)));

            Assert.Empty(diagnostics.Only("MT0001"));
            Assert.Empty(diagnostics.Only("MT0002"));
            Assert.Empty(diagnostics.Only("MT1009"));
        }

        [Fact]
        public void APortNumberThatIsNotANumber_IsStillAWrongType()
        {
            var d = Assert.Single(Lint.Files(("mesh.yaml", Mesh.Backend()), ("vs.yaml", RouteToPort("http"))).Only("MT0002"));

            Assert.Equal(("vs.yaml", 13, 23), (d.File, d.Span.Line, d.Span.Column));
            Assert.EndsWith("port.number must be an integer, not http", d.Message);
        }

        [Fact]
        public void AnUnexposedPortNumber_IsStillReported()
        {
            var d = Assert.Single(Lint.Files(("mesh.yaml", Mesh.Backend()), ("vs.yaml", RouteToPort("9999"))).Only("MT1009"));

            Assert.Equal(("vs.yaml", 13, 23), (d.File, d.Span.Line, d.Span.Column));
            Assert.Contains("sends to port 9999, but Service reviews exposes only 9080 (http)", d.Message);
        }
    }
}
