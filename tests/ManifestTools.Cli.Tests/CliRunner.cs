using System.IO;

namespace ManifestTools.Cli.Tests
{
    /// <summary>Runs the CLI in-process through the same entry point as Main.</summary>
    internal static class CliRunner
    {
        public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) =>
            Capture((stdout, stderr) => CliApp.Run(args, stdout, stderr));

        /// <summary>Runs with <paramref name="stdin"/> as standard input.</summary>
        public static (int ExitCode, string Stdout, string Stderr) RunWithInput(Stream stdin, params string[] args) =>
            Capture((stdout, stderr) => CliApp.Run(args, stdin, stdout, stderr));

        public static (int ExitCode, string Stdout, string Stderr) RunWithInput(byte[] stdin, params string[] args) =>
            RunWithInput(new MemoryStream(stdin), args);

        private static (int ExitCode, string Stdout, string Stderr) Capture(System.Func<TextWriter, TextWriter, int> run)
        {
            var stdout = new StringWriter { NewLine = "\n" };
            var stderr = new StringWriter { NewLine = "\n" };
            int exitCode = run(stdout, stderr);
            return (exitCode, stdout.ToString(), stderr.ToString());
        }

        /// <summary>Compares with a file in the source tree; UPDATE_GOLDEN=1 rewrites it instead (review the diff).</summary>
        public static void AssertMatchesFile(string actual, string relativePath)
        {
            var sourcePath = Path.Combine(SourceDirectory, relativePath);
            if (System.Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            {
                File.WriteAllText(sourcePath, actual);
            }

            Assert.Equal(File.ReadAllText(sourcePath), actual);
        }

        public static string RepositoryRoot { get; } = FindRepositoryRoot();

        private static string SourceDirectory { get; } = Path.Combine(RepositoryRoot, "tests", "ManifestTools.Cli.Tests");

        /// <summary>From the output folder up to the repository root; CI maps source paths (PathMap), so CallerFilePath cannot be used.</summary>
        private static string FindRepositoryRoot()
        {
            var directory = new DirectoryInfo(System.AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(directory.FullName, "ManifestTools.sln")))
            {
                directory = directory.Parent ?? throw new DirectoryNotFoundException("ManifestTools.sln not found above " + System.AppContext.BaseDirectory);
            }

            return directory.FullName;
        }
    }
}
