using System.Linq;
using ManifestTools.Code;

namespace ManifestTools.Tests.Code
{
    public class ListenPortRuleTests
    {
        [Fact]
        public void Reports_a_code_port_the_containers_do_not_declare()
        {
            var finding = ListenPortRule.CheckCodePort(8080, Runtime.Generated(Runtime.Service, Runtime.Deployment("v1", Runtime.Port5002)));
            Assert.Equal("the code listens on port 8080, but the containers of Deployment default/v1 declare containerPort 5002; " +
                "add <ContainerPort Include=\"8080\" /> to the project file, or listen on the declared port", finding?.Message);
        }

        [Fact]
        public void Stays_silent_on_a_declared_port() =>
            Assert.Null(ListenPortRule.CheckCodePort(5002, Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Runtime.Port5002))));

        [Fact]
        public void Without_container_ports_compares_with_the_Service_targetPort()
        {
            const string service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\nspec:\n  selector:\n    app: shop\n  ports:\n    - port: 80\n      targetPort: 8080\n";
            var runtime = Runtime.Of(service, Runtime.Deployment("v1", ""));
            Assert.Null(ListenPortRule.CheckCodePort(8080, runtime));
            Assert.StartsWith("the code listens on port 5002, but Service default/shop sends traffic to targetPort 8080;",
                ListenPortRule.CheckCodePort(5002, runtime)?.Message);
        }

        [Fact]
        public void Stays_silent_when_nothing_declares_a_port() =>
            Assert.Null(ListenPortRule.CheckCodePort(5002, Runtime.Of(Runtime.Deployment("v1", ""))));

        [Fact]
        public void Reports_ASPNETCORE_URLS_at_its_value()
        {
            var deployment = Runtime.Deployment("v1", Runtime.Port5002 + "          env:\n            - name: ASPNETCORE_URLS\n              value: http://+:8080\n");
            var finding = Assert.Single(ListenPortRule.CheckEnvironment(Runtime.Of(Runtime.Service, deployment)));
            Assert.Equal("m1.yaml", finding.File);
            Assert.Equal((24, 22), (finding.Span.Line, finding.Span.Column));
            Assert.StartsWith("container shop of Deployment default/v1, through ASPNETCORE_URLS, listens on port 8080, but the containers", finding.Message);
        }

        [Fact]
        public void ASPNETCORE_URLS_replaces_the_port_lists()
        {
            var deployment = Runtime.Deployment("v1", Runtime.Port5002 +
                "          env:\n            - name: ASPNETCORE_HTTP_PORTS\n              value: \"9000\"\n            - name: ASPNETCORE_URLS\n              value: http://*:5002\n");
            Assert.Empty(ListenPortRule.CheckEnvironment(Runtime.Of(Runtime.Service, deployment)));
        }

        [Fact]
        public void Reports_each_port_of_ASPNETCORE_HTTP_PORTS_nobody_declares()
        {
            var deployment = Runtime.Deployment("v1", Runtime.Port5002 + "          env:\n            - name: ASPNETCORE_HTTP_PORTS\n              value: 5002;9000\n");
            var finding = Assert.Single(ListenPortRule.CheckEnvironment(Runtime.Of(Runtime.Service, deployment)));
            Assert.Contains("listens on port 9000", finding.Message);
        }

        [Fact]
        public void A_variable_set_twice_takes_its_last_value()
        {
            var deployment = Runtime.Deployment("v1", Runtime.Port5002 +
                "          env:\n            - name: ASPNETCORE_URLS\n              value: http://+:8080\n            - name: ASPNETCORE_URLS\n              value: http://+:5002\n");
            Assert.Empty(ListenPortRule.CheckEnvironment(Runtime.Of(Runtime.Service, deployment)));
        }

        [Fact]
        public void The_suppression_annotation_silences_the_environment_check()
        {
            var deployment = Runtime.Deployment("v1", Runtime.Port5002 + "          env:\n            - name: ASPNETCORE_URLS\n              value: http://+:8080\n")
                .Replace("  name: v1\n", "  name: v1\n  annotations:\n    manifest-tools.io/suppress: MT3002\n");
            Assert.Empty(ListenPortRule.CheckEnvironment(Runtime.Of(Runtime.Service, deployment)).ToList());
        }

        [Fact]
        public void Stays_silent_on_port_0_which_the_OS_picks() =>
            Assert.Null(ListenPortRule.CheckCodePort(0, Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Runtime.Port5002))));

        [Fact]
        public void Kestrel_endpoints_in_the_configuration_replace_the_address_variables()
        {
            const string urls = "          env:\n            - name: ASPNETCORE_URLS\n              value: http://+:8080\n";
            var fromSettings = Runtime.WithSettings("{\"Kestrel\":{\"Endpoints\":{\"Http\":{\"Url\":\"http://*:5002\"}}}}",
                Runtime.Service, Runtime.Deployment("v1", Runtime.Port5002 + urls));
            Assert.Empty(ListenPortRule.CheckEnvironment(fromSettings));
            var fromEnvironment = Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Runtime.Port5002 + urls +
                "            - name: Kestrel__Endpoints__Http__Url\n              value: http://*:5002\n"));
            Assert.Empty(ListenPortRule.CheckEnvironment(fromEnvironment));
        }

        [Fact]
        public void The_address_variables_of_a_sidecar_are_not_the_code_s()
        {
            var deployment = Runtime.Deployment("v1", Runtime.Port5002 +
                "        - name: proxy\n          image: proxy:1\n          env:\n            - name: ASPNETCORE_URLS\n              value: http://+:9000\n");
            Assert.Empty(ListenPortRule.CheckEnvironment(Runtime.Of(Runtime.Service, deployment)));
        }
    }
}
