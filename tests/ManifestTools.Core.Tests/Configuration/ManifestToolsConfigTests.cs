using System.Collections.Generic;
using System.IO;
using System.Linq;
using ManifestTools.Configuration;
using ManifestTools.Diagnostics;
using ManifestTools.Loading;
using ManifestTools.Tests.Loading;
using ManifestTools.Tests.Rules;

namespace ManifestTools.Tests.Configuration
{
    /// <summary>.manifest-tools.yaml: externals, ignored paths, rule severities, per-path suppressions, and its own errors (MT0005).</summary>
    public class ManifestToolsConfigTests
    {
        private static ManifestToolsConfig Parse(string directory, string text)
        {
            var config = ManifestToolsConfig.Parse(Path.Combine(directory, ManifestToolsConfig.FileName), text, out var errors);
            Assert.Empty(errors);
            return Assert.IsType<ManifestToolsConfig>(config);
        }

        private static LintOptions Options(string text, string? directory = null)
        {
            var options = new LintOptions();
            Parse(directory ?? Path.GetTempPath(), text).ApplyTo(options);
            return options;
        }

        /// <summary>A VirtualService in default with one destination; its "host:" key is at 11:13.</summary>
        private static string RouteTo(string host) => $$"""
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
                        host: {{host}}
            """;

        private static IReadOnlyList<ManifestDiagnostic> HostFindings(LintOptions options, string host) =>
            Lint.Files(options, ("mesh.yaml", Mesh.Backend()), ("vs.yaml", RouteTo(host))).Only("MT1004");

        // ---- external ------------------------------------------------------------------------------------------

        [Fact]
        public void ExternalNamespaces_SilenceHostsOfThoseNamespaces()
        {
            var options = Options("external:\n  namespaces: [istio-system]\n");

            Assert.Empty(HostFindings(options, "istiod.istio-system.svc.cluster.local"));
            Assert.Single(HostFindings(new LintOptions(), "istiod.istio-system.svc.cluster.local"));
        }

        [Fact]
        public void ExternalNamespaces_DoNotSilenceOtherNamespaces()
        {
            var d = Assert.Single(HostFindings(Options("external:\n  namespaces: [istio-system]\n"), "grafana.monitoring.svc.cluster.local"));

            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Contains("nothing of namespace monitoring is in the input", d.Message);
        }

        [Theory]
        [InlineData("[storage.googleapis.com]", "storage.googleapis.com")]
        [InlineData("[STORAGE.googleapis.com]", "storage.googleapis.com")]
        [InlineData("[\"*.googleapis.com\"]", "storage.googleapis.com")]
        [InlineData("[\"*.googleapis.com\"]", "eu.storage.googleapis.com")]
        [InlineData("[api.stripe.com, \"*.googleapis.com\"]", "api.stripe.com")]
        [InlineData("[reviews.legacy.svc.cluster.local]", "reviews.legacy.svc.cluster.local")]
        public void ExternalHosts_ExactOrWildcard_SilenceTheHost(string hosts, string host)
        {
            Assert.Empty(HostFindings(Options($"external:\n  hosts: {hosts}\n"), host));
        }

        [Theory]
        [InlineData("[storage.googleapis.com]", "bigquery.googleapis.com")]
        [InlineData("[\"*.googleapis.com\"]", "googleapis.com")]
        [InlineData("[\"*.googleapis.com\"]", "storage.googleapis.com.evil.example")]
        public void ExternalHosts_DoNotSilenceOtherHosts(string hosts, string host)
        {
            var d = Assert.Single(HostFindings(Options($"external:\n  hosts: {hosts}\n"), host));

            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Contains($"names host {host}, ", d.Message);
        }

        [Fact]
        public void ExternalSettings_AlsoSilenceDestinationRuleHosts()
        {
            var options = Options("external:\n  namespaces: [istio-system]\n  hosts: [\"*.googleapis.com\"]\n");
            var rules = Mesh.Join(Mesh.DestinationRule("istiod.istio-system.svc.cluster.local"),
                Mesh.DestinationRule("storage.googleapis.com").Replace("name: reviews", "name: storage"));

            Assert.Empty(Lint.Files(options, ("mesh.yaml", Mesh.Backend()), ("dr.yaml", rules)).Only("MT1004"));
        }

