using System.Collections.Generic;
using System.Linq;
using Scriban.Runtime;

namespace ManifestTools.Generation
{
    /// <summary>
    /// The variables templates see, built by hand so that their names are exactly those templates/README.md documents,
    /// independent of the C# model's names.
    /// </summary>
    internal static class TemplateModel
    {
        public const string ManagedBy = "manifest-tools";

        public static ScriptObject Service(ServiceModel model, string projectFileName)
        {
            var service = new ScriptObject
            {
                ["name"] = model.Name,
                ["traffic_api"] = model.TrafficApi.ToString(),
                ["namespace"] = model.Namespace,
                ["project"] = projectFileName,
                ["labels"] = Labels(("app", model.Name), ("app.kubernetes.io/name", model.Name), ("app.kubernetes.io/managed-by", ManagedBy)),
                ["selector"] = Labels(("app", model.Name)),
                ["ports"] = Array(model.Ports.Select(p => new ScriptObject { ["name"] = p.Name, ["number"] = p.Number, ["protocol"] = p.Protocol })),
                // HTTP routes go to a TCP port: the first one, or the first port when every port is UDP.
                ["readiness_probe_path"] = model.ReadinessProbePath,
                ["liveness_probe_path"] = model.LivenessProbePath,
                ["route_port"] = (model.Ports.FirstOrDefault(p => p.Protocol == "TCP") ?? model.Ports[0]).Number,
                ["routes"] = Array(model.Routes.Select(r => Route(model, r))),
                ["default_route"] = Destinations(model, model.DefaultRoute),
            };
            service["versions"] = Array(model.Versions.Select(v => Version(model, v)));
            return service;
        }

        public static ScriptObject Version(ServiceModel service, VersionModel version) => new ScriptObject
        {
            ["name"] = version.Name,
            ["deployment_name"] = service.Name + "-" + version.Name,
            ["service_name"] = service.Name + "-" + version.Name,
            ["image"] = version.Image,
            ["image_tag"] = version.ImageTag,
            ["weight"] = version.Weight,
            ["replicas"] = version.Replicas,
            ["labels"] = Labels(("app", service.Name), ("version", version.Name),
                ("app.kubernetes.io/name", service.Name), ("app.kubernetes.io/version", version.Name)),
            ["selector"] = Labels(("app", service.Name), ("version", version.Name)),
            ["environment"] = Array(version.Environment.Select(e => new ScriptObject { ["name"] = e.Name, ["value"] = e.Value })),
        };

        private static ScriptObject Route(ServiceModel service, RouteModel route)
        {
            var (gatewayType, gatewayValue) = GatewayHeaderMatch.Of(route.MatchType, route.MatchValue);
            return new ScriptObject
            {
                ["name"] = route.Name,
                ["header"] = route.Header,
                ["match_type"] = route.MatchType,
                ["match_value"] = route.MatchValue,
                ["gateway_match_type"] = gatewayType,
                ["gateway_match_value"] = gatewayValue,
                ["destinations"] = Destinations(service, route.Destinations),
            };
        }

        private static ScriptArray Destinations(ServiceModel service, IEnumerable<WeightedVersion> destinations) =>
            Array(destinations.Select(d => new ScriptObject { ["version"] = d.Version, ["service_name"] = service.Name + "-" + d.Version, ["weight"] = d.Weight }));

        private static ScriptArray Labels(params (string Key, string Value)[] labels) =>
            Array(labels.Select(l => new ScriptObject { ["key"] = l.Key, ["value"] = l.Value }));

        private static ScriptArray Array(IEnumerable<ScriptObject> items)
        {
            var array = new ScriptArray();
            foreach (var item in items)
            {
                array.Add(item);
            }

            return array;
        }
    }
}
