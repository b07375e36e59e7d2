using System.Linq;
using ManifestTools.Code;

namespace ManifestTools.Tests.Code
{
    public class HealthProbeRuleTests
    {
        private const string Readiness = Runtime.Port5002 + @"          readinessProbe:
            httpGet:
              path: /healthz
              port: http
";

        private static RouteTable Routes(params string[] patterns)
        {
            var routes = new RouteTable();
            foreach (var pattern in patterns)
            {
                routes.Add(pattern);
            }

            return routes;
        }

        private static HealthEndpoint[] Endpoints(params string[] paths) => paths.Select(p => new HealthEndpoint(p, isGrpc: false)).ToArray();

        [Fact]
        public void Reports_a_missing_readiness_probe_once()
        {
            var missing = HealthProbeRule.CheckMissingReadiness(Endpoints("/healthz", "/health/ready"),
                Runtime.Generated(Runtime.Service, Runtime.Deployment("v1", Runtime.Port5002), Runtime.Deployment("v2", Runtime.Port5002)));
            Assert.Equal(0, missing?.Endpoint);
            Assert.Equal("the code maps the health endpoints /healthz, /health/ready, but Deployment default/v1 and Deployment default/v2 have no readinessProbe, " +
                "so pods get traffic before they are ready; set <ManifestReadinessProbePath>/health/ready</ManifestReadinessProbePath> in the project file", missing?.Finding.Message);
        }

        [Theory]
        [InlineData("/liveness,/hc", "/hc")]
        [InlineData("/health/live,/health", "/health")]
        [InlineData("/livez,/readyz,/healthz", "/readyz")]
        public void The_fix_names_a_readiness_endpoint_and_never_a_liveness_one(string paths, string readiness)
        {
            var missing = HealthProbeRule.CheckMissingReadiness(Endpoints(paths.Split(',')), Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Runtime.Port5002)));
            Assert.EndsWith($"add a readinessProbe with httpGet path {readiness} in m1.yaml", missing?.Finding.Message);
        }

        [Fact]
        public void Stays_silent_when_every_Deployment_has_a_readiness_probe() =>
            Assert.Null(HealthProbeRule.CheckMissingReadiness(Endpoints("/healthz"), Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Readiness))));

        [Fact]
        public void A_grpc_probe_needs_the_gRPC_health_service()
        {
            var grpc = Runtime.Port5002 + "          readinessProbe:\n            grpc:\n              port: 5002\n";
            var runtime = Runtime.Of(Runtime.Service, Runtime.Deployment("v1", grpc));
            var routes = new RouteTable();
            routes.AddGrpcService("CartService", isHealth: false);
            var finding = Assert.Single(HealthProbeRule.CheckProbes(runtime, routes));
            Assert.Equal((22, 11), (finding.Span.Line, finding.Span.Column));
            Assert.StartsWith("the readinessProbe of container shop in Deployment default/v1 calls the gRPC health service, but the code maps only the gRPC service CartService and no gRPC health service", finding.Message);

            routes.AddGrpcService("HealthService", isHealth: true);
            Assert.Empty(HealthProbeRule.CheckProbes(runtime, routes));
        }

        [Fact]
        public void Reports_a_probe_path_the_code_never_maps_at_the_path()
        {
            var finding = Assert.Single(HealthProbeRule.CheckProbes(Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Readiness)), Routes("/ads", "/health")));
            Assert.Equal((24, 21), (finding.Span.Line, finding.Span.Column));
            Assert.Equal("the readinessProbe of container shop in Deployment default/v1 requests /healthz, but the code maps only /ads, /health, " +
                "so the pods never become ready; change the probe's path, or map it in the code", finding.Message);
        }

        [Theory]
        [InlineData("/healthz")]
        [InlineData("/HEALTHZ/")]
        [InlineData("/{*path}")]
        [InlineData("/{name}")]
        public void Stays_silent_when_a_pattern_matches_the_probe_path(string pattern) =>
            Assert.Empty(HealthProbeRule.CheckProbes(Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Readiness)), Routes(pattern)));

        [Fact]
        public void Stays_silent_when_the_code_may_map_routes_the_table_does_not_know()
        {
            var routes = Routes("/ads");
            routes.MarkIncomplete();
            Assert.Empty(HealthProbeRule.CheckProbes(Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Readiness)), routes));
        }

        [Fact]
        public void Names_the_property_for_a_generated_liveness_probe()
        {
            var liveness = Runtime.Port5002 + "          livenessProbe:\n            httpGet:\n              path: /live\n              port: 5002\n";
            var finding = HealthProbeRule.CheckProbes(Runtime.Generated(Runtime.Service, Runtime.Deployment("v1", liveness)), Routes("/healthz")).Single();
            Assert.EndsWith("so the pods are restarted forever; set ManifestLivenessProbePath in the project file to a path the code maps", finding.Message);
        }

        [Fact]
        public void Probes_other_than_httpGet_are_not_checked()
        {
            var exec = Runtime.Port5002 + "          readinessProbe:\n            exec:\n              command: [\"true\"]\n";
            Assert.Empty(HealthProbeRule.CheckProbes(Runtime.Of(Runtime.Service, Runtime.Deployment("v1", exec)), Routes("/ads")));
        }

        [Fact]
        public void Checks_the_probes_of_the_container_named_like_the_service_only()
        {
            var sidecar = Readiness + "        - name: proxy\n          image: proxy:1\n          readinessProbe:\n            httpGet:\n              path: /readiness\n              port: 9090\n";
            var finding = Assert.Single(HealthProbeRule.CheckProbes(Runtime.Of(Runtime.Service, Runtime.Deployment("v1", sidecar)), Routes("/ads")));
            Assert.StartsWith("the readinessProbe of container shop ", finding.Message);
            Assert.Empty(HealthProbeRule.CheckProbes(Runtime.Of(Runtime.Service, Runtime.Deployment("v1", sidecar)), Routes("/healthz")));
        }
    }
}
