using System.Linq;

namespace ManifestTools.Tests.Generation
{
    public class DeclaredTextCheckTests
    {
        [Theory]
        [InlineData("v\0")]
        [InlineData("v1\n")]
        [InlineData("\u0085")]
        [InlineData("v\u2028")]
        [InlineData("lone surrogate")]
        public void AnIdentityWithAControlCharacter_IsOneFindingPerItem(string identity)
        {
            // xUnit cannot carry a lone surrogate in a test case's data.
            identity = identity == "lone surrogate" ? "v\ud800" : identity;
            var declaration = new Declarations()
                .Version(identity)
                .Route(identity, ("Header", "page-source"), ("Exact", "x"), ("Weights", "v1"))
                .Port(identity)
                .Environment(identity)
                .Version("v1");

            var findings = declaration.Bind().Diagnostics;

            Assert.Equal(new[] { ("MT4003", 10), ("MT4003", 11), ("MT4003", 12), ("MT4003", 13) }, findings.Select(f => (f.Id, f.Span.Line)));
            Assert.All(findings, f => Assert.DoesNotContain("\n", f.Message));
            Assert.Contains("which no Kubernetes name allows and MSBuild cannot treat as a path", findings[0].Message);
        }

        [Fact]
        public void ALoneSurrogateInAValue_IsReported()
        {
            var declaration = new Declarations().Version("v1").Environment("FEATURE", ("Value", "on\udc00"));

            Assert.Equal(new[] { "Advertisements.csproj(11,5): error MT4005: Value of ServiceEnvironmentVariable FEATURE holds a lone surrogate, which cannot be written as UTF-8" },
                Findings.Of(declaration));
        }

        [Fact]
        public void ControlCharactersInAnEnvironmentValue_AreAValue_NotAFinding()
        {
            Assert.Empty(Findings.Of(new Declarations().Version("v1").Environment("BANNER", ("Value", "a\u0000\u0001\u001b\u0085\u2028\ufeffb\r\n😀"))));
        }

        /// <summary>go-yaml's writer emits these raw and its reader then rejects them, so kustomize fails on them even escaped.</summary>
        public static bool KustomizeCannotCarry(int c) => c == 0x7F || (c >= 0x80 && c <= 0x9F && c != 0x85) || c == 0xFFFE || c == 0xFFFF;

        [Theory]
        [InlineData('\u007f')]
        [InlineData('\u0080')]
        [InlineData('\u009f')]
        [InlineData('\ufffe')]
        [InlineData('\uffff')]
        public void ACharacterKustomizeCannotCarry_IsRefusedInAnyValue(char c)
        {
            Assert.True(KustomizeCannotCarry(c));
            var declaration = new Declarations().Version("v1").Environment("BANNER", ("Value", "a" + c + "b"));

            Assert.Equal(new[]
            {
                $"Advertisements.csproj(11,5): error MT4005: Value of ServiceEnvironmentVariable BANNER holds U+{(int)c:X4}, which kubectl kustomize " +
                "cannot carry (its YAML writer emits it raw, and its reader then rejects it); remove it",
            }, Findings.Of(declaration));
        }
    }
}
