using System.IO;

namespace ManifestTools.Build.Tests
{
    [Collection(PackageCollection.Name)]
    public class MultiServiceTests
    {
        private readonly PackageFixture _package;

        public MultiServiceTests(PackageFixture package) => _package = package;

        /// <summary>Two services built by parallel nodes, each loading the tasks in its own process.</summary>
        [Fact]
        public void ParallelBuildOfTwoServicesGeneratesBoth()
        {
            string root = _package.NewFolder("shop");
            var cart = ServiceProject.Simple(Path.Combine(root, "Cart"), "Cart");
            var orders = ServiceProject.Simple(Path.Combine(root, "Orders"), "Orders");
            File.WriteAllText(Path.Combine(root, "Shop.slnx"), """
                <Solution>
                  <Project Path="Cart/Cart.csproj" />
                  <Project Path="Orders/Orders.csproj" />
                </Solution>

                """);

            var result = DotnetProcess.Run(root, "build", "Shop.slnx", "-m");
            BuildAssert.SucceededWithoutWarnings(result);
            foreach (var (project, service) in new[] { (cart, "cart"), (orders, "orders") })
            {
                Assert.Equal(
                    new[] { $"{service}-v1.deployment.yaml", $"{service}.destinationrule.yaml", $"{service}.service.yaml", $"{service}.virtualservice.yaml" },
                    project.ManifestFileNames());
                string serviceYaml = File.ReadAllText(Path.Combine(project.ManifestsDirectory, service + ".service.yaml"));
                Assert.Contains($"namespace: {service}-ns\n", serviceYaml, System.StringComparison.Ordinal);
            }
        }
    }
}
