using ManifestTools.Code;
using ManifestTools.Loading;

namespace ManifestTools.Tests.Code
{
    public class UnsetConfigurationRuleTests
    {
        private const string Env = @"          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: { name: db, key: password }
            - name: Payments__ApiKey
              value: k
            - name: ASPNETCORE_Shipping__Zone
              value: eu
";

        private static string? Check(SettingKind kind, string name, ServiceRuntime runtime) =>
            UnsetConfigurationRule.Check(new SettingRead(kind, name), runtime)?.Message;

        [Fact]
        public void Reports_an_environment_variable_no_container_sets()
        {
            var message = Check(SettingKind.EnvironmentVariable, "API_TOKEN", Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Env)));
            Assert.Equal("the code reads environment variable API_TOKEN, but no container of Deployment default/v1 sets API_TOKEN; " +
                "set API_TOKEN in the env of the containers in m1.yaml", message);
        }

        [Fact]
        public void Names_the_project_item_when_the_manifests_are_generated()
        {
            var message = Check(SettingKind.ConfigurationKey, "Orders:Url", Runtime.Generated(Runtime.Service, Runtime.Deployment("v1", Env), Runtime.Deployment("v2", Env)));
            Assert.Equal("the code reads configuration key Orders:Url, but no container of Deployment default/v1 and Deployment default/v2 sets Orders__Url " +
                "and no appsettings*.json gives it a value; add <ServiceEnvironmentVariable Include=\"Orders__Url\" Value=\"…\" /> to the project file, " +
                "or give it a value in appsettings.json", message);
        }

        [Theory]
        [InlineData(SettingKind.EnvironmentVariable, "DB_PASSWORD")] // valueFrom: set, value unknown
        [InlineData(SettingKind.ConfigurationKey, "payments:apikey")] // keys ignore case; A__B sets A:B
        [InlineData(SettingKind.ConfigurationSection, "Payments")]
        [InlineData(SettingKind.ConfigurationKey, "Shipping:Zone")] // the host builder strips ASPNETCORE_
        [InlineData(SettingKind.EnvironmentVariable, "HOSTNAME")] // set by Kubernetes
        [InlineData(SettingKind.EnvironmentVariable, "ORDERS_SERVICE_HOST")] // a service link
        public void Stays_silent_on_what_the_containers_or_the_platform_set(SettingKind kind, string name) =>
            Assert.Null(Check(kind, name, Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Env))));

        [Fact]
        public void An_environment_variable_name_is_case_sensitive() =>
            Assert.NotNull(Check(SettingKind.EnvironmentVariable, "db_password", Runtime.Of(Runtime.Service, Runtime.Deployment("v1", Env))));

        [Theory]
        [InlineData(SettingKind.ConfigurationKey, "Logging:LogLevel:Default")]
        [InlineData(SettingKind.ConfigurationSection, "Logging")]
        [InlineData(SettingKind.ConnectionString, "Orders")]
        public void Stays_silent_on_a_key_appsettings_gives_a_value(SettingKind kind, string name)
        {
            const string json = "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } }, \"ConnectionStrings\": { \"Orders\": \"Server=db\" } }";
            Assert.Null(Check(kind, name, Runtime.WithSettings(json, Runtime.Service, Runtime.Deployment("v1", Env))));
        }

        [Fact]
        public void Development_settings_give_no_value_in_the_cluster_unless_its_environment_is_Development()
        {
            var settings = AppSettings.Read(new[] { ("/p/appsettings.Development.json", "{ \"Orders\": { \"Url\": \"http://localhost\" } }") });
            var options = new LintOptions();
            var production = ManifestParser.ParseText("m.yaml", Runtime.Service + "---\n" + Runtime.Deployment("v1", Env), options).Objects;
            var development = ManifestParser.ParseText("m.yaml", Runtime.Service + "---\n" +
                Runtime.Deployment("v1", Env + "            - name: ASPNETCORE_ENVIRONMENT\n              value: Development\n"), options).Objects;

            Assert.NotNull(Check(SettingKind.ConfigurationKey, "Orders:Url", ServiceRuntime.Resolve(production, "shop", options, new string[0], settings, ContainerImage.None)));
            Assert.Null(Check(SettingKind.ConfigurationKey, "Orders:Url", ServiceRuntime.Resolve(development, "shop", options, new string[0], settings, ContainerImage.None)));
        }

        [Fact]
        public void Without_a_container_named_like_the_service_the_environment_is_Production()
        {
            var settings = AppSettings.Read(new[] { ("/p/appsettings.Production.json", "{ \"Orders\": { \"Url\": \"http://orders\" } }") });
            var options = new LintOptions();
            var twoContainers = Runtime.Deployment("v1", "        - name: proxy\n          image: proxy:1\n").Replace("- name: shop", "- name: web");
            var objects = ManifestParser.ParseText("m.yaml", Runtime.Service + "---\n" + twoContainers, options).Objects;

            Assert.Null(Check(SettingKind.ConfigurationKey, "Orders:Url", ServiceRuntime.Resolve(objects, "shop", options, new string[0], settings, ContainerImage.None)));
        }

        [Fact]
        public void Appsettings_do_not_set_environment_variables()
        {
            var runtime = Runtime.WithSettings("{ \"API_TOKEN\": \"x\" }", Runtime.Service, Runtime.Deployment("v1", Env));
            Assert.NotNull(Check(SettingKind.EnvironmentVariable, "API_TOKEN", runtime));
        }

        [Fact]
        public void A_connection_string_is_set_by_its_double_underscore_variable()
        {
            var runtime = Runtime.Of(Runtime.Service, Runtime.Deployment("v1", "          env:\n            - name: ConnectionStrings__Orders\n              value: Server=db\n"));
            Assert.Null(Check(SettingKind.ConnectionString, "Orders", runtime));
            Assert.Contains("ConnectionStrings__Billing", Check(SettingKind.ConnectionString, "Billing", runtime));
        }

        [Fact]
        public void EnvFrom_of_a_ConfigMap_in_the_input_sets_its_keys_with_the_prefix()
        {
            const string configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  URL: x\n";
            var runtime = Runtime.Of(Runtime.Service, configMap,
                Runtime.Deployment("v1", "          envFrom:\n            - prefix: ORDERS_\n              configMapRef:\n                name: settings\n"));
            Assert.Null(Check(SettingKind.EnvironmentVariable, "ORDERS_URL", runtime));
            Assert.NotNull(Check(SettingKind.EnvironmentVariable, "URL", runtime));
        }

        [Fact]
        public void EnvFrom_of_an_object_outside_the_input_may_set_anything()
        {
            var runtime = Runtime.Of(Runtime.Service, Runtime.Deployment("v1", "          envFrom:\n            - secretRef:\n                name: external\n"));
            Assert.Null(Check(SettingKind.EnvironmentVariable, "ANYTHING", runtime));
        }

        [Fact]
        public void Stays_silent_without_workloads_of_the_service() =>
            Assert.Null(Check(SettingKind.EnvironmentVariable, "API_TOKEN", Runtime.Of(Runtime.Service)));

        [Fact]
        public void Broken_appsettings_make_no_key_count_as_missing()
        {
            var runtime = Runtime.WithSettings("{ \"A\": ", Runtime.Service, Runtime.Deployment("v1", Env));
            Assert.Null(Check(SettingKind.ConfigurationKey, "Missing", runtime));
        }
    }
}
