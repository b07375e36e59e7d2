using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Generation
{
    public class VersionsDeclaredCheckTests
    {
        [Fact]
        public void RoutesAndVariablesWithoutVersions_AreOneWarning_AndGenerateNothing()
        {
            var declaration = new Declarations()
                .Route("products", ("Header", "page-source"), ("Exact", "products"), ("Weights", "v1"))
                .Environment("FEATURE", ("Value", "on"));

            var (model, diagnostics) = declaration.Bind();

            Assert.Null(model);
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal((Severity.Warning, "MT4012", 10), (diagnostic.Severity, diagnostic.Id, diagnostic.Span.Line));
            Assert.StartsWith("ServiceRoute products is declared, but no ServiceVersion item is, so nothing is generated (1 more such item);", diagnostic.Message);
        }

        [Fact]
        public void NothingDeclared_OrVersionsDeclared_IsSilent()
        {
            Assert.Empty(Findings.Of(new Declarations()));
            Assert.Empty(Findings.Of(new Declarations().Version("v1").Environment("FEATURE", ("Value", "on"))));
        }
    }
}
