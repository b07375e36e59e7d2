using System.Collections.Generic;

namespace ManifestTools.Generation
{
    /// <summary>The checked, typed service the templates render. Every list keeps declaration order.</summary>
    public sealed class ServiceModel
    {
        public ServiceModel(string name, string @namespace, IReadOnlyList<PortModel> ports, IReadOnlyList<VersionModel> versions,
            IReadOnlyList<RouteModel> routes, IReadOnlyList<WeightedVersion> defaultRoute)
        {
            Name = name;
            Namespace = @namespace;
            Ports = ports;
            Versions = versions;
            Routes = routes;
            DefaultRoute = defaultRoute;
        }

        public string Name { get; }
        public string Namespace { get; }
        public IReadOnlyList<PortModel> Ports { get; }
        public IReadOnlyList<VersionModel> Versions { get; }
        public IReadOnlyList<RouteModel> Routes { get; }

        /// <summary>The split of requests that no route matches, from the ServiceVersion weights.</summary>
        public IReadOnlyList<WeightedVersion> DefaultRoute { get; }
    }

    public sealed class PortModel
    {
        public PortModel(string name, int number, string protocol)
        {
            Name = name;
            Number = number;
            Protocol = protocol;
        }

        /// <summary>Istio selects the protocol by the port name's prefix, so TCP ports are named http, http-2, ...</summary>
        public string Name { get; }
        public int Number { get; }

        /// <summary>TCP or UDP, as the Kubernetes API spells it.</summary>
        public string Protocol { get; }
    }

    public sealed class VersionModel
    {
        public VersionModel(string name, string imageTag, string image, int weight, int replicas, IReadOnlyList<EnvironmentVariable> environment)
        {
            Name = name;
            ImageTag = imageTag;
            Image = image;
            Weight = weight;
            Replicas = replicas;
            Environment = environment;
        }

        public string Name { get; }
        public string ImageTag { get; }
        public string Image { get; }
        public int Weight { get; }
        public int Replicas { get; }
        public IReadOnlyList<EnvironmentVariable> Environment { get; }
    }

    public sealed class EnvironmentVariable
    {
        public EnvironmentVariable(string name, string value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }
        public string Value { get; }
    }

    public sealed class RouteModel
    {
        public RouteModel(string name, string header, string matchType, string matchValue, IReadOnlyList<WeightedVersion> destinations)
        {
            Name = name;
            Header = header;
            MatchType = matchType;
            MatchValue = matchValue;
            Destinations = destinations;
        }

        public string Name { get; }
        public string Header { get; }

        /// <summary>exact, prefix or regex: the Istio StringMatch field name.</summary>
        public string MatchType { get; }
        public string MatchValue { get; }
        public IReadOnlyList<WeightedVersion> Destinations { get; }
    }

    public sealed class WeightedVersion
    {
        public WeightedVersion(string version, int weight)
        {
            Version = version;
            Weight = weight;
        }

        public string Version { get; }
        public int Weight { get; }
    }
}
