using System.Collections.Generic;
using System.IO;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Generation;

namespace ManifestTools.Tests.Generation
{
    /// <summary>Builds declarations as the MSBuild task does, with each item on its own line of a fake project file.</summary>
    internal sealed class Declarations
    {
        public const string Project = "Advertisements.csproj";

        /// <summary>The project as the headers name it: from the default output folder, manifests/ next to the project.</summary>
        public const string OwnerProject = "../Advertisements.csproj";

        private int _line = 10;
        private readonly List<DeclaredItem> _versions = new List<DeclaredItem>();
        private readonly List<DeclaredItem> _routes = new List<DeclaredItem>();
        private readonly List<DeclaredItem> _ports = new List<DeclaredItem>();
        private readonly List<DeclaredItem> _environment = new List<DeclaredItem>();

        public string ServiceName { get; set; } = "advertisements";
        public string Namespace { get; set; } = "ns3";
        public string Registry { get; set; } = "registry.example";
        public string Repository { get; set; } = "ecommerce/advertisements";
        public string ImageTag { get; set; } = "";
        public string VersionVariable { get; set; } = "";
        public string ReadinessProbePath { get; set; } = "";
        public string LivenessProbePath { get; set; } = "";

        /// <summary>ManifestTrafficApi as the project sets it; empty, as the core gets it when the targets are not involved, is Istio.</summary>
        public string TrafficApi { get; set; } = "";

        /// <summary>The Ecommerce canary of the Istio tutorial: v1 takes ordinary traffic, the products page splits 50/50.</summary>
        public static Declarations Advertisements(string trafficApi = "") => new Declarations { VersionVariable = "DD_VERSION", TrafficApi = trafficApi }
            .Port("5002")
            .Version("v1", ("ImageTag", "1.0"), ("Weight", "100"))
            .Version("v2", ("ImageTag", "2.0"), ("Weight", "0"))
            .Route("products", ("Header", "page-source"), ("Exact", "products"), ("Weights", "v1=50;v2=50"));

        public Declarations Version(string name, params (string, string)[] metadata) => Add(_versions, name, metadata);
        public Declarations Route(string name, params (string, string)[] metadata) => Add(_routes, name, metadata);
        public Declarations Port(string number, params (string, string)[] metadata) => Add(_ports, number, metadata);
        public Declarations Environment(string name, params (string, string)[] metadata) => Add(_environment, name, metadata);

        /// <summary>The line the next item will be declared on.</summary>
        public int NextLine => _line;

        public ServiceDeclaration Build()
        {
            var site = new DeclarationSite(Project, SourceSpan.At(0, 0));
            return new ServiceDeclaration
            {
                ProjectFileName = Project,
                OwnerProject = OwnerProject,
                ProjectSite = site,
                ServiceName = new DeclaredValue(ServiceName, new DeclarationSite(Project, SourceSpan.At(3, 5))),
                Namespace = new DeclaredValue(Namespace, new DeclarationSite(Project, SourceSpan.At(4, 5))),
                Registry = new DeclaredValue(Registry, site),
                Repository = new DeclaredValue(Repository, site),
                DefaultImageTag = new DeclaredValue(ImageTag, site),
                VersionEnvironmentVariable = new DeclaredValue(VersionVariable, site),
                ReadinessProbePath = new DeclaredValue(ReadinessProbePath, new DeclarationSite(Project, SourceSpan.At(5, 5))),
                LivenessProbePath = new DeclaredValue(LivenessProbePath, new DeclarationSite(Project, SourceSpan.At(6, 5))),
                TrafficApi = new DeclaredValue(TrafficApi, new DeclarationSite(Project, SourceSpan.At(7, 5))),
                Versions = _versions,
                Routes = _routes,
                Ports = _ports,
                EnvironmentVariables = _environment,
            };
        }

        public (ServiceModel? Model, IReadOnlyList<ManifestDiagnostic> Diagnostics) Bind() => DeclarationBinder.Bind(Build());

        public static string PackageTemplates => Path.Combine(RepoRoot.Path, "templates");

        /// <summary>Binds and renders with the package's templates; fails the test on any finding.</summary>
        public IReadOnlyList<GeneratedFile> Generate()
        {
            var (model, diagnostics) = Bind();
            Assert.Empty(diagnostics.Select(d => d.ToString()));
            var (templates, templateDiagnostics) = TemplateSet.Load(PackageTemplates, null, RepoRoot.Path);
            Assert.Empty(templateDiagnostics.Select(d => d.ToString()));
            var (files, renderDiagnostics) = ManifestGenerator.Generate(model!, templates!, Project, OwnerProject);
            Assert.Empty(renderDiagnostics.Select(d => d.ToString()));
            return files;
        }

        private Declarations Add(List<DeclaredItem> items, string identity, (string, string)[] metadata)
        {
            items.Add(new DeclaredItem(identity, DeclaredItem.Meta(metadata), new DeclarationSite(Project, SourceSpan.At(_line++, 5))));
            return this;
        }
    }
}
