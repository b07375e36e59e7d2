using System;
using System.IO;
using ManifestTools.Tests;

namespace ManifestTools.Build.Tests
{
    /// <summary>
    /// Packs the ManifestTools package from this checkout once per test run into a private feed, and gives each test
    /// a folder outside the repository, so that neither its Directory.Build.props nor a stale package applies.
    /// </summary>
    public sealed class PackageFixture : IDisposable
    {
        public PackageFixture()
        {
            Root = Path.Combine(Path.GetTempPath(), "ManifestTools.Build.Tests-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            string feed = Path.Combine(Root, "feed");
            Package = Path.Combine(feed, "ManifestTools.0.1.0.nupkg");
            Directory.CreateDirectory(Root);

            // Above every test folder: the feed on top of the machine's default sources, and a package folder of
            // this run only, so that the 0.1.0 just packed is extracted once and never an older 0.1.0.
            File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                  <config>
                    <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
                  </config>
                </configuration>
                """);
            // Ends MSBuild's upward search for these files in the temp folder.
            File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");

            var pack = DotnetProcess.Run(RepoRoot.Path, "pack", Path.Combine(RepoRoot.Path, "nuget", "ManifestTools.Package.csproj"), "-c", "Release", "-o", feed);
            if (pack.ExitCode != 0 || !File.Exists(Package))
            {
                Dispose();
                throw new InvalidOperationException("packing ManifestTools failed:\n" + pack);
            }
        }

        /// <summary>The packed ManifestTools.0.1.0.nupkg.</summary>
        public string Package { get; }

        /// <summary>The temp folder of this run; deleted with the fixture.</summary>
        public string Root { get; }

        /// <summary>A new empty folder under <see cref="Root"/>.</summary>
        public string NewFolder(string name)
        {
            string path = Path.Combine(Root, name);
            if (Directory.Exists(path))
            {
                throw new InvalidOperationException("two tests use the folder " + name);
            }

            Directory.CreateDirectory(path);
            return path;
        }

        public void Dispose()
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
    }

    /// <summary>
    /// Every end-to-end test shares the one package, so they form one collection and run one after another: each build
    /// already keeps the 2-core machine busy, and two at once would only make both slower.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class PackageCollection : ICollectionFixture<PackageFixture>
    {
        public const string Name = "ManifestTools package";
    }
}
