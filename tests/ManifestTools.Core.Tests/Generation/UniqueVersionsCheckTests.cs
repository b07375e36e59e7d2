namespace ManifestTools.Tests.Generation
{
    public class UniqueVersionsCheckTests
    {
        [Fact]
        public void ASecondItemWithTheSameName_IsReportedAtTheSecond()
        {
            var declaration = new Declarations()
                .Version("v1", ("ImageTag", "1.0"))
                .Version("v2", ("ImageTag", "2.0"))
                .Version("v1", ("ImageTag", "1.1"));

            Assert.Equal(new[] { "Advertisements.csproj(12,5): error MT4004: version v1 is declared twice" }, Findings.Of(declaration));
            Assert.Null(declaration.Bind().Model);
        }

        [Fact]
        public void DistinctNames_AreSilent()
        {
            var declaration = new Declarations()
                .Version("v1", ("ImageTag", "1.0"))
                .Version("v1-1", ("ImageTag", "1.1"));

            Assert.Empty(Findings.Of(declaration));
        }
    }
}
