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
        public void ALinkToAnEndlessDeviceIsReadOnlyUpToTheLimit()
        {
            if (!File.Exists("/dev/zero"))
            {
                return; // Only Unix has an endless device; a link to it reports the link's own length.
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
        public void TextInMemoryIsHeldToTheSameLimit()
        {
            var options = new LintOptions { Limits = new InputLimits { MaxFileBytes = 1024 } };

            var file = ManifestParser.ParseText("big.yaml", "# " + new string('x', 2048), options);

            var error = Assert.Single(file.Diagnostics);
            Assert.Equal(("MT0003", 1, 1), (error.Id, error.Span.Line, error.Span.Column));
        }

        [Fact]
        public async System.Threading.Tasks.Task ANamedPipeIsNeverOpened()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            using var dir = new TempDirectory();
            var pipe = Path.Combine(dir.Path, "pipe.yaml");
            Assert.Equal(0, MakeFifo(pipe, Convert.ToInt32("600", 8)));

            // Opening a pipe with no writer blocks forever, so a regression must fail here rather than hang the run.
            var parse = System.Threading.Tasks.Task.Run(() => ManifestParser.ParseFile("pipe.yaml", pipe, new LintOptions()));
            var finished = await System.Threading.Tasks.Task.WhenAny(parse, System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.True(finished == parse, "ParseFile blocked on a named pipe");
            Assert.Empty((await parse).Diagnostics);
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
        private static extern int MakeFifo(string path, int mode);

        [Fact]
        public void AnOversizedFileInADirectoryDoesNotStopTheOthers()
        {
            using var dir = new TempDirectory();
            using (var stream = File.Create(Path.Combine(dir.Path, "a-huge.yaml")))
            {
                stream.Write("apiVersion: v1\nkind: ConfigMap\n"u8);
                stream.SetLength(FiftyMegabytes);
            }

            dir.Write("b-small.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\n");

            var result = ManifestLoader.Load(new[] { dir.Path }, new LintOptions());

            Assert.Empty(result.IoErrors);
            Assert.Equal("MT0003", Assert.Single(result.Files[0].Diagnostics).Id);
            Assert.Equal("small", Assert.Single(result.Files.SelectMany(f => f.Objects)).Name);
        }

        [Fact]
        public void AnOversizedFileThatDeclaresNoKind_FoundInAFolder_IsPassedOver()
        {
            // A lock file or a data dump in the repository is not a manifest; naming it on the command line still reports it.
            using var dir = new TempDirectory();
            var huge = Path.Combine(dir.Path, "package-lock.json");
            using (var stream = File.Create(huge))
            {
                stream.Write("{\n  \"name\": \"shop\",\n  \"lockfileVersion\": 3\n"u8);
                stream.SetLength(FiftyMegabytes);
            }

            Assert.Empty(ManifestLoader.Load(new[] { dir.Path }, new LintOptions()).Files.SelectMany(f => f.Diagnostics));
            Assert.Equal("MT0003", Assert.Single(ManifestLoader.Load(new[] { huge }, new LintOptions()).Files.SelectMany(f => f.Diagnostics)).Id);
        }
    }
}
