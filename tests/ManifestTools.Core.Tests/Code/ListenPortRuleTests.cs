using System.Collections.Generic;
using System.Linq;
using ManifestTools.Code;
using ManifestTools.Diagnostics;

namespace ManifestTools.Tests.Code
{
    public class ListenPortRuleTests
    {
        private static readonly IReadOnlyList<CodeAddress> None = new CodeAddress[0];

        private static ListenPortFindings Check(ServiceRuntime runtime, params int[] codePorts) =>
            ListenPortRule.Check(runtime, codePorts.Length == 0 ? None : new[] { new CodeAddress(codePorts) });

        private static string Env(string name, string value) => $"          env:\n            - name: {name}\n              value: \"{value}\"\n";

        [Fact]
        public void A_code_port_where_the_Service_sends_to_the_declared_port_is_reported_at_the_code()
        {
            var findings = Check(Runtime.Generated(Runtime.Service, Runtime.Deployment("v1", Runtime.Port5002)), 8080);
            var (address, finding) = Assert.Single(findings.InCode);
            Assert.Equal(0, address);
            Assert.Equal("the code listens on port 8080, but Service shop sends traffic to targetPort http (containerPort 5002 of container shop) of " +
                "Deployment default/v1; listen on 5002, or add <ContainerPort Include=\"8080\" /> to the project file", finding.Message);
            Assert.Empty(findings.InManifests);
        }

        [Fact]
        public void The_versions_of_a_canary_get_one_finding_that_names_them_all()
        {
            const string service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector:\n    app: shop\n  ports:\n    - port: 80\n      targetPort: 9999\n";
            var image = ContainerImage.FromDockerfile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n");
            var finding = Assert.Single(Check(Runtime.In(image, service, Runtime.Deployment("v1", ""), Runtime.Deployment("v2", ""))).InManifests);
            Assert.Equal("Service shop sends traffic to targetPort 9999 of Deployment default/v1 and Deployment default/v2, but the code listens on port 8080 " +
                "(ASPNETCORE_HTTP_PORTS in the base image mcr.microsoft.com/dotnet/aspnet:8.0); set the targetPort to 8080, or listen on 9999", finding.Message);

            var inCode = Assert.Single(Check(Runtime.Generated(Runtime.Service, Runtime.Deployment("v1", Runtime.Port5002), Runtime.Deployment("v2", Runtime.Port5002)), 8080).InCode);
            Assert.Contains("of Deployment default/v1 and Deployment default/v2; listen on 5002", inCode.Finding.Message);
        }

