using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    /// <summary>
    /// One object (API group, kind, namespace, name) defined in several files is one object with several definitions:
    /// variant files such as bookinfo.yaml and bookinfo-dualstack.yaml, of which one is applied. No rule reports an
    /// object against its own other definition, a reference is satisfied when any definition satisfies it, and rules
    /// about one object still check every definition at its own position.
    /// </summary>
    public class ObjectIdentityTests
    {
        /// <summary>A v2 Deployment whose selector omits version, so it also selects v1's pods; "selector:" is at 7:3.</summary>
        private const string WideV2 = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: reviews-v2
              namespace: default
            spec:
              selector:
                matchLabels: {app: reviews}
              template:
                metadata:
                  labels: {app: reviews, version: v2}
            """;

        // ---- MT2003 ----------------------------------------------------------------------------------------------

        [Fact]
        public void TwoDefinitionsOfOneDeployment_InVariantFiles_DoNotOverlap()
        {
            var diagnostics = Lint.Files(
                ("bookinfo.yaml", Mesh.Join(Mesh.Deployment("v1"), Mesh.Service())),
                ("bookinfo-dualstack.yaml", Mesh.Join(Mesh.Deployment("v1"), Mesh.Service())));

            Assert.Empty(diagnostics);
        }

        [Fact]
        public void ThreeDefinitionsOfOneDeployment_DoNotOverlap()
        {
            var diagnostics = Lint.Files(
                ("bookinfo.yaml", Mesh.Deployment("v1")),
                ("bookinfo-dualstack.yaml", Mesh.Deployment("v1")),
                ("bookinfo-psa.yaml", Mesh.Deployment("v1")));

            Assert.Empty(diagnostics.Only("MT2003"));
        }

        [Fact]
        public void ADefinitionWithoutNamespace_IsTheSameObjectAsOneInTheDefaultNamespace()
        {
            var withoutNamespace = Mesh.Deployment("v1").Replace("  namespace: default\n", string.Empty);

            Assert.Empty(Lint.Files(("a.yaml", Mesh.Deployment("v1")), ("b.yaml", withoutNamespace)).Only("MT2003"));
        }

        [Fact]
        public void AV2WhoseSelectorOmitsVersion_StillOverlapsV1_DefinedTwice()
        {
            var diagnostics = Lint.Files(
                ("bookinfo.yaml", Mesh.Deployment("v1")),
                ("bookinfo-dualstack.yaml", Mesh.Deployment("v1")),
                ("reviews-v2.yaml", WideV2));

            var d = Assert.Single(diagnostics.Only("MT2003"));
            Assert.Equal((Severity.Error, "reviews-v2.yaml", 7, 3), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("Deployment default/reviews-v2", d.Subject?.ToString());
            Assert.StartsWith("the selector of Deployment default/reviews-v2 (app=reviews) also selects the pods of Deployment default/reviews-v1", d.Message);
        }

        [Fact]
        public void ObjectsOfOneNameButDifferentKinds_AreDifferentObjects_AndStillOverlap()
        {
            var set = Mesh.Deployment("v1").Replace("kind: Deployment", "kind: StatefulSet");

            // In one file, so that they are not taken for alternatives of each other either.
            var d = Assert.Single(Lint.Files(("reviews.yaml", Mesh.Join(Mesh.Deployment("v1"), set))).Only("MT2003"));

            Assert.Equal((Severity.Error, "reviews.yaml", 21, 3), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal("StatefulSet default/reviews-v1", d.Subject?.ToString());
            Assert.Equal("the selector of StatefulSet default/reviews-v1 (app=reviews,version=v1) also selects the pods of Deployment default/reviews-v1; " +
                "add a label that tells them apart (such as version) to both selectors and templates", d.Message);
        }

        // ---- MT1008 ----------------------------------------------------------------------------------------------

        /// <summary>A DestinationRule with subsets v1 and v2; the second subset's "name:" key is at 12:7.</summary>
        private static string Rule(string name = "reviews", string trafficPolicy = "{}") => $$"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: {{name}}
              namespace: default
            spec:
              host: reviews
              trafficPolicy: {{trafficPolicy}}
              subsets:
                - name: v1
                  labels: {version: v1}
                - name: v2
                  labels: {version: v2}
            """;

        [Fact]
        public void TwoDefinitionsOfOneDestinationRule_DoNotDuplicateTheirSubsets()
        {
            var diagnostics = Lint.Files(
                ("mesh.yaml", Mesh.Backend()),
                ("destination-rule-all.yaml", Rule()),
                ("destination-rule-all-mtls.yaml", Rule(trafficPolicy: "{tls: {mode: ISTIO_MUTUAL}}")));

            Assert.Empty(diagnostics);
        }

        [Fact]
        public void ASubsetRepeatedWithinOneDefinition_IsStillReported_Once()
        {
            var repeated = Rule().Replace("    - name: v2\n      labels: {version: v2}", "    - name: v1\n      labels: {version: v2}");

            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Backend()), ("destination-rule-all.yaml", Rule()), ("destination-rule-all-mtls.yaml", repeated));

            var d = Assert.Single(diagnostics.Only("MT1008"));
            Assert.Equal((Severity.Error, "destination-rule-all-mtls.yaml", 12, 7), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Equal($"subset v1 for host {Mesh.Fqdn} is defined twice: in DestinationRule default/reviews and in the same DestinationRule again", d.Message);
        }

        [Fact]
        public void TwoDifferentDestinationRulesForOneHost_StillDuplicateASubset()
        {
            var diagnostics = Lint.Files(("mesh.yaml", Mesh.Backend()), ("a.yaml", Rule()), ("b.yaml", Rule(name: "reviews-canary")));

            var findings = diagnostics.Only("MT1008");
            Assert.Equal(new[] { ("b.yaml", 10, 7), ("b.yaml", 12, 7) }, findings.Select(d => (d.File, d.Span.Line, d.Span.Column)));
            Assert.All(findings, d => Assert.EndsWith("in DestinationRule default/reviews and in DestinationRule default/reviews-canary", d.Message));
        }

        [Fact]
        public void ADestinationRuleDefinedTwice_AndAnotherRuleForTheHost_ReportsOnlyTheOtherRule()
        {
            var diagnostics = Lint.Files(
                ("mesh.yaml", Mesh.Backend()), ("a.yaml", Rule()), ("a-mtls.yaml", Rule()), ("canary.yaml", Rule(name: "reviews-canary")));

            Assert.All(diagnostics.Only("MT1008"), d => Assert.Equal(("canary.yaml", "DestinationRule default/reviews-canary"), (d.File, d.Subject?.ToString())));
            Assert.Equal(2, diagnostics.Only("MT1008").Count);
        }

        // ---- MT1001 / MT1009: any definition satisfies a reference -----------------------------------------------

        /// <summary>A VirtualService sending to reviews on <paramref name="port"/>; the number is at 12:28.</summary>
        private static string RouteToPort(int port) => $$"""
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
                        port: {number: {{port}}}
            """;

        [Fact]
        public void APortIsExposedWhenAnyDefinitionOfTheServiceExposesIt()
        {
            var diagnostics = Lint.Files(
                ("pods.yaml", Mesh.Deployment("v1")),
                ("service.yaml", Mesh.Service()),
                ("service-grpc.yaml", Mesh.Service(ports: "[{name: http, port: 9080}, {name: grpc, port: 9081}]")),
                ("vs.yaml", RouteToPort(9081)));

            Assert.Empty(diagnostics.Only("MT1009"));
        }

        [Fact]
        public void APortNoDefinitionExposes_IsStillReported()
        {
            var diagnostics = Lint.Files(
                ("pods.yaml", Mesh.Deployment("v1")),
                ("service.yaml", Mesh.Service()),
                ("service-grpc.yaml", Mesh.Service(ports: "[{name: http, port: 9080}, {name: grpc, port: 9081}]")),
                ("vs.yaml", RouteToPort(9082)));

            var d = Assert.Single(diagnostics.Only("MT1009"));
            Assert.Equal((Severity.Error, "vs.yaml", 12, 28), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.Contains("sends to port 9082, but Service reviews exposes only 9080 (http)", d.Message);
        }

        /// <summary>The Service reviews, but selecting only the stable track, whose pods are v1.</summary>
        private static readonly string StableService = Mesh.Service().Replace("selector: {app: reviews}", "selector: {app: reviews, track: stable}");

        private static readonly string StableV1 = Mesh.Deployment("v1").Replace("labels: {app: reviews, version: v1}", "labels: {app: reviews, version: v1, track: stable}");

        [Fact]
        public void ASubsetSelectsPodsWhenAnyDefinitionOfTheServiceReachesThem()
        {
            // The stable-only definition reaches no v2 pod; the other definition selects app only and reaches them.
            var diagnostics = Lint.Files(
                ("pods.yaml", Mesh.Join(StableV1, Mesh.Deployment("v2"))),
                ("service-stable.yaml", StableService),
                ("service.yaml", Mesh.Service()),
                ("dr.yaml", Mesh.DestinationRule()));

            Assert.Empty(diagnostics.Only("MT1001"));
        }

        [Fact]
        public void ASubsetNoDefinitionReaches_IsStillReported()
        {
            var diagnostics = Lint.Files(
                ("pods.yaml", Mesh.Join(StableV1, Mesh.Deployment("v2"))),
                ("service-stable.yaml", StableService),
                ("dr.yaml", Mesh.DestinationRule()));

            var d = Assert.Single(diagnostics.Only("MT1001"));
            Assert.Equal((Severity.Error, "dr.yaml", 12, 7), (d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.StartsWith("subset v2 of DestinationRule default/reviews selects no pod of Service reviews", d.Message);
        }

        // ---- per-object rules check each definition ----------------------------------------------------------------

        [Fact]
        public void WeightsAreCheckedInEveryDefinitionAtItsOwnFileAndLine()
        {
            var diagnostics = Lint.Files(
                ("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule())),
                ("vs-a.yaml", Mesh.Split(90, 20)),
                ("vs-b.yaml", "# the same VirtualService, one line lower\n" + Mesh.Split(90, 20)));

            var findings = diagnostics.Only("MT1002");
            Assert.Equal(new[] { ("vs-a.yaml", 8, 7), ("vs-b.yaml", 9, 7) }, findings.Select(d => (d.File, d.Span.Line, d.Span.Column)));
            Assert.All(findings, d => Assert.Equal(("VirtualService default/reviews", Severity.Error), (d.Subject?.ToString(), d.Severity)));
        }

        [Fact]
        public void ASelectorMismatchIsReportedInTheDefinitionThatHasIt()
        {
            var broken = Mesh.Deployment("v1").Replace("labels: {app: reviews, version: v1}", "labels: {app: reviews, version: v9}");

            var d = Assert.Single(Lint.Files(("bookinfo.yaml", Mesh.Deployment("v1")), ("bookinfo-psa.yaml", broken)).Only("MT2001"));

            Assert.Equal(("bookinfo-psa.yaml", 7, 3), (d.File, d.Span.Line, d.Span.Column));
        }

        [Fact]
        public void TwoNamesForTheSamePods_InDifferentFiles_AreProbablyAlternatives_AndOnlyWarned()
        {
            // tcp-echo.yaml beside tcp-echo-services.yaml: one sample, two files, two names for one Deployment.
            var renamed = Mesh.Deployment("v1").Replace("name: reviews-v1", "name: reviews");

            var d = Assert.Single(Lint.Files(("a.yaml", Mesh.Deployment("v1")), ("b.yaml", renamed)).Only("MT2003"));

            Assert.Equal(Severity.Warning, d.Severity);
            Assert.EndsWith("also selects the pods of Deployment default/reviews-v1 in a.yaml, whose pods carry the same labels: the files are " +
                            "probably alternatives, of which one is applied; if both are, give the two labels that tell them apart", d.Message);
        }

        [Fact]
        public void TwoNamesForTheSamePods_InOneFile_AreBothApplied_AndAnError()
        {
            var renamed = Mesh.Deployment("v1").Replace("name: reviews-v1", "name: reviews");

            var d = Assert.Single(Lint.Files(("a.yaml", Mesh.Join(Mesh.Deployment("v1"), renamed))).Only("MT2003"));

            Assert.Equal(Severity.Error, d.Severity);
        }

        [Fact]
        public void AnExtensionsDeployment_AndAnAppsDeployment_OfOneName_AreOneObject()
        {
            var old = Mesh.Deployment("v1").Replace("apiVersion: apps/v1", "apiVersion: extensions/v1beta1");

            Assert.Empty(Lint.Files(("new.yaml", Mesh.Deployment("v1")), ("old.yaml", old)).Only("MT2003"));
        }
    }
}
