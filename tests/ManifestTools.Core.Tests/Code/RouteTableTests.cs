using ManifestTools.Code;

namespace ManifestTools.Tests.Code
{
    public class RouteTableTests
    {
        [Theory]
        [InlineData("/healthz")]
        [InlineData("/health/ready")]
        [InlineData("api/livez")]
        [InlineData("/Readiness")]
        [InlineData("/ready")]
        public void Knows_health_paths(string pattern) => Assert.True(RouteTable.IsHealthPath(pattern));

        [Theory]
        [InlineData("/ads")]
        [InlineData("/healthy-food")]
        [InlineData("/orders/ready")]
        [InlineData("/api/live")]
        [InlineData("/")]
        public void Other_paths_are_not_health_paths(string pattern) => Assert.False(RouteTable.IsHealthPath(pattern));

        [Theory]
        [InlineData("/orders/{id}", "/orders/7", true)]
        [InlineData("/orders/{id}", "/orders", false)]
        [InlineData("/orders/{id?}", "/orders", true)]
        [InlineData("/orders/{page=1}", "/orders", true)]
        [InlineData("/files/{**rest}", "/files/a/b", true)]
        [InlineData("/", "/", true)]
        [InlineData("/", "/x", false)]
        [InlineData("/healthz", "/healthz?full=1", true)]
        [InlineData("/healthz", "/health", false)]
        public void Matches_paths_as_routing_does(string pattern, string path, bool matches)
        {
            var routes = new RouteTable();
            routes.Add(pattern);
            Assert.Equal(matches, routes.Matches(path));
        }
    }
}
