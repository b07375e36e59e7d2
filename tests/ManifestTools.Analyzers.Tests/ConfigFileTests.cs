using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Test = ManifestTools.Analyzers.Tests.ManifestToolsAnalyzerTest<ManifestTools.Analyzers.ManifestAnalyzer>;

namespace ManifestTools.Analyzers.Tests
{
    /// <summary>
    /// The repository's .manifest-tools.yaml as the package's targets pass it: an additional file of kind Config. It
    /// configures the analyzer's lint, and its own problems are reported in it (MT0005).
    /// </summary>
    public class ConfigFileTests
    {
        private const string ConfigPath = "/src/Ads/.manifest-tools.yaml";
        private const string ServicePath = "/src/Ads/k8s/service.yaml";
        private const string LegacyPath = "/src/Ads/k8s/legacy/service.yaml";

        /// <summary>A Service whose selector matches no pod: MT2002, a warning at its "selector" key.</summary>
        private const string ServiceWithoutPods = """
            apiVersion: v1
            kind: Service
            metadata:
              name: reviews
              namespace: ns3
            spec:
              selector:
                app: reviews
              ports:
              - port: 80

            """;

        private static Test WithConfig(string text)
        {
            var test = new Test().OtherFile(ConfigPath, text);
            // The targets tag the file as they tag manifests; the helper has no method for this kind, so the section is added here.
            test.GlobalConfigLines.Add($"\n[{ConfigPath}]\nbuild_metadata.AdditionalFiles._ManifestToolsKind = Config");
            return test;
        }

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult NoPods(DiagnosticSeverity severity, string path = ServicePath) =>
            Diagnostics.At("MT2002", severity, path, ServiceWithoutPods, "selector");

        [Fact]
        public async Task Without_a_config_the_service_is_reported()
        {
            await new Test()
                .Manifest(ServicePath, ServiceWithoutPods)
                .Expect(NoPods(DiagnosticSeverity.Warning))
                .RunAsync();
        }

        [Fact]
        public async Task A_rule_set_to_none_drops_the_diagnostic()
        {
            await WithConfig("rules:\n  MT2002: none\n")
                .Manifest(ServicePath, ServiceWithoutPods)
                .RunAsync();
        }

        [Fact]
        public async Task A_rule_set_to_info_lowers_the_diagnostic()
        {
            await WithConfig("rules:\n  MT2002: info\n")
                .Manifest(ServicePath, ServiceWithoutPods)
                .Expect(NoPods(DiagnosticSeverity.Info))
                .RunAsync();
        }

        [Fact]
        public async Task A_config_without_the_Config_kind_is_not_read()
        {
            await new Test()
                .OtherFile(ConfigPath, "rules:\n  MT2002: none\n")
                .Manifest(ServicePath, ServiceWithoutPods)
                .Expect(NoPods(DiagnosticSeverity.Warning))
                .RunAsync();
        }

        [Fact]
        public async Task A_malformed_config_is_MT0005_at_the_wrong_key_and_the_manifests_are_linted_without_it()
        {
            const string config = "rules:\n  MT9999: none\n  MT2002: none\n";
            await WithConfig(config)
                .Manifest(ServicePath, ServiceWithoutPods)
                .Expect(
                    Diagnostics.At("MT0005", DiagnosticSeverity.Error, ConfigPath, config, "MT9999")
                        .WithMessage("MT9999 is not a rule that can be configured here; `manifest-tools rules` lists them"),
                    NoPods(DiagnosticSeverity.Warning))
                .RunAsync();
        }

        [Fact]
        public async Task An_unknown_top_level_key_is_MT0005_at_the_key()
        {
            const string config = "defaultNamespace: ns3\nexclude:\n  - legacy/**\n";
            await WithConfig(config)
                .Manifest(ServicePath, ServiceWithoutPods)
                .Expect(
                    Diagnostics.At("MT0005", DiagnosticSeverity.Error, ConfigPath, config, "exclude")
                        .WithMessage("unknown key exclude; the keys are defaultNamespace, clusterDomain, ignore, external, rules, suppress"),
                    NoPods(DiagnosticSeverity.Warning))
                .RunAsync();
        }

        [Fact]
        public async Task A_wrong_value_is_MT0005_at_the_value()
        {
            const string config = "rules:\n  MT2002: fatal\n";
            await WithConfig(config)
                .Manifest(ServicePath, ServiceWithoutPods)
                .Expect(
                    Diagnostics.At("MT0005", DiagnosticSeverity.Error, ConfigPath, config, "fatal")
                        .WithMessage("rules.MT2002 must be error, warning, info or none"),
                    NoPods(DiagnosticSeverity.Warning))
                .RunAsync();
        }

        [Fact]
        public async Task A_malformed_config_is_not_reported_when_the_analyzer_does_not_lint()
        {
            await WithConfig("rules:\n  MT9999: none\n")
                .Manifest(ServicePath, ServiceWithoutPods)
                .Property("ManifestLint", "false")
                .RunAsync();
        }

        [Fact]
        public async Task Ignored_manifests_are_not_linted()
        {
            await WithConfig("ignore: [k8s/legacy/**]\n")
                .Manifest(LegacyPath, "apiVersion: v1\nkind: Service\nmetadata: {name: [unclosed\n")
                .Manifest(ServicePath, ServiceWithoutPods)
                .Expect(NoPods(DiagnosticSeverity.Warning))
                .RunAsync();
        }

        [Fact]
        public async Task A_suppression_drops_the_rule_only_in_its_paths()
        {
            string legacy = ServiceWithoutPods.Replace("name: reviews", "name: old");
            await WithConfig("suppress:\n  - paths: [k8s/legacy/**]\n    rules: [MT2002]\n")
                .Manifest(LegacyPath, legacy)
                .Manifest(ServicePath, ServiceWithoutPods)
                .Expect(NoPods(DiagnosticSeverity.Warning))
                .RunAsync();
        }

        [Fact]
        public async Task The_config_default_namespace_applies_and_the_project_property_wins()
        {
            const string rule = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: ads
                spec:
                  host: ads

                """;

            // ads is the generated Service of ns3: with the config's namespace the rule finds it.
            await WithConfig("defaultNamespace: ns3\n")
                .Generated("/src/Ads/manifests/ads.yaml", Yaml.Generated)
                .Manifest(ServicePath, rule)
                .RunAsync();

            // The project's namespace wins; ads.ns9 is then unknown, and the Service of ns3 is named as the one meant.
            await WithConfig("defaultNamespace: ns3\n")
                .Generated("/src/Ads/manifests/ads.yaml", Yaml.Generated)
                .Manifest(ServicePath, rule)
                .Property("_ManifestToolsNamespaceAsSet", "ns9")
                .Expect(Diagnostics.At("MT1004", DiagnosticSeverity.Error, ServicePath, rule, "host")
                    .WithMessage("DestinationRule ns9/ads names host ads, which resolves to ads.ns9.svc.cluster.local: no Service or ServiceEntry in the input defines it; did you mean ads.ns3.svc.cluster.local?"))
                .RunAsync();
        }

        [Fact]
        public async Task External_namespaces_silence_the_unknown_host()
        {
            const string rule = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: istiod
                  namespace: ns3
                spec:
                  host: istiod.istio-system.svc.cluster.local

                """;

            await new Test()
                .Manifest(ServicePath, rule)
                .Expect(Diagnostics.At("MT1004", DiagnosticSeverity.Warning, ServicePath, rule, "host"))
                .RunAsync();

            await WithConfig("external:\n  namespaces: [istio-system]\n")
                .Manifest(ServicePath, rule)
                .RunAsync();
        }
    }
}
