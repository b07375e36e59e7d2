using System.IO;

namespace ManifestTools.Cli.Tests
{
    /// <summary>The command-line syntax: help, errors with suggestions, response files, completion.</summary>
    public class CommandLineTests
    {
        [Theory]
        [InlineData("--help")]
        [InlineData("-h")]
        public void RootHelpListsTheCommandsAndExitsZero(string help)
        {
            var (exitCode, stdout, stderr) = CliRunner.Run(help);

            Assert.Equal(0, exitCode);
            Assert.Equal(string.Empty, stderr);
            Assert.Contains("Commands:", stdout);
            Assert.Matches(@"\n  lint <PATH>\s+Lints Kubernetes and Istio manifests", stdout);
            Assert.Matches(@"\n  rules\s+Lists the rules", stdout);
            Assert.Matches(@"\n  --version\s+Show version information", stdout);
        }

        [Theory]
        [InlineData("lint", "--help")]
        [InlineData("lint", "-h")]
        [InlineData("lint", "Scenarios/valid", "--help")]
        public void LintHelpDescribesEveryOptionAndExitsZero(params string[] args)
        {
            var (exitCode, stdout, stderr) = CliRunner.Run(args);

            Assert.Equal(0, exitCode);
            Assert.Equal(string.Empty, stderr);
            Assert.Contains(" lint <PATH>... [options]", stdout);
            Assert.Contains("- reads standard input", stdout);
            Assert.Matches(@"-n, --namespace <NS>\s+The namespace of objects without metadata.namespace.* \[default: defaultNamespace of \.manifest-tools\.yaml, else default\]", stdout);
            Assert.Matches(@"--cluster-domain <DOMAIN>\s+.*\[default: clusterDomain of \.manifest-tools\.yaml, else cluster.local\]", stdout);
            Assert.Matches(@"--config <FILE>\s+The configuration file", stdout);
            Assert.Matches(@"--format <text\|json\|sarif\|github>\s+.*\[default: text\]", stdout);
            Assert.Matches(@"--fail-on <error\|warning>\s+.*\[default: error\]", stdout);
        }

        [Fact]
        public void RulesHelpExitsZeroWithoutListingTheRules()
        {
            var (exitCode, stdout, stderr) = CliRunner.Run("rules", "--help");

            Assert.Equal(0, exitCode);
            Assert.Equal(string.Empty, stderr);
            Assert.Contains(" rules [options]", stdout);
            Assert.DoesNotContain("MT1001", stdout);
        }

        [Fact]
        public void VersionPrintsTheToolVersion()
        {
            var (exitCode, stdout, _) = CliRunner.Run("--version");

            Assert.Equal(0, exitCode);
            Assert.Equal(CliApp.Version + "\n", stdout);
        }

        [Fact]
        public void MisspelledOptionExitsTwoAndSuggestsTheOption()
        {
            var (exitCode, stdout, stderr) = CliRunner.Run("lint", "Scenarios/valid", "--formt", "json");

            Assert.Equal(2, exitCode);
            Assert.Equal(string.Empty, stdout); // Never mixed into a report that stdout may be writing to a file.
            Assert.Contains("Unrecognized command or argument '--formt'.", stderr);
            Assert.Contains("'--formt' was not matched. Did you mean one of the following?\n--format\n", stderr);
        }

        [Fact]
        public void MisspelledCommandExitsTwoAndSuggestsTheCommand()
        {
            var (exitCode, stdout, stderr) = CliRunner.Run("lnt", "Scenarios/valid");

            Assert.Equal(2, exitCode);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains("'lnt' was not matched. Did you mean one of the following?\nlint\n", stderr);
        }

        [Fact]
        public void UnknownFormatNamesTheAcceptedOnes()
        {
            var (exitCode, _, stderr) = CliRunner.Run("lint", "Scenarios/valid", "--format", "xml");

            Assert.Equal(2, exitCode);
            Assert.Contains("Argument 'xml' not recognized. Must be one of:\n\t'text'\n\t'json'\n\t'sarif'\n\t'github'", stderr);
        }

        [Fact]
        public void WordsAfterDoubleDashArePathsEvenWhenTheyLookLikeOptions()
        {
            var (exitCode, _, stderr) = CliRunner.Run("lint", "Scenarios/valid", "--", "--format");

            Assert.Equal(2, exitCode);
            Assert.Contains("manifest-tools: --format: no such file or directory", stderr);
        }

        [Fact]
        public void ResponseFileSuppliesTheArguments()
        {
            var file = Path.GetTempFileName();
            try
            {
                File.WriteAllText(file, "# CI's lint arguments\nlint\nScenarios/mt1007-duplicate-destination\n--fail-on warning\n--format json\n");

                var (exitCode, stdout, stderr) = CliRunner.Run("@" + file);

                Assert.Equal(string.Empty, stderr);
                Assert.Equal(1, exitCode); // MT1007 is a warning: only --fail-on warning from the file makes it fail.
                Assert.Contains("\"id\": \"MT1007\"", stdout);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void MissingResponseFileIsAUsageError()
        {
            var (exitCode, _, stderr) = CliRunner.Run("lint", "@no/such/file.rsp");

            Assert.Equal(2, exitCode);
            Assert.Contains("Error reading response file 'no/such/file.rsp'", stderr);
        }

        /// <summary>The directive that dotnet-suggest sends for tab completion: the position, then the command line.</summary>
        [Fact]
        public void SuggestDirectiveCompletesFormatValues()
        {
            var (exitCode, stdout, _) = CliRunner.Run("[suggest:16]", "lint x --format ");

            Assert.Equal(0, exitCode);
            Assert.Equal("github\njson\nsarif\ntext\n", stdout);
        }

        [Fact]
        public void SuggestDirectiveCompletesOptions()
        {
            var (exitCode, stdout, _) = CliRunner.Run("[suggest:9]", "lint --f");

            Assert.Equal(0, exitCode);
            Assert.Contains("--fail-on\n", stdout);
            Assert.Contains("--format\n", stdout);
        }
    }
}
