namespace ManifestTools.Tests.Generation
{
    public class HeaderMatchValuesCheckTests
    {
        [Theory]
        [InlineData("Exact", "  padded  ", "begins or ends with spaces, which HTTP strips from a header value, so the route would never match: write 'padded'")]
        [InlineData("Exact", "products ", "begins or ends with spaces, which HTTP strips from a header value, so the route would never match: write 'products'")]
        [InlineData("Prefix", " products", "begins or ends with spaces, which HTTP strips from a header value, so the route would never match: write 'products'")]
        [InlineData("Exact", "a\nb", "holds a control character, which HTTP does not allow in a header value, so the route would never match: write 'a\\u000Ab'")]
        public void AHeaderValueNoRequestCanCarry_IsReported(string match, string value, string problem)
        {
            var declaration = new Declarations().Version("v1")
                .Route("products", ("Header", "page-source"), (match, value), ("Weights", "v1"));

            Assert.Equal(new[] { $"Advertisements.csproj(11,5): error MT4005: {match} '{value.Replace("\n", "\\u000A")}' of ServiceRoute products {problem}" },
                Findings.Of(declaration));
        }

        [Theory]
        [InlineData("Exact", "products page")]
        [InlineData("Prefix", "products ")]
        [InlineData("Regex", " products.* ")]
        public void InnerSpacesAPrefixsTrailingSpaceAndARegex_AreSilent(string match, string value)
        {
            var declaration = new Declarations().Version("v1")
                .Route("products", ("Header", "page-source"), (match, value), ("Weights", "v1"));

            Assert.Empty(Findings.Of(declaration));
        }
    }
}