        [Fact]
        public void Stays_silent_on_a_port_the_Service_sends_to()
        {
            var findings = Check(Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Runtime.Port5002)), 5002, 9090);
            Assert.Empty(findings.InCode);
            Assert.Empty(findings.InManifests);
        }

        [Fact]
        public void Without_container_ports_a_numeric_targetPort_is_reported_at_the_Service()
        {
            const string service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector:\n    app: shop\n  ports:\n    - port: 80\n      targetPort: 8080\n";
            var runtime = Runtime.Of(service, Runtime.Deployment("v1", ""));
            Assert.Empty(Check(runtime, 8080).InManifests);
            var finding = Assert.Single(Check(runtime, 5002).InManifests);
            Assert.Equal(("m0.yaml", 10, 19), (finding.File, finding.Span.Line, finding.Span.Column));
            Assert.Equal(Severity.Error, finding.Severity);
            Assert.StartsWith("Service shop sends traffic to targetPort 8080 of Deployment default/v1, but the code listens on port 5002 (set in the code);", finding.Message);
        }

        [Fact]
        public void A_Service_port_without_targetPort_sends_to_its_own_number()
        {
            const string service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector:\n    app: shop\n  ports:\n    - port: 80\n";
            var finding = Assert.Single(Check(Runtime.Of(service, Runtime.Deployment("v1", "")), 8080).InManifests);
            Assert.StartsWith("Service shop sends traffic to port 80 (it sets no targetPort) of Deployment default/v1", finding.Message);
        }

        [Fact]
        public void ASPNETCORE_URLS_in_the_env_is_reported_at_its_value()
        {
            var deployment = Runtime.Deployment("v1", Runtime.Port5002 + Env("ASPNETCORE_URLS", "http://+:8080"));
            var finding = Assert.Single(Check(Runtime.Of(Runtime.Service, deployment)).InManifests);
            Assert.Equal(("m1.yaml", 24, 22), (finding.File, finding.Span.Line, finding.Span.Column));
            Assert.StartsWith("container shop of Deployment default/v1 listens on port 8080 (ASPNETCORE_URLS in the env of container shop), but Service shop", finding.Message);
        }

        [Fact]
        public void ASPNETCORE_URLS_replaces_the_port_lists_and_the_image()
        {
            var deployment = Runtime.Deployment("v1", Runtime.Port5002 + Env("ASPNETCORE_HTTP_PORTS", "9000") +
                "            - name: ASPNETCORE_URLS\n              value: http://*:5002\n");
            Assert.Empty(Check(Runtime.In(ContainerImage.FromDockerfile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n"), Runtime.Service, deployment)).InManifests);
        }

        [Fact]
        public void The_images_EXPOSE_is_a_declaration_too()
        {
            const string service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector:\n    app: shop\n  ports:\n    - port: 80\n";
            var deployment = Runtime.Deployment("v1", Env("ASPNETCORE_URLS", "http://+:5000"));
            var image = ContainerImage.FromDockerfile("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nEXPOSE 80\nFROM base AS final\n");

            var finding = Assert.Single(Check(Runtime.In(image, service, deployment)).InManifests);
            Assert.Equal(("m1.yaml", 21), (finding.File, finding.Span.Line));
            Assert.StartsWith("container shop of Deployment default/v1 listens on port 5000 (ASPNETCORE_URLS in the env of container shop)", finding.Message);
        }

        [Fact]
        public void Each_port_list_counts()
        {
            var deployment = Runtime.Deployment("v1", Runtime.Port5002 + Env("ASPNETCORE_HTTP_PORTS", "9000;5002"));
            Assert.Empty(Check(Runtime.Of(Runtime.Service, deployment)).InManifests);
        }

        [Fact]
        public void A_variable_set_twice_takes_its_last_value()
        {
            var deployment = Runtime.Deployment("v1", Runtime.Port5002 + Env("ASPNETCORE_URLS", "http://+:8080") +
                "            - name: ASPNETCORE_URLS\n              value: http://+:5002\n");
            Assert.Empty(Check(Runtime.Of(Runtime.Service, deployment)).InManifests);
        }

        [Fact]
        public void The_suppression_annotation_silences_a_finding_in_its_object()
        {
            var deployment = Runtime.Deployment("v1", Runtime.Port5002 + Env("ASPNETCORE_URLS", "http://+:8080"))
                .Replace("  name: v1\n", "  name: v1\n  annotations:\n    manifest-tools.io/suppress: MT3002\n");
            Assert.Empty(Check(Runtime.Of(Runtime.Service, deployment)).InManifests);
        }

        [Fact]
        public void Port_0_which_the_OS_picks_leaves_the_port_unknown() =>
            Assert.Empty(Check(Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Runtime.Port5002)), 0).InCode);

        [Fact]
        public void Kestrel_endpoints_in_the_configuration_replace_the_address_variables()
        {
            var urls = Env("ASPNETCORE_URLS", "http://+:8080");
            var fromSettings = Runtime.WithSettings("{\"Kestrel\":{\"Endpoints\":{\"Http\":{\"Url\":\"http://*:5002\"}}}}",
                Runtime.Service, Runtime.Deployment("v1", Runtime.Port5002 + urls));
            Assert.Empty(Check(fromSettings).InManifests);
            var fromEnvironment = Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Runtime.Port5002 + urls +
                "            - name: ASPNETCORE_Kestrel__Endpoints__Http__Url\n              value: http://*:5002\n"));
            Assert.Empty(Check(fromEnvironment).InManifests);
        }

        [Fact]
        public void The_address_variables_of_a_sidecar_are_not_the_codes()
        {
            var deployment = Runtime.Deployment("v1", Runtime.Port5002 +
                "        - name: proxy\n          image: proxy:1\n          env:\n            - name: ASPNETCORE_URLS\n              value: http://+:9000\n");
            Assert.Empty(Check(Runtime.Of(Runtime.Service, deployment)).InManifests);
        }

        [Fact]
        public void A_port_another_container_of_the_pod_declares_is_that_containers()
        {
            const string service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector:\n    app: shop\n  ports:\n    - port: 80\n      targetPort: 5002\n    - port: 9102\n";
            var deployment = Runtime.Deployment("v1", Runtime.Port5002 +
                "        - name: exporter\n          image: exporter:1\n          ports:\n            - containerPort: 9102\n");
            Assert.Empty(Check(Runtime.Of(service, deployment), 5002).InManifests);
        }

        [Fact]
        public void Only_the_Services_named_like_the_service_are_checked()
        {
            const string headless = "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop-headless\nspec:\n  clusterIP: None\n  selector:\n    app: shop\n  ports:\n    - port: 80\n      targetPort: 8080\n";
            Assert.Empty(Check(Runtime.Of(Runtime.Service, headless, Runtime.Deployment("v1", Runtime.Port5002)), 5002).InManifests);
        }

        [Fact]
        public void A_Service_that_reaches_the_process_on_one_port_is_not_checked_on_its_others()
        {
            const string service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector:\n    app: shop\n  ports:\n    - port: 80\n      targetPort: 5002\n    - port: 9464\n";
            Assert.Empty(Check(Runtime.Of(service, Runtime.Deployment("v1", "")), 5002).InManifests);
            var finding = Assert.Single(Check(Runtime.Of(service, Runtime.Deployment("v1", "")), 8080).InManifests);
            Assert.StartsWith("Service shop sends traffic to targetPort 5002", finding.Message);
        }

        [Fact]
        public void A_targetPort_of_0_is_the_ports_own_number()
        {
            const string service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector:\n    app: shop\n  ports:\n    - port: 80\n      targetPort: 0\n";
            var finding = Assert.Single(Check(Runtime.Of(service, Runtime.Deployment("v1", "")), 8080).InManifests);
            Assert.StartsWith("Service shop sends traffic to port 80 (it sets no targetPort)", finding.Message);
        }

        [Fact]
        public void UDP_ports_are_not_checked()
        {
            const string service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector:\n    app: shop\n  ports:\n    - port: 53\n      protocol: UDP\n";
            Assert.Empty(Check(Runtime.Of(service, Runtime.Deployment("v1", "")), 8080).InManifests);
        }

        [Fact]
        public void A_value_the_kubelet_expands_or_a_placeholder_is_not_known()
        {
            var expanded = Runtime.Deployment("v1", Runtime.Port5002 + Env("PORT", "8080") + "            - name: ASPNETCORE_URLS\n              value: http://+:$(PORT)\n");
            Assert.Empty(Check(Runtime.Of(Runtime.Service, expanded)).InManifests);
            var templated = Runtime.Deployment("v1", Runtime.Port5002 + Env("ASPNETCORE_URLS", "http://+:${PORT}"));
            Assert.Empty(Check(Runtime.Of(Runtime.Service, templated)).InManifests);
        }
    }
}
