using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Test = ManifestTools.Analyzers.Tests.ManifestToolsAnalyzerTest<ManifestTools.Analyzers.ManifestAnalyzer>;

namespace ManifestTools.Analyzers.Tests
{
    public class ManifestAnalyzerTests
    {
        private const string GeneratedPath = "/src/Ads/manifests/ads.yaml";
        private const string CanaryPath = "/src/Ads/k8s/canary.yaml";

        [Fact]
        public async Task Findings_across_two_files_are_reported_at_their_yaml_spans()
        {
            // The subset is in the hand-written file, the pods it misses in the generated one.
            await new Test()
                .Generated(GeneratedPath, Yaml.Generated)
                .Manifest(CanaryPath, Yaml.BrokenCanary)
                .Expect(
                    Diagnostics.At("MT1001", DiagnosticSeverity.Error, CanaryPath, Yaml.BrokenCanary, "labels", occurrence: 2)
                        .WithMessage("subset v2 of DestinationRule ns3/ads selects no pod of Service ads: the closest is Deployment ads-v2 with version=v2, but the subset wants version=V2"),
                    Diagnostics.At("MT1002", DiagnosticSeverity.Error, CanaryPath, Yaml.BrokenCanary, "route"))
                .RunAsync();
        }

        [Fact]
        public async Task Findings_are_reported_in_the_file_they_belong_to()
        {
            // MT2003: the Deployments select each other's pods; the finding is in the generated file, none in the other.
            string overlapping = Yaml.Generated.Replace("      version: v2\n  template", "  template").Replace("      version: v1\n  template", "  template");
            await new Test()
                .Generated(GeneratedPath, overlapping)
                .Manifest(CanaryPath, Yaml.Canary)
                .Expect(Diagnostics.At("MT2003", DiagnosticSeverity.Error, GeneratedPath, overlapping, "selector", occurrence: 3))
                .RunAsync();
        }

        [Fact]
        public async Task Gateway_api_routes_are_linted_at_their_yaml_spans()
        {
            const string route = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: ads
                  namespace: ns3
                spec:
                  parentRefs:
                    - group: ""
                      kind: Service
                      name: ads
                      port: 8080
                  rules:
                    - matches:
                        - headers:
                            - name: page-source
                              value: products
                      backendRefs:
                        - name: ads
                          port: 8080
                """;
            const string path = "/src/Ads/k8s/route.yaml";
            await new Test()
                .Generated(GeneratedPath, Yaml.Generated)
                .Manifest(path, route)
                .Expect(Diagnostics.At("MT1108", DiagnosticSeverity.Error, path, route, "rules")
                    .WithMessage("HTTPRoute ns3/ads is attached to Service ads, but none of its rules matches every request, so requests to ads that match no rule fail with 404; add a rule without matches that sends to the stable version"))
                .RunAsync();
        }

        [Fact]
        public async Task A_clean_canary_reports_nothing()
        {
            await new Test()
                .Generated(GeneratedPath, Yaml.Generated)
                .Manifest(CanaryPath, Yaml.Canary)
                .RunAsync();
        }

        [Fact]
        public async Task Additional_files_without_a_manifest_kind_are_not_linted()
        {
            // Neither a file some other tool passes nor the appsettings files the targets tag for later use.
            await new Test()
                .OtherFile("/src/Ads/other.yaml", "key: [unclosed\n")
                .AppSettings("/src/Ads/appsettings.json", "{ \"Logging\": ")
                .Generated(GeneratedPath, Yaml.Generated)
                .RunAsync();
        }

        [Fact]
        public async Task ManifestLint_false_reports_no_lint_finding()
        {
            await new Test()
                .Generated(GeneratedPath, Yaml.Generated)
                .Manifest(CanaryPath, Yaml.BrokenCanary)
                .Property("ManifestLint", "false")
                .RunAsync();
        }

        [Fact]
        public async Task ManifestNamespace_is_the_namespace_of_objects_without_one()
        {
            const string rule = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: ads
                spec:
                  host: ads

                """;
            await new Test()
                .Generated(GeneratedPath, Yaml.Generated)
                .Manifest(CanaryPath, rule)
                .Property("_ManifestToolsNamespaceAsSet", "ns3")
                .RunAsync();

            // In the default namespace, ads is ads.default.svc.cluster.local, which nothing defines; the Service ads in ns3
            // is what was meant, so it is an error that names it.
            await new Test()
                .Generated(GeneratedPath, Yaml.Generated)
                .Manifest(CanaryPath, rule)
                .Expect(Diagnostics.At("MT1004", DiagnosticSeverity.Error, CanaryPath, rule, "host"))
                .RunAsync();
        }

        [Fact]
        public async Task A_finding_keeps_its_own_severity_which_the_global_config_can_change()
        {
            // MT1004 is an error by default, and a warning for a host whose namespace the input does not hold.
            const string rule = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: gone
                  namespace: ns3
                spec:
                  host: gone

                """;
            await new Test()
                .Manifest(CanaryPath, rule)
                .Expect(Diagnostics.At("MT1004", DiagnosticSeverity.Warning, CanaryPath, rule, "host"))
                .RunAsync();

            // The test framework enables every supported ID explicitly, which keeps a config from raising a warning to an
            // error here (the compiler does raise it); lowering shows that the config applies to the finding's severity.
            var lowered = new Test().Manifest(CanaryPath, rule)
                .Expect(Diagnostics.At("MT1004", DiagnosticSeverity.Info, CanaryPath, rule, "host"));
            lowered.GlobalConfigLines.Add("dotnet_diagnostic.MT1004.severity = suggestion");
            await lowered.RunAsync();

            var silenced = new Test().Manifest(CanaryPath, rule);
            silenced.GlobalConfigLines.Add("dotnet_diagnostic.MT1004.severity = none");
            await silenced.RunAsync();
        }

        [Fact]
        public async Task Broken_yaml_is_reported_as_MT0001_and_the_other_files_are_still_linted()
        {
            const string broken = "apiVersion: v1\nkind: Service\nmetadata: {name: [unclosed\n";
            await new Test()
                .Manifest("/src/Ads/k8s/broken.yaml", broken)
                .Generated(GeneratedPath, Yaml.Generated)
                .Manifest(CanaryPath, Yaml.BrokenCanary)
                .Expect(
                    new DiagnosticResult("MT0001", DiagnosticSeverity.Error).WithSpan("/src/Ads/k8s/broken.yaml", 4, 1, 4, 1),
                    Diagnostics.At("MT1001", DiagnosticSeverity.Error, CanaryPath, Yaml.BrokenCanary, "labels", occurrence: 2),
                    Diagnostics.At("MT1002", DiagnosticSeverity.Error, CanaryPath, Yaml.BrokenCanary, "route"))
                .RunAsync();
        }
    }
}
