using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ManifestTools.Build.Tests
{
    /// <summary>A class library that references the ManifestTools package, in its own folder under the fixture's root.</summary>
    internal sealed class ServiceProject
    {
        private ServiceProject(string directory, string name)
        {
            Directory = directory;
            ProjectFile = Path.Combine(directory, name + ".csproj");
            ManifestsDirectory = Path.Combine(directory, "manifests");
        }

        public string Directory { get; }
        public string ProjectFile { get; }
        public string ManifestsDirectory { get; }

        /// <summary>The advertisements canary of the Ecommerce sample: v1 90 % with 2 replicas, v2 10 %, a header route 50/50.</summary>
        public static ServiceProject Canary(PackageFixture package, string folder, string extraItems = "")
        {
            var project = new ServiceProject(package.NewFolder(folder), "Advertisements");
            File.WriteAllText(project.ProjectFile, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ManifestNamespace>ns3</ManifestNamespace>
                    <ManifestVersionEnvironmentVariable>DD_VERSION</ManifestVersionEnvironmentVariable>
                    <ContainerRegistry>registry.example</ContainerRegistry>
                    <ContainerRepository>ecommerce/advertisements</ContainerRepository>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ManifestTools" Version="0.1.0" />
                    <ContainerPort Include="5002" Type="tcp" />
                    <ServiceVersion Include="v1" ImageTag="1.0" Weight="90" Replicas="2" />
                    <ServiceVersion Include="v2" ImageTag="2.0" Weight="10" />
                    <ServiceRoute Include="products" Header="page-source" Exact="products" Weights="v1=50;v2=50" />
                    {extraItems}
                  </ItemGroup>
                </Project>

                """);
            return project;
        }

        /// <summary>A project with the given XML, in a folder of its own (created if needed).</summary>
        public static ServiceProject Create(string directory, string name, string projectXml)
        {
            var project = new ServiceProject(directory, name);
            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(project.ProjectFile, projectXml);
            return project;
        }

        /// <summary>A one-version service named after its project, in its own namespace.</summary>
        public static ServiceProject Simple(string directory, string name)
        {
            var project = new ServiceProject(directory, name);
            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(project.ProjectFile, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ManifestNamespace>{name.ToLowerInvariant()}-ns</ManifestNamespace>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ManifestTools" Version="0.1.0" />
                    <ContainerPort Include="8080" Type="tcp" />
                    <ServiceVersion Include="v1" ImageTag="1.0" />
                  </ItemGroup>
                </Project>

                """);
            return project;
        }

        public string ProjectText => File.ReadAllText(ProjectFile);

        /// <summary>Edits the project file as a user would; the text must occur exactly once.</summary>
        public void Replace(string oldText, string newText)
        {
            string text = ProjectText;
            int first = text.IndexOf(oldText, StringComparison.Ordinal);
            if (first < 0 || text.IndexOf(oldText, first + 1, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException($"'{oldText}' must occur once in {ProjectFile}:\n{text}");
            }

            File.WriteAllText(ProjectFile, text.Replace(oldText, newText, StringComparison.Ordinal));
        }

        /// <summary>Writes a file relative to the project folder and returns its full path.</summary>
        public string WriteFile(string relativePath, string content)
        {
            string path = Path.Combine(Directory, relativePath);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            return path;
        }

        public DotnetResult Build(params string[] arguments) => DotnetProcess.Run(Directory, new[] { "build" }.Concat(arguments).ToArray());

        public DotnetResult Clean() => DotnetProcess.Run(Directory, "clean");

        /// <summary>The names of the files in manifests/, sorted; none when the folder does not exist.</summary>
        public IReadOnlyList<string> ManifestFileNames() => System.IO.Directory.Exists(ManifestsDirectory)
            ? System.IO.Directory.GetFiles(ManifestsDirectory).Select(f => Path.GetFileName(f)!).OrderBy(f => f, StringComparer.Ordinal).ToList()
            : Array.Empty<string>();

        /// <summary>Bytes and last-write time of each file in manifests/.</summary>
        public IReadOnlyDictionary<string, FileState> SnapshotManifests() =>
            ManifestFileNames().ToDictionary(name => name, name => FileState.Of(Path.Combine(ManifestsDirectory, name)));
    }

    /// <summary>Every file and folder under a folder, hidden ones included, with each file's bytes: what "as it was" means.</summary>
    internal static class FolderSnapshot
    {
        public static SortedDictionary<string, string> Of(string folder)
        {
            var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (System.IO.Directory.Exists(folder))
            {
                foreach (var entry in System.IO.Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
                {
                    snapshot[Path.GetRelativePath(folder, entry)] = System.IO.Directory.Exists(entry) ? "<folder>" : Convert.ToBase64String(File.ReadAllBytes(entry));
                }
            }

            return snapshot;
        }
    }

    internal sealed record FileState(byte[] Bytes, DateTime LastWriteTimeUtc)
    {
        public static FileState Of(string path) => new FileState(File.ReadAllBytes(path), File.GetLastWriteTimeUtc(path));

        public bool SameAs(FileState other) => Bytes.AsSpan().SequenceEqual(other.Bytes) && LastWriteTimeUtc == other.LastWriteTimeUtc;
    }
}
