namespace ManifestTools.Cli.Tests
{
    /// <summary>Each format's whole output for one broken input, byte for byte.</summary>
    public class GoldenOutputTests
    {
        [Theory]
        [InlineData("text", "expected.txt")]
        [InlineData("json", "expected.json")]
        [InlineData("sarif", "expected.sarif")]
        [InlineData("github", "expected.github.txt")]
        public void FormatMatchesGoldenFile(string format, string golden)
        {
            var (exitCode, stdout, _) = CliRunner.Run("lint", "Golden/input", "--format", format);

            Assert.Equal(1, exitCode);
            CliRunner.AssertMatchesFile(stdout.Replace(CliApp.Version, "{version}"), "Golden/" + golden);
        }
    }
}
