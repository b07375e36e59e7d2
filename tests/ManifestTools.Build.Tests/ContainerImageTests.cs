using System.IO;

namespace ManifestTools.Build.Tests
{
    /// <summary>
    /// The targets pass the image the code runs in to the analyzer (MT3002): the Dockerfile that DockerfileFile names,
    /// or the SDK's container properties and items, whatever characters their values hold.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class ContainerImageTests
    {
        /// <summary>A Service that sends to 5002, where the container declares its port.</summary>
        private const string Manifests = """
            apiVersion: v1
            kind: Service
            metadata:
              name: orders
            spec:
              selector:
                app: orders
              ports:
                - port: 80
                  targetPort: 5002
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: orders
            spec:
              selector:
                matchLabels: { app: orders }
              template:
                metadata:
                  labels: { app: orders }
                spec:
                  containers:
                    - name: orders
                      image: orders:1
                      ports:
                        - containerPort: 5002

            """;

        private readonly PackageFixture _package;

        public ContainerImageTests(PackageFixture package) => _package = package;

        private ServiceProject WebService(string folder, string properties, string items)
        {
            var project = ServiceProject.Create(_package.NewFolder(folder), "Orders", $"""
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <ManifestServiceName>orders</ManifestServiceName>
                    {properties}
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ManifestTools" Version="0.1.0" />
                    <ManifestFile Include="k8s/*.yaml" />
                    {items}
                  </ItemGroup>
                </Project>

                """);
            project.WriteFile("Program.cs", "WebApplication.CreateBuilder(args).Build().Run();\n");
            project.WriteFile(Path.Combine("k8s", "orders.yaml"), Manifests);
            return project;
        }

        [Fact]
        public void TheSdksImageListensOnItsBasePortUntilAnItemSetsTheOne()
        {
            // EnableSdkContainerSupport is on by default, so it says nothing about which image the code runs in.
            var project = WebService("sdk-image", "<EnableSdkContainerSupport>true</EnableSdkContainerSupport>", "");
            project.WriteFile("Settings.cs", "static class Settings { public static string Read() => System.Environment.GetEnvironmentVariable(\"MISSING_ONE\")!.Trim(); }\n");
            string manifest = Path.Combine(project.Directory, "k8s", "orders.yaml");
            string settings = Path.Combine(project.Directory, "Settings.cs");
            var (line, column) = BuildAssert.PositionOf(Manifests, "targetPort: 5002");
            column += "targetPort: ".Length;

            var unknownImage = project.Build();
            BuildAssert.Succeeded(unknownImage);
            BuildAssert.WarningCount(unknownImage, 1);
            BuildAssert.HasFinding(unknownImage, settings, "warning", "MT3001");

            // A variable shapes the SDK's image. Its value holds what an analyzer config line cannot: a newline (with a
            // variable assignment after it, which must stay part of the value), ';', '#', quotes and '%'.
            project.Replace("<PackageReference ", """<ContainerEnvironmentVariable Include="GREETING" Value="it's; #1 = 'ok' %25 &amp;&#10;MISSING_ONE=x" /><PackageReference """);
            var fromBase = project.Build();
            BuildAssert.Failed(fromBase);
            BuildAssert.ErrorCount(fromBase, 1);
            BuildAssert.HasFinding(fromBase, manifest, "error", "MT3002", line, column);
            Assert.Contains("the code listens on port 8080 (ASPNETCORE_HTTP_PORTS in the SDK's base image mcr.microsoft.com/dotnet/aspnet:10.0)", fromBase.Output);
            BuildAssert.HasFinding(fromBase, settings, "warning", "MT3001");

            project.Replace("""<ContainerEnvironmentVariable Include="GREETING" """,
                """<ContainerEnvironmentVariable Include="ASPNETCORE_HTTP_PORTS" Value="5002" /><ContainerEnvironmentVariable Include="GREETING" """);
            var fromItem = project.Build();
            BuildAssert.Succeeded(fromItem);
            BuildAssert.WarningCount(fromItem, 1);
            BuildAssert.HasFinding(fromItem, settings, "warning", "MT3001");
        }

        [Fact]
        public void TheDockerfileThatDockerfileFileNamesBuildsTheImage()
        {
            var project = WebService("dockerfile-file", "<DockerfileFile>docker/orders.Dockerfile</DockerfileFile>", "");
            project.WriteFile(Path.Combine("docker", "orders.Dockerfile"), """
                FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
                ENV ASPNETCORE_HTTP_PORTS=5002
                EXPOSE 5002

                FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
                WORKDIR /src
                COPY . .
                RUN dotnet publish -c Release -o /app

                FROM base AS final
                COPY --from=build /app .
                ENTRYPOINT ["dotnet", "Orders.dll"]

                """);
            // A Dockerfile in the project folder is not the one the property names.
            project.WriteFile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV ASPNETCORE_HTTP_PORTS=7070\n");

            BuildAssert.SucceededWithoutWarnings(project.Build());

            project.Replace("<DockerfileFile>docker/orders.Dockerfile</DockerfileFile>", "");
            var fromDefault = project.Build();
            BuildAssert.Failed(fromDefault);
            BuildAssert.ErrorCount(fromDefault, 1);
            Assert.Contains("the code listens on port 7070 (Dockerfile ENV ASPNETCORE_HTTP_PORTS)", fromDefault.Output);
        }
    }
}