        // ---- ignore ------------------------------------------------------------------------------------------

        private const string Broken = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: [unclosed\n";
        private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n";

        private static string[] Walked(TempDirectory dir, string config)
        {
            var options = Options(config, dir.Path);
            var result = ManifestLoader.Load(new[] { dir.Path }, options);
            return result.Files.Select(f => f.Path.Substring(dir.Path.Length + 1)).ToArray();
        }

        [Fact]
        public void IgnorePatterns_SkipWalkedFiles()
        {
            using var dir = new TempDirectory();
            dir.Write("app.yaml", ConfigMap);
            dir.Write("legacy/old.yaml", Broken);
            dir.Write("legacy/deep/older.yaml", Broken);
            dir.Write("k8s/shop.generated.yaml", Broken);
            dir.Write("k8s/deep/er/more.generated.yaml", Broken);
            dir.Write("shop.generated.yaml", Broken);
            dir.Write("vendor/lib.yaml", Broken);
            dir.Write("k8s/vendor/lib.yaml", Broken);

            var walked = Walked(dir, "ignore:\n  - legacy/**\n  - \"*.generated.yaml\"\n  - vendor\n");

            Assert.Equal(new[] { "app.yaml" }, walked);
        }

        [Fact]
        public void IgnorePatterns_WithASlash_AreAnchoredAtTheConfigFolder()
        {
            using var dir = new TempDirectory();
            dir.Write("legacy/old.yaml", ConfigMap);
            dir.Write("apps/legacy/kept.yaml", ConfigMap);
            dir.Write("legacy-apps/kept.yaml", ConfigMap);
            dir.Write("k8s/shop.generated.yaml.bak.yaml", ConfigMap);

            var walked = Walked(dir, "ignore: [legacy/**, \"*.generated.yaml\"]\n");

            Assert.Equal(new[] { "apps/legacy/kept.yaml", "k8s/shop.generated.yaml.bak.yaml", "legacy-apps/kept.yaml" }, walked);
        }

        [Fact]
        public void AFileNamedExplicitly_IsLintedEvenWhenItMatchesIgnore()
        {
            using var dir = new TempDirectory();
            var old = dir.Write("legacy/old.yaml", Broken);
            var options = Options("ignore: [legacy/**]\n", dir.Path);

            var result = ManifestLoader.Load(new[] { old }, options);

            Assert.Equal("MT0001", Assert.Single(result.Files.SelectMany(f => f.Diagnostics)).Id);
        }

        [Theory]
        [InlineData("legacy/**", "legacy/a.yaml", true)]
        [InlineData("legacy/**", "legacy/x/y/a.yaml", true)]
        [InlineData("legacy/**", "apps/legacy/a.yaml", false)]
        [InlineData("/legacy", "legacy/a.yaml", true)]
        [InlineData("/legacy", "apps/legacy/a.yaml", false)]
        [InlineData("*.generated.yaml", "a.generated.yaml", true)]
        [InlineData("*.generated.yaml", "x/y/z/a.generated.yaml", true)]
        [InlineData("*.generated.yaml", "x/a.generated.yml", false)]
        [InlineData("vendor", "vendor", true)]
        [InlineData("vendor", "vendor/a.yaml", true)]
        [InlineData("vendor", "x/vendor/a.yaml", true)]
        [InlineData("vendor", "vendors/a.yaml", false)]
        [InlineData("apps/*/test.yaml", "apps/cart/test.yaml", true)]
        [InlineData("apps/*/test.yaml", "apps/cart/v2/test.yaml", false)]
        [InlineData("apps/**/test.yaml", "apps/cart/v2/test.yaml", true)]
        [InlineData("apps/**/test.yaml", "apps/test.yaml", true)]
        [InlineData("a?c.yaml", "abc.yaml", true)]
        [InlineData("a?c.yaml", "a/c.yaml", false)]
        public void IsIgnored_ReadsPatternsAsGitignoreDoes(string pattern, string relative, bool ignored)
        {
            using var dir = new TempDirectory();
            var config = Parse(dir.Path, $"ignore: [\"{pattern}\"]\n");

            Assert.Equal(ignored, config.IsIgnored(Path.Combine(dir.Path, relative)));
        }

        [Fact]
        public void IsIgnored_IsFalseOutsideTheConfigFolder()
        {
            using var dir = new TempDirectory();
            var config = Parse(Path.Combine(dir.Path, "repo"), "ignore: [\"**\", \"*.yaml\"]\n");

            Assert.True(config.IsIgnored(Path.Combine(dir.Path, "repo", "a.yaml")));
            Assert.False(config.IsIgnored(Path.Combine(dir.Path, "other", "a.yaml")));
            Assert.False(config.IsIgnored(Path.Combine(dir.Path, "repository", "a.yaml")));
        }

        // ---- rules ------------------------------------------------------------------------------------------

        private const string ServiceWithoutPods = "apiVersion: v1\nkind: Service\nmetadata:\n  name: ads\nspec:\n  selector: {app: ads}\n";

        [Fact]
        public void ARuleSetToError_RaisesItsFindings()
        {
            var d = Assert.Single(Lint.Files(Options("rules:\n  MT2002: error\n"), ("svc.yaml", ServiceWithoutPods)));

            Assert.Equal(("MT2002", Severity.Error, 6, 3), (d.Id, d.Severity, d.Span.Line, d.Span.Column));
            Assert.StartsWith("Service ads selects app=ads", d.Message);
        }

        [Fact]
        public void ARuleSetToNone_DropsItsFindings_AndOnlyThose()
        {
            var options = Options("rules: {MT1004: none}\n");

            var diagnostics = Lint.Files(options, ("mesh.yaml", Mesh.Backend()), ("vs.yaml", RouteTo("ratings")), ("svc.yaml", ServiceWithoutPods.Replace("ads", "ratings-x")));

            Assert.Empty(diagnostics.Only("MT1004"));
            Assert.Equal("MT2002", Assert.Single(diagnostics).Id);
        }

        [Theory]
        [InlineData("MT1002: info", Severity.Info)]
        [InlineData("MT1002: warning", Severity.Warning)]
        [InlineData("mt1002: info", Severity.Info)]
        public void ARuleSetToInfoOrWarning_LowersItsFindings(string rule, Severity expected)
        {
            var diagnostics = Lint.Files(Options($"rules:\n  {rule}\n"), ("mesh.yaml", Mesh.Join(Mesh.Backend(), Mesh.DestinationRule())), ("vs.yaml", Mesh.Split(90, 20)));

            var d = Assert.Single(diagnostics);
            Assert.Equal(("MT1002", expected, "vs.yaml", 8, 7), (d.Id, d.Severity, d.File, d.Span.Line, d.Span.Column));
        }

        [Fact]
        public void TheHelmChartInfo_CanBeTurnedOff()
        {
            using var dir = new TempDirectory();
            dir.Write("charts/shop/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 0.1.0\n");

            var (on, _) = ManifestLinter.LintPaths(new[] { dir.Path }, new LintOptions());
            var (off, _) = ManifestLinter.LintPaths(new[] { dir.Path }, Options("rules: {MT0004: none}\n", dir.Path));

            Assert.Equal("MT0004", Assert.Single(on.Diagnostics).Id);
            Assert.Empty(off.Diagnostics);
        }

        [Fact]
        public void SeverityOf_GivesTheConfiguredSeverity_OrTheOneGiven()
        {
            using var dir = new TempDirectory();
            var config = Parse(dir.Path, "rules: {MT2002: error, MT1007: none, MT1001: info}\n");
            var file = Path.Combine(dir.Path, "a.yaml");

            Assert.Equal(Severity.Error, config.SeverityOf("MT2002", Severity.Warning, file));
            Assert.Null(config.SeverityOf("MT1007", Severity.Warning, file));
            Assert.Equal(Severity.Info, config.SeverityOf("MT1001", Severity.Error, null));
            Assert.Equal(Severity.Warning, config.SeverityOf("MT1004", Severity.Warning, file));
        }

        // ---- suppress ------------------------------------------------------------------------------------------

        /// <summary>A Service without pods (MT2002) and a ConfigMap with an invalid name (MT2004).</summary>
        private static readonly string TwoFindings = Mesh.Join(ServiceWithoutPods, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n");

        private static (string File, string Id)[] Findings(TempDirectory dir, string config)
        {
            var (report, ioErrors) = ManifestLinter.LintPaths(new[] { dir.Path }, Options(config, dir.Path));
            Assert.Empty(ioErrors);
            return report.Diagnostics.Select(d => (d.File.Substring(dir.Path.Length + 1), d.Id)).ToArray();
        }

        private static TempDirectory TwoFolders()
        {
            var dir = new TempDirectory();
            dir.Write("legacy/a.yaml", TwoFindings);
            dir.Write("apps/b.yaml", TwoFindings.Replace("name: ads", "name: ads-b"));
            return dir;
        }

        [Fact]
        public void ASuppressionDropsItsRulesOnlyInItsPaths()
        {
            using var dir = TwoFolders();

            var findings = Findings(dir, "suppress:\n  - paths: [legacy/**]\n    rules: [MT2002]\n");

            Assert.Equal(new[] { ("apps/b.yaml", "MT2002"), ("apps/b.yaml", "MT2004"), ("legacy/a.yaml", "MT2004") }.OrderBy(f => f),
                findings.OrderBy(f => f));
        }

        [Fact]
        public void ASuppressionWithoutRules_DropsEveryRuleInItsPaths()
        {
            using var dir = TwoFolders();

            var findings = Findings(dir, "suppress:\n  - paths: [legacy]\n");

            Assert.All(findings, f => Assert.Equal("apps/b.yaml", f.File));
            Assert.Equal(2, findings.Length);
        }

        [Fact]
        public void SeveralSuppressions_EachApplyToTheirOwnPaths()
        {
            using var dir = TwoFolders();

            var findings = Findings(dir, "suppress:\n  - paths: [legacy/**]\n    rules: [MT2004]\n  - paths: [\"apps/*.yaml\"]\n    rules: [\"*\"]\n");

            Assert.Equal(new[] { ("legacy/a.yaml", "MT2002") }, findings);
        }

        [Fact]
        public void SeverityOf_IsNullOnlyInSuppressedPaths()
        {
            using var dir = new TempDirectory();
            var config = Parse(dir.Path, "suppress:\n  - paths: [legacy/**]\n    rules: [MT1001]\n");

            Assert.Null(config.SeverityOf("MT1001", Severity.Error, Path.Combine(dir.Path, "legacy", "a.yaml")));
            Assert.Equal(Severity.Error, config.SeverityOf("MT1001", Severity.Error, Path.Combine(dir.Path, "apps", "a.yaml")));
            Assert.Equal(Severity.Error, config.SeverityOf("MT1002", Severity.Error, Path.Combine(dir.Path, "legacy", "a.yaml")));
            Assert.Equal(Severity.Error, config.SeverityOf("MT1001", Severity.Error, null));
        }

        // ---- defaultNamespace and clusterDomain ---------------------------------------------------------------

        [Fact]
        public void DefaultNamespace_IsTheNamespaceOfObjectsWithoutOne()
        {
            var options = Options("defaultNamespace: shop\n");
            var route = RouteTo("reviews").Replace("  namespace: default\n", string.Empty);

            Assert.Equal("shop", options.DefaultNamespace);
            Assert.Empty(Lint.Files(options, ("mesh.yaml", Mesh.Backend("shop")), ("vs.yaml", route)).Only("MT1004"));
            var d = Assert.Single(Lint.Files(new LintOptions(), ("mesh.yaml", Mesh.Backend("shop")), ("vs.yaml", route)).Only("MT1004"));
            Assert.Equal("VirtualService default/reviews", d.Subject?.ToString());
        }

        [Fact]
        public void ClusterDomain_IsUsedToResolveHosts()
        {
            var options = Options("clusterDomain: corp.example\n");

            Assert.Equal("corp.example", options.ClusterDomain);
            Assert.Empty(HostFindings(options, "reviews"));
            Assert.Empty(HostFindings(options, "reviews.default.svc.corp.example"));
            var d = Assert.Single(HostFindings(options, "ratings"));
            Assert.Contains("resolves to ratings.default.svc.corp.example", d.Message);
        }

        [Fact]
        public void ApplyTo_SetsTheConfigOfTheOptions_AndLeavesUnsetValuesAlone()
        {
            var config = Parse(Path.GetTempPath(), "rules: {MT2002: error}\n");
            var options = new LintOptions { DefaultNamespace = "web", ClusterDomain = "corp.example" };

            config.ApplyTo(options);

            Assert.Same(config, options.Config);
            Assert.Equal(("web", "corp.example"), (options.DefaultNamespace, options.ClusterDomain));
        }

        // ---- Find and Load ------------------------------------------------------------------------------------

        [Fact]
        public void Find_WalksUpFromASubfolder()
        {
            using var dir = new TempDirectory();
            var file = dir.Write(".manifest-tools.yaml", "rules: {}\n");
            var sub = Path.Combine(dir.Path, "apps", "cart", "k8s");
            Directory.CreateDirectory(sub);

            Assert.Equal(file, ManifestToolsConfig.Find(sub));
            Assert.Equal(file, ManifestToolsConfig.Find(dir.Path));
        }

        [Fact]
        public void Find_TakesTheNearestFile()
        {
            using var dir = new TempDirectory();
            dir.Write(".manifest-tools.yaml", "rules: {}\n");
            var nearer = dir.Write("apps/.manifest-tools.yaml", "rules: {}\n");
            var sub = Path.Combine(dir.Path, "apps", "cart");
            Directory.CreateDirectory(sub);

            Assert.Equal(nearer, ManifestToolsConfig.Find(sub));
        }

        [Fact]
        public void Load_ReadsTheFile_AndItsPathsAreRelativeToItsFolder()
        {
            using var dir = new TempDirectory();
            var file = dir.Write("repo/.manifest-tools.yaml", "ignore: [legacy/**]\nexternal:\n  namespaces: [istio-system]\n");

            var config = ManifestToolsConfig.Load(file, out var errors);

            Assert.Empty(errors);
            Assert.NotNull(config);
            Assert.Equal(Path.Combine(dir.Path, "repo"), config!.Directory);
            Assert.Equal(new[] { "istio-system" }, config.ExternalNamespaces);
            Assert.True(config.IsIgnored(Path.Combine(dir.Path, "repo", "legacy", "a.yaml")));
            Assert.False(config.IsIgnored(Path.Combine(dir.Path, "legacy", "a.yaml")));
        }

        [Fact]
        public void Load_OfAMissingFile_IsAnErrorAtItsStart()
        {
            using var dir = new TempDirectory();
            var file = Path.Combine(dir.Path, ".manifest-tools.yaml");

            Assert.Null(ManifestToolsConfig.Load(file, out var errors));

            var d = Assert.Single(errors);
            Assert.Equal(("MT0005", Severity.Error, file, 1, 1), (d.Id, d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.StartsWith("cannot be read: ", d.Message);
        }

        [Theory]
        [InlineData("")]
        [InlineData("# nothing configured yet\n")]
        public void AnEmptyFile_IsAValidConfiguration(string text)
        {
            var config = ManifestToolsConfig.Parse(".manifest-tools.yaml", text, out var errors);

            Assert.Empty(errors);
            Assert.NotNull(config);
        }

        [Fact]
        public void TheDocumentedExample_IsValid()
        {
            const string text = """
                # yaml-language-server: $schema=docs/manifest-tools.schema.json
                defaultNamespace: shop
                clusterDomain: cluster.local
                ignore:
                  - legacy/**
                  - "*.generated.yaml"
                external:
                  namespaces: [istio-system]
                  hosts: ["*.googleapis.com", api.stripe.com]
                rules:
                  MT2002: error
                  MT1007: none
                suppress:
                  - paths: [istio-samples/**]
                    rules: [MT1009]
                """;

            var config = ManifestToolsConfig.Parse(".manifest-tools.yaml", text, out var errors);

            Assert.Empty(errors);
            Assert.NotNull(config);
            Assert.Equal(("shop", "cluster.local"), (config!.DefaultNamespace, config.ClusterDomain));
            Assert.Equal(new[] { "*.googleapis.com", "api.stripe.com" }, config.ExternalHosts);
        }

        // ---- malformed files: MT0005 --------------------------------------------------------------------------

        [Theory]
        [InlineData("defaultNamespace: shop\nexclude: [a]\n", 2, 1, "unknown key exclude; the keys are defaultNamespace, clusterDomain, ignore, external, rules, suppress")]
        [InlineData("rules: {MT9999: error}\n", 1, 9, "MT9999 is not a rule that can be configured here; `manifest-tools rules` lists them")]
        [InlineData("rules:\n  MT1001: fatal\n", 2, 11, "rules.MT1001 must be error, warning, info or none")]
        [InlineData("ignore: legacy\n", 1, 9, "ignore must be a sequence of strings, not a scalar")]
        [InlineData("rules: {}\n---\nrules: {}\n", 3, 1, "holds more than one YAML document; keep one")]
        [InlineData("suppress: [{rules: [MT1001]}]\n", 1, 12, "suppress[0] needs paths: the files it applies to")]
        [InlineData("suppress:\n  - paths: [a/**]\n  - rules: [MT1001]\n", 3, 5, "suppress[1] needs paths: the files it applies to")]
        [InlineData("rules:\n  MT2002: error\n  MT0005: none\n", 3, 3, "MT0005, a problem of this file itself, cannot be configured in it")]
        [InlineData("defaultNamespace: Shop_1\n", 1, 19, "defaultNamespace \"Shop_1\" is not a DNS-1123 label")]
        [InlineData("external:\n  hosts: [a.example]\n  services: [b]\n", 3, 3, "unknown key external.services; the keys are namespaces and hosts")]
        [InlineData("suppress:\n  - paths: [a/**]\n    rules: [MT4242]\n", 3, 13, "MT4242 is not a rule that can be configured here")]
        [InlineData("- a\n- b\n", 1, 1, "must be a mapping of settings, not a sequence")]
        public void AMalformedFile_IsReportedAtTheWrongKeyOrValue(string text, int line, int column, string message)
        {
            var path = Path.Combine(Path.GetTempPath(), "repo", ".manifest-tools.yaml");

            var config = ManifestToolsConfig.Parse(path, text, out var errors);

            Assert.Null(config);
            var d = Assert.Single(errors);
            Assert.Equal(("MT0005", Severity.Error, path, line, column), (d.Id, d.Severity, d.File, d.Span.Line, d.Span.Column));
            Assert.StartsWith(message, d.Message);
        }

        [Fact]
        public void AYamlSyntaxError_IsMT0005AtTheErrorsPosition()
        {
            var config = ManifestToolsConfig.Parse(".manifest-tools.yaml", "rules: {MT1001: error\n", out var errors);

            Assert.Null(config);
            var d = Assert.Single(errors);
            Assert.Equal(("MT0005", Severity.Error, 2, 1), (d.Id, d.Severity, d.Span.Line, d.Span.Column));
            Assert.Contains("flow mapping", d.Message);
        }

        [Fact]
        public void EveryProblemOfAFile_IsReported()
        {
            var config = ManifestToolsConfig.Parse(".manifest-tools.yaml", "exclude: []\nrules:\n  MT9999: error\n  MT1001: fatal\nignore: legacy\n", out var errors);

            Assert.Null(config);
            Assert.Equal(new[] { (1, 1), (3, 3), (4, 11), (5, 9) }, errors.Select(e => (e.Span.Line, e.Span.Column)));
            Assert.All(errors, e => Assert.Equal("MT0005", e.Id));
        }

        [Fact]
        public void ASuppressionWithAnEmptyRulesList_IsAnError_NotASuppressionOfEverything()
        {
            var config = ManifestToolsConfig.Parse("/repo/.manifest-tools.yaml", "suppress:\n  - paths: [legacy/**]\n    rules: []\n", out var errors);

            Assert.Null(config);
            var error = Assert.Single(errors);
            Assert.Equal(("MT0005", 3, 12), (error.Id, error.Span.Line, error.Span.Column));
            Assert.Equal("suppress[0].rules is empty: name the rules to suppress, or omit rules to suppress them all", error.Message);
        }
    }
}
