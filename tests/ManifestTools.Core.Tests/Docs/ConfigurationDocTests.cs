using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ManifestTools.Configuration;

namespace ManifestTools.Tests.Docs
{
    /// <summary>The README's example configuration is valid, and its JSON Schema names exactly the keys the reader accepts.</summary>
    public class ConfigurationDocTests
    {
        private static string ReadmeExample()
        {
            var readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md"));
            var match = Regex.Match(readme, "```yaml \\.manifest-tools\\.yaml\\n(.*?)```", RegexOptions.Singleline);
            Assert.True(match.Success, "README.md has no ```yaml .manifest-tools.yaml block");
            return match.Groups[1].Value;
        }

        [Fact]
        public void TheReadmeExampleIsValidAndSetsWhatItSays()
        {
            var config = ManifestToolsConfig.Parse("/repo/.manifest-tools.yaml", ReadmeExample(), out var errors);

            Assert.Empty(errors);
            Assert.NotNull(config);
            Assert.Equal("shop", config!.DefaultNamespace);
            Assert.Equal(new[] { "istio-system" }, config.ExternalNamespaces);
            Assert.True(config.IsIgnored("/repo/legacy/old/app.yaml"));
            Assert.True(config.IsIgnored("/repo/k8s/app.generated.yaml"));
            Assert.Null(config.SeverityOf("MT1007", Diagnostics.Severity.Warning, "/repo/k8s/app.yaml"));
            Assert.Null(config.SeverityOf("MT1009", Diagnostics.Severity.Error, "/repo/istio-samples/a/b.yaml"));
            Assert.Equal(Diagnostics.Severity.Error, config.SeverityOf("MT1009", Diagnostics.Severity.Error, "/repo/k8s/b.yaml"));
        }

        [Fact]
        public void TheSchemaNamesEveryKeyTheReaderAccepts_AndNoOther()
        {
            using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "manifest-tools.schema.json")));
            var keys = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).OrderBy(k => k, StringComparer.Ordinal).ToList();

            Assert.Equal(new[] { "clusterDomain", "defaultNamespace", "external", "ignore", "rules", "suppress" }, keys);
            foreach (var key in keys)
            {
                ManifestToolsConfig.Parse("c.yaml", key + ": ~\n", out var errors);
                Assert.DoesNotContain(errors, e => e.Message.StartsWith("unknown key", StringComparison.Ordinal));
            }

            ManifestToolsConfig.Parse("c.yaml", "severities: {}\n", out var unknown);
            Assert.StartsWith("unknown key severities", Assert.Single(unknown).Message);
        }
    }
}
