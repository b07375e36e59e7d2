using System.IO;
using ManifestTools.Benchmarks;

namespace ManifestTools.Cli.Tests
{
    /// <summary>The benchmark's generated mesh (shared source) is valid: if it were not, the benchmark would time error reporting.</summary>
    public class SyntheticMeshTests
    {
        [Fact]
        public void GeneratedMeshLintsClean()
        {
            const int services = 50;
            var dir = Directory.CreateTempSubdirectory("mt-mesh").FullName;
            try
            {
                SyntheticMesh.Write(dir, services);

                var (exitCode, stdout, stderr) = CliRunner.Run("lint", dir);

                Assert.Equal(string.Empty, stderr);
                Assert.Equal($"0 errors, 0 warnings in {services} files ({services * SyntheticMesh.ObjectsPerService} objects)\n", stdout);
                Assert.Equal(0, exitCode);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        [Fact]
        public void GeneratedMeshSpreadsServicesOverTenNamespaces()
        {
            var dir = Directory.CreateTempSubdirectory("mt-mesh").FullName;
            try
            {
                SyntheticMesh.Write(dir, 25);

                Assert.Equal(SyntheticMesh.Namespaces, Directory.GetDirectories(dir).Length);
                Assert.Equal(25, Directory.GetFiles(dir, "*.yaml", SearchOption.AllDirectories).Length);
                Assert.Contains("namespace: ns7\n", File.ReadAllText(Path.Combine(dir, "ns7", "svc-00017.yaml")));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
