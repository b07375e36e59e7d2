using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ManifestTools.Tests;

namespace ManifestTools.Build.Tests
{
    /// <summary>Assertions on a dotnet command's exit code and console output; each failure message shows the whole output.</summary>
    internal static class BuildAssert
    {
        public static void Succeeded(DotnetResult result) =>
            Assert.True(result.ExitCode == 0, "expected success:\n" + result);

        public static void Failed(DotnetResult result) =>
            Assert.True(result.ExitCode != 0, "expected a failing exit code:\n" + result);

        /// <summary>Exit code 0 and the logger's summary of 0 warnings and 0 errors.</summary>
        public static void SucceededWithoutWarnings(DotnetResult result)
        {
            Succeeded(result);
            Assert.True(Summary(result, "Warning") == 0 && Summary(result, "Error") == 0, "expected 0 warnings and 0 errors:\n" + result);
        }

        public static void WarningCount(DotnetResult result, int expected) =>
            Assert.True(Summary(result, "Warning") == expected, $"expected {expected} warning(s):\n{result}");

        public static void ErrorCount(DotnetResult result, int expected) =>
            Assert.True(Summary(result, "Error") == expected, $"expected {expected} error(s):\n{result}");

        /// <summary>A finding as MSBuild prints it: <c>file(line,col[,endLine,endCol]): severity id: </c>; any position when line is null.</summary>
        public static void HasFinding(DotnetResult result, string file, string severity, string id, int? line = null, int? column = null)
        {
            string position = line == null ? @"\d+,\d+(,\d+,\d+)?" : $@"{line},{column}(,\d+,\d+)?";
            string expected = line == null ? $"{file}(…): {severity} {id}" : $"{file}({line},{column}…): {severity} {id}";
            Assert.True(Regex.IsMatch(result.Output, $@"^\s*{Regex.Escape(file)}\({position}\): {severity} {id}: ", RegexOptions.Multiline),
                $"expected '{expected}: …':\n{result}");
        }

        public static void NoFinding(DotnetResult result, string id) =>
            Assert.False(result.Output.Contains($" {id}: ", StringComparison.Ordinal), $"expected no {id}:\n{result}");

        /// <summary>MSBuild's -v:n line for a target whose outputs were up to date.</summary>
        public static void SkippedTarget(DotnetResult result, string target) =>
            Assert.True(result.Output.Contains($"Skipping target \"{target}\"", StringComparison.Ordinal), $"expected {target} to be skipped as up to date:\n{result}");

        /// <summary>The 1-based line and column where <paramref name="fragment"/> starts in <paramref name="text"/>; it must occur once.</summary>
        public static (int Line, int Column) PositionOf(string text, string fragment)
        {
            var lines = text.Split('\n');
            var hits = lines.Select((l, i) => (Line: i + 1, Column: l.IndexOf(fragment, StringComparison.Ordinal) + 1)).Where(h => h.Column > 0).ToList();
            if (hits.Count != 1)
            {
                throw new InvalidOperationException($"'{fragment}' occurs {hits.Count} times in:\n{text}");
            }

            return hits[0];
        }

        /// <summary>Compares with a file in Expected/ or a folder of it; UPDATE_GOLDEN=1 rewrites it instead (review the diff).</summary>
        public static void MatchesExpectedFile(string generatedPath, string folder = "")
        {
            string name = Path.Combine(folder, Path.GetFileName(generatedPath));
            string expectedPath = Path.Combine(RepoRoot.Path, "tests", "ManifestTools.Build.Tests", "Expected", name);
            string actual = File.ReadAllText(generatedPath);
            if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            {
                File.WriteAllText(expectedPath, actual);
            }

            Assert.True(File.Exists(expectedPath) && File.ReadAllText(expectedPath) == actual,
                $"{generatedPath} differs from Expected/{name} (UPDATE_GOLDEN=1 rewrites it):\n{actual}");
        }

        /// <summary>The count in the console logger's closing "N Warning(s)" or "N Error(s)" line.</summary>
        private static int Summary(DotnetResult result, string kind)
        {
            var match = Regex.Match(result.Output, $@"^\s*(\d+) {kind}\(s\)\s*$", RegexOptions.Multiline);
            return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
        }
    }
}
