using System;
using System.IO;
using System.Linq;
using ManifestTools.Tests;

namespace ManifestTools.Build.Tests
{
    [Collection(PackageCollection.Name)]
    public class SampleTests
    {
        private readonly PackageFixture _package;

        public SampleTests(PackageFixture package) => _package = package;

        /// <summary>
        /// The Ecommerce services, copied elsewhere without their manifests, generate the committed files byte for byte:
        /// the output depends on the declaration only, not on where the project lives.
        /// </summary>
        [Theory]
        [InlineData("Advertisements")]
        [InlineData("Discounts")]
        public void SampleServiceGeneratesTheCommittedManifests(string service)
        {
            string sample = Path.Combine(RepoRoot.Path, "samples", "Ecommerce", service);
            string copy = Path.Combine(_package.NewFolder("sample-" + service), service);
            CopySources(sample, copy);

            var result = DotnetProcess.Run(copy, "build");
            BuildAssert.SucceededWithoutWarnings(result);
            string committed = Path.Combine(sample, "manifests");
            string generated = Path.Combine(copy, "manifests");
            Assert.Equal(FileNames(committed), FileNames(generated));
            foreach (var name in FileNames(committed))
            {
                Assert.True(File.ReadAllBytes(Path.Combine(committed, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(generated, name))),
                    $"{service}/manifests/{name} differs from the committed samples/Ecommerce/{service}/manifests/{name}:\n{File.ReadAllText(Path.Combine(generated, name))}");
            }
        }

        /// <summary>
        /// The sample's switch, -p:ManifestTrafficApi=GatewayApi: the same Deployments as committed, a Service per
        /// version and an HTTPRoute instead of the Istio objects, and a build without findings.
        /// </summary>
        [Theory]
        [InlineData("Advertisements", "advertisements", "v1;v2")]
        [InlineData("Discounts", "discounts", "v1")]
        public void SampleServiceBuildsWithGatewayApi(string service, string name, string versions)
        {
            string sample = Path.Combine(RepoRoot.Path, "samples", "Ecommerce", service);
            string copy = Path.Combine(_package.NewFolder("sample-gateway-api-" + service), service);
            CopySources(sample, copy);

            var result = DotnetProcess.Run(copy, "build", "-p:ManifestTrafficApi=GatewayApi");

            BuildAssert.SucceededWithoutWarnings(result);
            var versionNames = versions.Split(';');
            var expected = versionNames.Select(v => $"{name}-{v}.deployment.yaml").Concat(versionNames.Select(v => $"{name}-{v}.service.yaml"))
                .Append($"{name}.service.yaml").Append($"{name}.httproute.yaml").OrderBy(f => f, StringComparer.Ordinal);
            string generated = Path.Combine(copy, "manifests");
            Assert.Equal(expected, FileNames(generated));
            foreach (var deployment in versionNames.Select(v => $"{name}-{v}.deployment.yaml"))
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(sample, "manifests", deployment)), File.ReadAllBytes(Path.Combine(generated, deployment)));
            }
        }

        /// <summary>Everything but the build's outputs: bin/, obj/ and the generated manifests/.</summary>
        internal static void CopySources(string source, string target)
        {
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(source, file);
                string top = relative.Split(Path.DirectorySeparatorChar)[0];
                if (top is "bin" or "obj" or "manifests")
                {
                    continue;
                }

                string destination = Path.Combine(target, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination);
            }
        }

        private static string[] FileNames(string directory) =>
            Directory.GetFiles(directory).Select(f => Path.GetFileName(f)!).OrderBy(f => f, StringComparer.Ordinal).ToArray();
    }
}
