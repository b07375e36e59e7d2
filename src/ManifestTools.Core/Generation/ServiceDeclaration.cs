using System.Collections.Generic;

namespace ManifestTools.Generation
{
    /// <summary>What a project declares about its service, as raw strings; <see cref="DeclarationBinder"/> checks and types it.</summary>
    public sealed class ServiceDeclaration
    {
        private static readonly DeclaredValue Undeclared = new DeclaredValue("", default);

        /// <summary>The project file's name (no folder), for the templates' <c>service.project</c>.</summary>
        public string ProjectFileName { get; set; } = "";

        /// <summary>
        /// The project file's path relative to the output folder, with '/' separators (<c>../Advertisements.csproj</c>):
        /// the owner the generated headers name, the same in every checkout and copy of the repository.
        /// </summary>
        public string OwnerProject { get; set; } = "";

        /// <summary>Where findings without a more precise site are reported: the project file, line unknown.</summary>
        public DeclarationSite ProjectSite { get; set; }

        public DeclaredValue ServiceName { get; set; } = Undeclared;
        public DeclaredValue Namespace { get; set; } = Undeclared;
        public DeclaredValue Registry { get; set; } = Undeclared;
        public DeclaredValue Repository { get; set; } = Undeclared;

        /// <summary>ContainerImageTag: the tag of a version that declares no ImageTag.</summary>
        public DeclaredValue DefaultImageTag { get; set; } = Undeclared;

        /// <summary>An environment variable (such as DD_VERSION) set in each version's container to its image tag; empty for none.</summary>
        public DeclaredValue VersionEnvironmentVariable { get; set; } = Undeclared;

        /// <summary>The httpGet path of each container's readinessProbe; empty for none.</summary>
        public DeclaredValue ReadinessProbePath { get; set; } = Undeclared;

        /// <summary>The httpGet path of each container's livenessProbe; empty for none.</summary>
        public DeclaredValue LivenessProbePath { get; set; } = Undeclared;

        /// <summary>ManifestTrafficApi: Istio or GatewayApi, in any case; empty for Istio.</summary>
        public DeclaredValue TrafficApi { get; set; } = Undeclared;

        public IReadOnlyList<DeclaredItem> Versions { get; set; } = new DeclaredItem[0];
        public IReadOnlyList<DeclaredItem> Routes { get; set; } = new DeclaredItem[0];
        public IReadOnlyList<DeclaredItem> Ports { get; set; } = new DeclaredItem[0];
        public IReadOnlyList<DeclaredItem> EnvironmentVariables { get; set; } = new DeclaredItem[0];
    }
}
