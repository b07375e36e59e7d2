using System.Collections.Generic;
using ManifestTools.Code;
using Microsoft.CodeAnalysis;

namespace ManifestTools.Analyzers.Code
{
    /// <summary>Something the code does that the MT3xxx rules compare with the manifests, with where it does it.</summary>
    internal abstract class CodeFact
    {
        protected CodeFact(Location location) => Location = location;

        public Location Location { get; }
    }

    /// <summary>A read of an environment variable or configuration key with a constant name.</summary>
    internal sealed class SettingFact : CodeFact
    {
        public SettingFact(SettingRead read, bool hasFallback, Location location)
            : base(location)
        {
            Read = read;
            HasFallback = hasFallback;
        }

        public SettingRead Read { get; }

        /// <summary>The read passes a default, or the code copes with null where it uses the value: a missing value is expected.</summary>
        public bool HasFallback { get; }
    }

    /// <summary>An address the code listens on. <see cref="Ports"/> is empty when the address is not a constant.</summary>
    internal sealed class ListenFact : CodeFact
    {
        public ListenFact(IReadOnlyList<int> ports, Location location)
            : base(location) => Ports = ports;

        public IReadOnlyList<int> Ports { get; }
    }

    /// <summary>
    /// A GET route, or a gRPC service (<see cref="GrpcService"/>). <see cref="Pattern"/> and <see cref="GrpcService"/>
    /// are both null when the code may serve paths nobody can list from the code.
    /// </summary>
    internal sealed class RouteFact : CodeFact
    {
        public RouteFact(string? pattern, bool isHealth, Location location, string? grpcService = null)
            : base(location)
        {
            Pattern = pattern;
            IsHealth = isHealth;
            GrpcService = grpcService;
        }

        public string? Pattern { get; }
        public bool IsHealth { get; }

        /// <summary>The type name of a gRPC service the code maps; <see cref="IsHealth"/> for the gRPC health service.</summary>
        public string? GrpcService { get; }

        public bool IsOpaque => Pattern == null && GrpcService == null;
    }
}
