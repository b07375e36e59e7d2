using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Rules.GatewayApi
{
    /// <summary>
    /// The Gateway API versions of Istio's Bookinfo and helloworld samples (tests/corpus/realistic/istio-samples): they
    /// lint clean, and each defect a user makes in them, planted one at a time, is found with its rule at its line.
    /// </summary>
    public class IstioSamplesTests
    {
        private static readonly string Samples = Path.Combine(RepoRoot.Path, "tests", "corpus", "realistic", "istio-samples");

        /// <summary>The files of one sample, by their path under istio-samples.</summary>
        private static List<(string Path, string Yaml)> Sample(string name, params string[] folders) =>
            folders.SelectMany(folder => Directory.GetFiles(Path.Combine(Samples, name, folder), "*.yaml"))
                .Concat(name == "helloworld" ? new[] { Path.Combine(Samples, name, "helloworld.yaml") } : Array.Empty<string>())
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path.GetRelativePath(Samples, p).Replace('\\', '/'), File.ReadAllText(p)))
                .ToList();

        private static List<(string Path, string Yaml)> Bookinfo() => Sample("bookinfo", "platform", "gateway-api")
            .Where(f => f.Path == "bookinfo/platform/bookinfo.yaml" || f.Path == "bookinfo/platform/bookinfo-versions.yaml" ||
                        f.Path.StartsWith("bookinfo/gateway-api/", StringComparison.Ordinal))
            .ToList();

        private static List<(string Path, string Yaml)> Helloworld() => Sample("helloworld", "gateway-api");

        private static IReadOnlyList<ManifestDiagnostic> Planted(List<(string Path, string Yaml)> files, string file, Func<string, string> plant)
        {
            int at = files.FindIndex(f => f.Path == file);
            var planted = plant(files[at].Yaml);
            Assert.NotEqual(files[at].Yaml, planted);
            files[at] = (file, planted);
            return Lint.Files(files.ToArray());
        }

        [Fact]
        public void BothSamples_LintClean()
        {
            // Bookinfo's platform variants define each Deployment in several files (MT2003); those are the realistic corpus's traps.
            Assert.DoesNotContain(Lint.Files(Bookinfo().ToArray()), d => d.Id != "MT2003");
            Assert.Empty(Lint.Files(Helloworld().ToArray()));
        }

        [Theory]
        [InlineData("bookinfo/gateway-api/route-reviews-90-10.yaml", "name: reviews-v2", "name: reviews-v3x", "MT1101", 15)]
        [InlineData("bookinfo/gateway-api/route-reviews-90-10.yaml", "      port: 9080\n      weight: 10", "      weight: 10", "MT1103", 15)]
        [InlineData("bookinfo/gateway-api/route-reviews-90-10.yaml", "weight: 10", "weight: 30", "MT1104", 11)]
        [InlineData("bookinfo/gateway-api/bookinfo-gateway.yaml", "    - name: productpage\n", "    - name: productpage\n      namespace: ratings-ns\n", "MT1102", 41)]
        [InlineData("bookinfo/gateway-api/route-reviews-test-v2.yaml", "  - backendRefs:\n    - name: reviews-v1\n      port: 9080\n", "", "MT1108", 12)]
        [InlineData("bookinfo/gateway-api/bookinfo-gateway.yaml", "  - name: bookinfo-gateway\n", "  - name: bookinfo-gatway\n", "MT1109", 21)]
        public void ADefectPlantedInBookinfo_IsFound_WithItsRule_AtItsLine(string file, string from, string to, string id, int line)
        {
            var files = Bookinfo();
            if (id == "MT1102")
            {
                // The backend's namespace exists in the input, with its Service, as when the productpage team owns it.
                files.Add(("bookinfo/platform/ratings-ns.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: productpage, namespace: ratings-ns}\n" +
                                                               "spec:\n  selector: {app: productpage}\n  ports: [{name: http, port: 9080}]\n"));
            }

            var findings = Planted(files, file, yaml => yaml.Replace(from, to)).Where(d => d.Id != "MT2003").ToList();

            var d = Assert.Single(findings, f => f.Severity == Severity.Error);
            Assert.Equal((id, file, line), (d.Id, d.File, d.Span.Line));
        }

        [Theory]
        [InlineData("name: helloworld-v2", "name: helloworld-v3", "MT1101", 17)]
        [InlineData("      port: 5000\n      weight: 90", "      weight: 90", "MT1103", 14)]
        [InlineData("weight: 90", "weight: 80", "MT1104", 13)]
        public void ADefectPlantedInHelloworld_IsFound_WithItsRule_AtItsLine(string from, string to, string id, int line)
        {
            var d = Assert.Single(Planted(Helloworld(), "helloworld/gateway-api/helloworld-route.yaml", yaml => yaml.Replace(from, to)));

            Assert.Equal((Severity.Error, id, line), (d.Severity, d.Id, d.Span.Line));
        }
    }
}
