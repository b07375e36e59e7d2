namespace ManifestTools.Tests.Generation
{
    public class DistinctPortsCheckTests
    {
        [Fact]
        public void APortDeclaredTwice_IsAnErrorAtTheSecondItem()
        {
            var declaration = new Declarations().Port("8080").Port("8080").Version("v1");

            Assert.Equal(new[]
            {
                "Advertisements.csproj(11,5): error MT4005: ContainerPort 8080/TCP is declared twice; the Service would expose the port twice, " +
                "which the API server rejects: remove one of the items",
            }, Findings.Of(declaration));
        }

        [Fact]
        public void OneNumberForTcpAndUdp_IsSilent()
        {
            Assert.Empty(Findings.Of(new Declarations().Port("53").Port("53", ("Type", "udp")).Version("v1")));
        }
    }
}
