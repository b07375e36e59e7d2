using System.IO;
using ManifestTools.Diagnostics;
using ManifestTools.Generation;
using ManifestTools.Tests.Loading;

namespace ManifestTools.Tests.Generation
{
    public sealed class OutputLocationTests : System.IDisposable
    {
        private static readonly DeclarationSite Site = new DeclarationSite("Api.csproj", SourceSpan.At(5, 5));
        private readonly TempDirectory _directory = new TempDirectory();

        public void Dispose() => _directory.Dispose();

        private string Project => Path.Combine(_directory.Path, "repo", "src", "Api", "Api.csproj");

        private string? Check(string outputPath, string asSet, string? definition = null, bool allow = false, bool repository = true)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Project)!);
            if (repository)
            {
                Directory.CreateDirectory(Path.Combine(_directory.Path, "repo", ".git"));
            }

            return OutputLocation.Check(Project, outputPath, asSet, definition, allow, Site)?.Message;
        }

        [Fact]
        public void AFolderOfTheProject_OrASharedFolderOfTheRepository_IsAllowed()
        {
            Assert.Null(Check(Path.Combine(_directory.Path, "repo", "src", "Api", "manifests"), "manifests/"));
            Assert.Null(Check(Path.Combine(_directory.Path, "repo", "deploy", "api"), "../../deploy/api/"));
            Assert.Null(Check(Path.Combine(_directory.Path, "repo"), "../../"));
        }

        [Fact]
        public void AWorktreeWhoseGitIsAFile_IsARepositoryToo()
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Project)!);
            File.WriteAllText(Path.Combine(_directory.Path, "repo", ".git"), "gitdir: /elsewhere/.git/worktrees/repo\n");

            Assert.Null(Check(Path.Combine(_directory.Path, "repo", "deploy"), "../../deploy/", repository: false));
        }

        [Fact]
        public void ThePathAfterADefinedPropertyAndAnother_IsNoEmptyProperty()
        {
            string output = Path.Combine(_directory.Path, "repo", "deploy", "api");

            Assert.Null(Check(output, output + "/", "$(RepoRoot)/$(DeployFolder)/api/"));
            Assert.Null(Check(output, output + "/", "$(RepoRoot)/deploy/api/"));
        }

        [Fact]
        public void APathFromTheRootBecauseOfAnEmptyProperty_IsRefusedEvenWithTheOptIn()
        {
            Assert.Equal("ManifestOutputPath '/x/' starts at the root of the file system because $(DeployRoot) in front of it is empty; define DeployRoot, or write a path relative to the project",
                Check("/x/", "/x/", "$(DeployRoot)/x/", allow: true));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void TheRoot_IsAlwaysRefused(bool allow)
        {
            Assert.StartsWith("ManifestOutputPath '/' is the root of the file system", Check("/", "/", allow: allow));
        }

        [Fact]
        public void APathOutsideTheRepository_IsRefusedUnlessTheProjectOptsIn()
        {
            string outside = Path.Combine(_directory.Path, "elsewhere");

            Assert.Contains("outside the project folder", Check(outside, "../../../elsewhere/", repository: false));
            Assert.Contains("outside the repository", Check(outside, "../../../elsewhere/"));
            Assert.Null(Check(outside, "../../../elsewhere/", allow: true));
        }

        [Fact]
        public void AFolderThroughASymbolicLink_IsOutsideUnlessTheProjectOptsIn()
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Project)!);
            Directory.CreateDirectory(Path.Combine(_directory.Path, "target"));
            Directory.CreateSymbolicLink(Path.Combine(_directory.Path, "repo", "deploy"), Path.Combine(_directory.Path, "target"));

            Assert.Contains("goes through the symbolic link", Check(Path.Combine(_directory.Path, "repo", "deploy", "api"), "../../deploy/api/"));
        }

        [Fact]
        public void APathWithAControlCharacter_IsRefused_NotACrash()
        {
            Assert.Equal("ManifestOutputPath 'o\\u0000x/' holds a control character, which no folder name should; write the path without it", Check("o\0x/", "o\0x/"));
        }
    }
}
