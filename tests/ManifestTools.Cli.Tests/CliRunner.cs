using System.IO;

namespace ManifestTools.Cli.Tests
{
    /// <summary>Runs the CLI in-process through the same entry point as Main.</summary>
    internal static class CliRunner
    {
        public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
        {
            var stdout = new StringWriter { NewLine = "\n" };
            var stderr = new StringWriter { NewLine = "\n" };
            int exitCode = CliApp.Run(args, stdout, stderr);
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

        private static string SourceDirectory { get; } = FindSourceDirectory();

        private static string FindSourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
            Path.GetDirectoryName(path)!;
    }
}
