using System;
using System.IO;
using System.Linq;
using ManifestTools.Loading;
using ManifestTools.Tests.Loading;
using ManifestTools.Yaml;

namespace ManifestTools.Tests.Hostile
{
    /// <summary>MT0003 for files above InputLimits.MaxFileBytes, decided without reading them whole.</summary>
    public class FileSizeTests
    {
        private const long FiftyMegabytes = 50L * 1024 * 1024;

        [Fact]
        public void A50MegabyteFileIsRejectedWithoutBeingRead()
        {
            using var dir = new TempDirectory();
            var path = Path.Combine(dir.Path, "huge.yaml");
            using (var stream = File.Create(path))
            {
                stream.Write("apiVersion: v1\n"u8);
                stream.SetLength(FiftyMegabytes); // Sparse on most file systems: the disk barely notices.
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            var file = ManifestParser.ParseFile("huge.yaml", path, new LintOptions());
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            var error = Assert.Single(file.Diagnostics);
            Assert.Equal("MT0003", error.Id);
            Assert.Equal((1, 1), (error.Span.Line, error.Span.Column));
            Assert.Contains("52,428,800 bytes", error.Message);
            Assert.Empty(file.Objects);
            Assert.True(allocated < 1024 * 1024, $"deciding on the size allocated {allocated:N0} bytes; the file was read");
        }

        [Fact]
        public void TheLimitIsInclusive()
        {
            using var dir = new TempDirectory();
            const string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: edge\n";
            var path = dir.Write("edge.yaml", yaml);
            var exact = new LintOptions { Limits = new InputLimits { MaxFileBytes = yaml.Length } };
            var tight = new LintOptions { Limits = new InputLimits { MaxFileBytes = yaml.Length - 1 } };

            Assert.Equal("edge", Assert.Single(ManifestParser.ParseFile("edge.yaml", path, exact).Objects).Name);
            Assert.Equal("MT0003", Assert.Single(ManifestParser.ParseFile("edge.yaml", path, tight).Diagnostics).Id);
        }

        [Fact]
        public void ADeviceThatReportsNoLengthIsReadOnlyUpToTheLimit()
        {
            if (!File.Exists("/dev/zero"))
            {
                return; // Only Unix has an endless file that claims to be empty.
            }

            using var dir = new TempDirectory();
            var link = Path.Combine(dir.Path, "zero.yaml");
            File.CreateSymbolicLink(link, "/dev/zero");
            var options = new LintOptions { Limits = new InputLimits { MaxFileBytes = 1024 * 1024 } };

            long before = GC.GetAllocatedBytesForCurrentThread();
            var file = ManifestParser.ParseFile("zero.yaml", link, options);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            var error = Assert.Single(file.Diagnostics);
            Assert.Equal(("MT0003", 1), (error.Id, error.Span.Line));
            Assert.True(allocated < 16 * 1024 * 1024, $"reading allocated {allocated:N0} bytes for a 1 MiB limit");
        }

        [Fact]
        public void AnOversizedFileInADirectoryDoesNotStopTheOthers()
        {
            using var dir = new TempDirectory();
            using (var stream = File.Create(Path.Combine(dir.Path, "a-huge.yaml")))
            {
                stream.SetLength(FiftyMegabytes);
            }

            dir.Write("b-small.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\n");

            var result = ManifestLoader.Load(new[] { dir.Path }, new LintOptions());

            Assert.Empty(result.IoErrors);
            Assert.Equal("MT0003", Assert.Single(result.Files[0].Diagnostics).Id);
            Assert.Equal("small", Assert.Single(result.Files.SelectMany(f => f.Objects)).Name);
        }
    }
}
