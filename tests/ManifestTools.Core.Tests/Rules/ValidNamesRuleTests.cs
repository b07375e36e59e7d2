using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules
{
    /// <summary>MT2004: names, namespaces, label keys and label values the API server would reject.</summary>
    public class ValidNamesRuleTests
    {
        private const string LetterRule = "must consist of lower-case letters, digits and '-', and start and end with a letter or digit";
        private const string SubdomainRule = "must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit";
        private const string LabelRule = "must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit";

        /// <summary>An object whose <c>name:</c> key is at line 4, column 3.</summary>
        private static string Named(string kind, string name, string apiVersion = "v1") =>
            $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: {name}\n";

        /// <summary>A ConfigMap whose only label is at line 6: key at column 5, value at column 7 + key length.</summary>
        private static string Labelled(string key, string value) =>
            $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels:\n    {key}: {value}\n";

        private static ManifestDiagnostic SingleFinding(string yaml)
        {
            var finding = Assert.Single(Lint.Yaml(yaml));
            Assert.Equal(("MT2004", Severity.Error), (finding.Id, finding.Severity));
            return finding;
        }

        [Fact]
        public void AnUpperCaseDeploymentNameIsReportedAtTheNameKey()
        {
            var finding = SingleFinding(Named("Deployment", "Ads_V2", "apps/v1"));

            Assert.Equal((4, 3), (finding.Span.Line, finding.Span.Column));
            Assert.Equal($"Deployment name \"Ads_V2\" is not a DNS-1123 subdomain: it {SubdomainRule}", finding.Message);
            Assert.Equal("Deployment default/Ads_V2", finding.Subject?.ToString());
        }

        [Theory]
        [InlineData("ads")]
        [InlineData("ads.v2")]
        [InlineData("2ads")]
        [InlineData("a")]
        public void ValidSubdomainNamesAreSilent(string name)
        {
            Assert.Empty(Lint.Yaml(Named("ConfigMap", name)));
        }

        [Theory]
        [InlineData("ads-")]
        [InlineData("-ads")]
        [InlineData("ads..v2")]
        [InlineData("ads_v2")]
        public void InvalidSubdomainNamesAreReported(string name)
        {
            Assert.EndsWith($"is not a DNS-1123 subdomain: it {SubdomainRule}", SingleFinding(Named("ConfigMap", name)).Message);
        }

        [Fact]
        public void ASubdomainNameMayHave253CharactersButNotMore()
        {
            string Long(int length) => string.Join(".", Enumerable.Repeat(new string('a', 49), 6)).Substring(0, length - 1) + "b";

            Assert.Empty(Lint.Yaml(Named("ConfigMap", Long(253))));
            Assert.EndsWith("it must be at most 253 characters", SingleFinding(Named("ConfigMap", Long(254) + "")).Message);
        }

        [Fact]
        public void AServiceNameWithADotIsNotADns1035Label()
        {
            var finding = SingleFinding(Named("Service", "ads.v2"));

            Assert.Equal((4, 3), (finding.Span.Line, finding.Span.Column));
            Assert.Equal($"Service name \"ads.v2\" is not a DNS-1035 label: it {LetterRule}", finding.Message);
        }

        [Fact]
        public void AServiceNameMustStartWithALetter()
        {
            Assert.Equal("Service name \"2ads\" is not a DNS-1035 label: it must start with a lower-case letter",
                SingleFinding(Named("Service", "2ads")).Message);
        }

        [Fact]
        public void AServiceNameMayHave63CharactersButNotMore()
        {
            Assert.Empty(Lint.Yaml(Named("Service", new string('s', 63))));
            Assert.EndsWith("it must be at most 63 characters", SingleFinding(Named("Service", new string('s', 64))).Message);
        }

        [Fact]
        public void ANamespaceObjectNameIsADns1123Label()
        {
            Assert.Empty(Lint.Yaml(Named("Namespace", "team-a")));
            Assert.Equal($"Namespace name \"team.a\" is not a DNS-1123 label: it {LetterRule}", SingleFinding(Named("Namespace", "team.a")).Message);
        }

        [Fact]
        public void AnInvalidMetadataNamespaceIsReported()
        {
            var finding = SingleFinding("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: Prod_EU\n");

            Assert.Equal((5, 3), (finding.Span.Line, finding.Span.Column)); // The namespace: key, not name:.
            Assert.Equal($"namespace \"Prod_EU\" is not a DNS-1123 label: it {LetterRule}", finding.Message);
        }

        [Theory]
        [InlineData("app")]
        [InlineData("app.kubernetes.io/name")]
        [InlineData("example.com/Team_Name.x")]
        [InlineData("A-b_c.D")]
        public void ValidLabelKeysAreSilent(string key)
        {
            Assert.Empty(Lint.Yaml(Labelled(key, "x")));
        }

        [Theory]
        [InlineData("Example.com/team", "must have a valid prefix before '/': the prefix " + SubdomainRule)]
        [InlineData("/team", "must have a valid prefix before '/': the prefix must not be empty")]
        [InlineData("example.com/", "must have a name")]
        [InlineData("a/b/c", LabelRule)]
        [InlineData("-team", LabelRule)]
        [InlineData("team name", LabelRule)]
        public void InvalidLabelKeysAreReportedAtTheKey(string key, string problem)
        {
            var finding = SingleFinding(Labelled($"\"{key}\"", "x"));

            Assert.Equal((6, 5), (finding.Span.Line, finding.Span.Column));
            Assert.Equal($"label key \"{key}\" in metadata.labels is invalid: it {problem}", finding.Message);
        }

        [Fact]
        public void ALabelKeyNameMayHave63CharactersButNotMore()
        {
            Assert.Empty(Lint.Yaml(Labelled("example.com/" + new string('k', 63), "x")));
            Assert.EndsWith("it must have a name of at most 63 characters", SingleFinding(Labelled("example.com/" + new string('k', 64), "x")).Message);
        }

        [Theory]
        [InlineData("v1")]
        [InlineData("\"1.0\"")]
        [InlineData("v1.0_beta-2")]
        [InlineData("\"\"")]
        [InlineData("")]
        public void ValidLabelValuesAreSilent(string value)
        {
            Assert.Empty(Lint.Yaml(Labelled("version", value)));
        }

        [Theory]
        [InlineData("-v1")]
        [InlineData("v1-")]
        [InlineData("\"has space\"")]
        [InlineData("v1/2")]
        public void InvalidLabelValuesAreReportedAtTheValue(string value)
        {
            var finding = SingleFinding(Labelled("version", value));

            Assert.Equal((6, 14), (finding.Span.Line, finding.Span.Column));
            Assert.Equal($"value \"{value.Trim('"')}\" of label version in metadata.labels is invalid: it {LabelRule}", finding.Message);
        }

        [Fact]
        public void ALabelValueMayHave63CharactersButNotMore()
        {
            Assert.Empty(Lint.Yaml(Labelled("version", new string('v', 63))));
            Assert.EndsWith("it must be at most 63 characters", SingleFinding(Labelled("version", new string('v', 64))).Message);
        }

        [Fact]
        public void LabelsOfTemplatesSelectorsAndSubsetsAreCheckedWhereTheyAre()
        {
            var yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ads
                spec:
                  selector:
                    matchLabels: {app: ads, track: -stable}
                  template:
                    metadata:
                      labels: {app: ads, track: -stable}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: ads
                spec:
                  selector: {app: ads, bad key: x}
                ---
                apiVersion: networking.istio.io/v1beta1
                kind: DestinationRule
                metadata:
                  name: ads
                spec:
                  host: ads
                  subsets:
                    - name: v1
                      labels: {version: v1.}
                """;

            var findings = Lint.Yaml(yaml).Only("MT2004");

            Assert.Collection(findings,
                f => Assert.Equal((7, 36, "value \"-stable\" of label track in the selector is invalid"), (f.Span.Line, f.Span.Column, f.Message.Split(": it")[0])),
                f => Assert.Equal((10, 33, "value \"-stable\" of label track in the pod template labels is invalid"), (f.Span.Line, f.Span.Column, f.Message.Split(": it")[0])),
                f => Assert.Equal((17, 24, "label key \"bad key\" in the selector is invalid"), (f.Span.Line, f.Span.Column, f.Message.Split(": it")[0])),
                f => Assert.Equal((27, 25, "value \"v1.\" of label version in subset v1 is invalid"), (f.Span.Line, f.Span.Column, f.Message.Split(": it")[0])));
        }

        [Fact]
        public void ServiceEntryWorkloadSelectorLabelsAreChecked()
        {
            var finding = SingleFinding("""
                apiVersion: networking.istio.io/v1beta1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts: [api.example.com]
                  workloadSelector:
                    labels: {app: "-vm"}
                """);

            Assert.Equal((8, 19), (finding.Span.Line, finding.Span.Column));
            Assert.Contains("in the workloadSelector", finding.Message);
        }

        [Fact]
        public void ABarePodsLabelsAreReportedOnce()
        {
            var finding = SingleFinding("apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  labels: {app: -debug}\n");

            Assert.Contains("in metadata.labels", finding.Message);
        }

        [Theory]
        [InlineData("Job", "batch/v1", "migrate-")]
        [InlineData("Pod", "v1", "Runner_")]
        public void AGenerateNameIsNotCheckedAsAName(string kind, string apiVersion, string prefix)
        {
            var yaml = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  generateName: {prefix}\n";

            Assert.Empty(Lint.Yaml(yaml));
        }

        [Fact]
        public void AGenerateNameObjectsLabelsAreStillChecked()
        {
            var finding = SingleFinding("apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n  labels: {run: _x}\n");

            Assert.Equal(5, finding.Span.Line);
        }

        [Fact]
        public void TheWildcardSuppressionSilencesEveryNameFinding()
        {
            var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n  annotations: {manifest-tools.io/suppress: \"*\"}\n  labels: {k: -v}\n";

            Assert.Empty(Lint.Yaml(yaml));
        }
    }
}
