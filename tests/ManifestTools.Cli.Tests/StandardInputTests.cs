using System.Diagnostics;
using System.IO;
using System.Text;

namespace ManifestTools.Cli.Tests
{
    /// <summary><c>-</c> as a PATH: <c>helm template chart | manifest-tools lint -</c>.</summary>
    public class StandardInputTests
    {
        private const string Canary = "Golden/input/canary.yaml";

        /// <summary>The format, how it shows the file's path, and how it shows standard input.</summary>
        public static TheoryData<string, string, string> Formats => new TheoryData<string, string, string>
        {
            { "text", Canary + "(", "<stdin>(" },
            { "json", "\"file\": \"" + Canary + "\"", "\"file\": \"<stdin>\"" },
            { "sarif", "\"uri\": \"" + Canary + "\"", "\"uri\": \"%3Cstdin%3E\"" },
            { "github", "file=" + Canary + ",", "file=<stdin>," },
        };

        [Theory]
        [MemberData(nameof(Formats))]
        public void StandardInputIsLintedAsTheSameFileNamedStdin(string format, string fileShown, string stdinShown)
        {
            var fromFile = CliRunner.Run("lint", Canary, "--format", format);

            var (exitCode, stdout, stderr) = CliRunner.RunWithInput(File.ReadAllBytes(Canary), "lint", "-", "--format", format);

            Assert.Equal(string.Empty, stderr);
            Assert.Equal(1, exitCode);
            Assert.Contains(stdinShown, stdout);
            Assert.Contains(fileShown, fromFile.Stdout);
            Assert.Equal(fromFile.Stdout.Replace(fileShown, stdinShown), stdout);
        }

        [Fact]
        public void TextFindingsNameStdinWithLineAndColumn()
        {
            var (_, stdout, _) = CliRunner.RunWithInput(File.ReadAllBytes(Canary), "lint", "-");

            Assert.Contains("<stdin>(64,7): error MT1001: subset v2 of DestinationRule bookinfo/reviews selects no pod", stdout);
            Assert.EndsWith("4 errors, 0 warnings in 1 file (5 objects)\n", stdout);
        }

        [Fact]
        public void StandardInputIsLintedTogetherWithPaths()
        {
            // The canary's VirtualService routes to a Service that only the other input defines.
            var dir = Directory.CreateTempSubdirectory("mt-stdin").FullName;
            try
            {
                File.WriteAllText(Path.Combine(dir, "ratings.yaml"),
                    "apiVersion: v1\nkind: Service\nmetadata:\n  name: ratings\n  namespace: bookinfo\nspec:\n  selector:\n    app: ratings\n  ports:\n  - port: 9080\n");

                var alone = CliRunner.RunWithInput(File.ReadAllBytes(Canary), "lint", "-");
                var (exitCode, stdout, stderr) = CliRunner.RunWithInput(File.ReadAllBytes(Canary), "lint", dir, "-");

                Assert.Equal(string.Empty, stderr);
                Assert.Equal(1, exitCode);
                Assert.Contains("names host ratings", alone.Stdout);
                Assert.DoesNotContain("names host ratings", stdout);
                Assert.Contains("<stdin>(64,7): error MT1001", stdout);
                Assert.EndsWith(" in 2 files (6 objects)\n", stdout);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        [Fact]
        public void DashGivenTwiceReadsStandardInputOnce()
        {
            var (exitCode, stdout, _) = CliRunner.RunWithInput(File.ReadAllBytes(Canary), "lint", "-", "-");

            Assert.Equal(1, exitCode);
            Assert.EndsWith("4 errors, 0 warnings in 1 file (5 objects)\n", stdout);
        }

        [Fact]
        public void StandardInputOverTheSizeLimitIsNotLintedAndNotReadToTheEnd()
        {
            long limit = new LintOptions().Limits.MaxFileBytes;
            var input = new MemoryStream(Encoding.ASCII.GetBytes("# " + new string('x', (int)limit + 4096)));

            var (exitCode, stdout, _) = CliRunner.RunWithInput(input, "lint", "-");

            Assert.Equal(1, exitCode);
            Assert.Equal(
                $"<stdin>(1,1): error MT0003: the file holds more than {limit:N0} bytes; it is not linted (split it into several files)\n" +
                "1 error, 0 warnings in 1 file (0 objects)\n",
                stdout);
            Assert.Equal(limit + 1, input.Position);
        }

        /// <summary>The built tool, as a process: Main reads the process's own standard input.</summary>
        [Fact]
        public void ToolProcessReadsItsStandardInput()
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { Path.Combine(System.AppContext.BaseDirectory, "manifest-tools.dll"), "lint", "-", "--format", "github" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            process.StandardInput.Write(File.ReadAllText(Canary));
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            Assert.Equal(1, process.ExitCode);
            Assert.StartsWith("::error file=<stdin>,line=7,col=3,", stdout);
        }

        [Fact]
        public void StandardInputMustBeUtf8()
        {
            var (exitCode, stdout, _) = CliRunner.RunWithInput(new byte[] { (byte)'a', (byte)':', (byte)' ', 0xFF, (byte)'\n' }, "lint", "-");

            Assert.Equal(1, exitCode);
            Assert.StartsWith("<stdin>(1,4): error MT0001: the file is not valid UTF-8 (byte 0xFF at offset 3)", stdout);
        }
    }
}
