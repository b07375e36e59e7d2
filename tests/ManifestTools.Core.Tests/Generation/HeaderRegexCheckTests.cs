using ManifestTools.Generation.Checks;

namespace ManifestTools.Tests.Generation
{
    public class HeaderRegexCheckTests
    {
        [Theory]
        [InlineData("(?=look)ahead", "uses a lookaround ((?=, (?!, (?<=, (?<!)")]
        [InlineData("a(?<!b)c", "uses a lookaround ((?=, (?!, (?<=, (?<!)")]
        [InlineData("(?>atomic)", "uses an atomic group ((?>…))")]
        [InlineData("\\d++", "uses a possessive quantifier (++)")]
        [InlineData("a{2}+", "uses a possessive quantifier (}+)")]
        [InlineData("(?<n>a)\\k<n>", "uses a named backreference (\\k<…>)")]
        [InlineData("ab[c", "leaves a character class ([…) open")]
        [InlineData("(ab", "leaves a parenthesis open")]
        [InlineData("ab)", "closes a parenthesis it never opened")]
        public void WhatRe2Rejects_IsFound(string pattern, string problem) => Assert.Equal(problem, HeaderRegexCheck.Problem(pattern));

        [Theory]
        [InlineData("^beta.*")]
        [InlineData("\\++")]
        [InlineData("[+]+")]
        [InlineData("[]a]+")]
        [InlineData("[^]a]")]
        [InlineData("(?P<name>v[0-9]+)")]
        [InlineData("\\pL+")]
        [InlineData("\\Q(?=not)\\E.*")]
        [InlineData("a+?b*?")]
        [InlineData("(?i)jason|(?:kim)")]
        [InlineData("[(]")]
        public void ValidRe2_IsSilent(string pattern) => Assert.Null(HeaderRegexCheck.Problem(pattern));

        [Fact]
        public void ARegexRe2Rejects_IsReportedAtTheRoute()
        {
            var declaration = new Declarations().Version("v1")
                .Route("products", ("Header", "page-source"), ("Regex", "(?=x)y"), ("Weights", "v1"));

            Assert.Equal(new[]
            {
                "Advertisements.csproj(11,5): error MT4005: Regex '(?=x)y' of ServiceRoute products uses a lookaround ((?=, (?!, (?<=, (?<!), " +
                "which RE2 (the regular expressions of Istio and Envoy) rejects: rewrite it without that construct",
            }, Findings.Of(declaration));
        }
    }
}
