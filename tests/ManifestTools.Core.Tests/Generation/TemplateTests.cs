using System.Collections.Generic;
using System.IO;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Generation;
using ManifestTools.Tests.Loading;

namespace ManifestTools.Tests.Generation
{
    /// <summary>Project overrides in a temp project folder: <c>manifest-templates/</c> next to the project, as the build sets it up.</summary>
    public sealed class TemplateTests : System.IDisposable
    {
        private const string Override = "manifest-templates/deployment.yaml.scriban";

        private readonly TempDirectory _project = new TempDirectory();

        private string OverrideDirectory => Path.Combine(_project.Path, "manifest-templates");

        private string OverridePath => Path.Combine(OverrideDirectory, TemplateSet.Deployment);

        public void Dispose() => _project.Dispose();

        [Fact]
        public void ThePackageTemplates_Load()
        {
            var (templates, diagnostics) = TemplateSet.Load(Declarations.PackageTemplates, OverrideDirectory, _project.Path);

            Assert.Empty(diagnostics);
            Assert.NotNull(templates);
        }

        [Fact]
        public void ABrokenOverride_IsReportedAtItsLineAndColumn()
        {
            _project.Write(Override, "apiVersion: apps/v1\n{{ for x in }}\n");

            var (templates, diagnostics) = TemplateSet.Load(Declarations.PackageTemplates, OverrideDirectory, _project.Path);

            Assert.Null(templates);
            Assert.All(diagnostics, d => Assert.Equal(("MT4007", Severity.Error, OverridePath), (d.Id, d.Severity, d.File)));
            var first = diagnostics[0];
            Assert.Equal((2, 13), (first.Span.Line, first.Span.Column));
            Assert.Equal("template manifest-templates/deployment.yaml.scriban: Error while parsing for statement: " +
                "Expecting <expression> instead of `}}` in: for <variable> in <expression> ... end", first.Message);
        }

        [Fact]
        public void AValidOverride_IsNamedInTheHeader_ByItsProjectRelativePath()
        {
            _project.Write(Override, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ version.deployment_name }}\n");

            var files = Generate().Files;

            Assert.Equal(GeneratedHeader.Compose(new GeneratedFileOwner(Declarations.OwnerProject, "advertisements"), "advertisements-v1.deployment.yaml",
                "manifest-templates/deployment.yaml.scriban", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: advertisements-v1\n"), files[0].Content);
            Assert.Contains("\n# template: manifest-templates/deployment.yaml.scriban\n", files[0].Content);
            Assert.Equal(Override, files[0].Template);
            Assert.Equal(TemplateSet.Service, files.Single(f => f.FileName == "advertisements.service.yaml").Template);
        }

        [Fact]
        public void OverrideLineEndings_AreNormalisedToLf_WithOneFinalNewline()
        {
            _project.Write(Override, "apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n  name: {{ version.name }}\r\n\r\n\r\n");

            var content = Generate().Files[0].Content;

            Assert.EndsWith("\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: v1\n", content);
            Assert.DoesNotContain("\r", content);
        }

        [Theory]
        [InlineData("kind: Deployment\nname: {{ service.nmae }}\n", 2, "Cannot get member with name nmae.")]
        [InlineData("kind: Deployment\n\nname: {{ nmae }}\n", 3, "The variable or function `nmae` was not found")]
        [InlineData("{{ version.name | string.nope }}", 1, "Cannot get member with name nope.")]
        public void AnUndefinedName_IsAnError_AtItsLine(string template, int line, string message)
        {
            _project.Write(Override, template);

            var (files, diagnostics) = Generate();

            Assert.Empty(files);
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal(("MT4007", OverridePath, line), (diagnostic.Id, diagnostic.File, diagnostic.Span.Line));
            Assert.Equal("template manifest-templates/deployment.yaml.scriban: " + message, diagnostic.Message);
        }

        [Fact]
        public void AnEndlessLoop_StopsAtTheLoopLimit()
        {
            _project.Write(Override, "{{ while true }}x{{ end }}");

            var diagnostic = Assert.Single(Generate().Diagnostics);

            Assert.Equal(("MT4007", OverridePath, 1), (diagnostic.Id, diagnostic.File, diagnostic.Span.Line));
            Assert.Equal("template manifest-templates/deployment.yaml.scriban: Exceeding number of iteration limit `100000` for loop statement.", diagnostic.Message);
        }

        [Fact]
        public void EndlessRecursion_StopsAtTheRecursionLimit()
        {
            _project.Write(Override, "{{ func f(x); ret f(x); end; f 1 }}");

            var diagnostic = Assert.Single(Generate().Diagnostics);

            Assert.Equal("MT4007", diagnostic.Id);
            Assert.Equal("template manifest-templates/deployment.yaml.scriban: Exceeding number of recursive depth limit `64` for node: `f(x)`", diagnostic.Message);
        }

        [Fact]
        public void OutputAboveTheLimit_IsAnError()
        {
            // 50,000 iterations stay under the loop limit; 100 characters each pass 4 MiB.
            _project.Write(Override, "kind: Deployment\n{{ for i in 1..50000 }}" + new string('x', 100) + "{{ end }}");

            var (files, diagnostics) = Generate();

            Assert.Empty(files);
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal(("MT4007", OverridePath, 2), (diagnostic.Id, diagnostic.File, diagnostic.Span.Line));
            Assert.Equal($"template manifest-templates/deployment.yaml.scriban produced more than {ManifestGenerator.MaxOutputChars} characters for advertisements-v1.deployment.yaml",
                diagnostic.Message);
        }

        [Fact]
        public void ATemplateThatIsALinkToADevice_IsNeverReadToTheEnd()
        {
            Directory.CreateDirectory(OverrideDirectory);
            File.CreateSymbolicLink(OverridePath, "/dev/zero");

            var (templates, diagnostics) = TemplateSet.Load(Declarations.PackageTemplates, OverrideDirectory, _project.Path);

            // The link reports its own length, not the device's; the read stops at the limit either way.
            Assert.Null(templates);
            Assert.Equal($"template manifest-templates/deployment.yaml.scriban is larger than the limit of {TemplateSet.MaxTemplateBytes} bytes",
                Assert.Single(diagnostics).Message);
        }

        [Fact]
        public void ATemplateAbove1MiB_IsNotParsed()
        {
            _project.Write(Override, "# " + new string('x', TemplateSet.MaxTemplateBytes) + "\n");

            var (templates, diagnostics) = TemplateSet.Load(Declarations.PackageTemplates, OverrideDirectory, _project.Path);

            Assert.Null(templates);
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal(("MT4007", OverridePath), (diagnostic.Id, diagnostic.File));
            Assert.Equal($"template manifest-templates/deployment.yaml.scriban is {TemplateSet.MaxTemplateBytes + 3} bytes, above the limit of {TemplateSet.MaxTemplateBytes}",
                diagnostic.Message);
        }

        [Fact]
        public void TheYamlFunction_QuotesWhatAReaderWouldRetype()
        {
            _project.Write(Override, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n" +
                "# {{ yaml version.name }} {{ version.image_tag | yaml }} {{ version.replicas | yaml }} {{ 1.5 | yaml }} {{ true | yaml }}\n");

            Assert.EndsWith("\n# v1 \"1.0\" 1 \"1.5\" true\n", Generate().Files[0].Content);
        }

        [Theory]
        [InlineData("kind: Deployment\nname: {{ version.name }}\n", 1, "which is not a valid manifest: line 1 of the output: document is not a Kubernetes object: apiVersion is missing")]
        [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: [{{ version.name }}\n", 3, "which is not a valid manifest: line ")]
        [InlineData("", 0, "which holds no object; the template must render one Deployment")]
        [InlineData("# {{ version.name }} is retired\n", 0, "which holds no object; the template must render one Deployment")]
        [InlineData("apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ version.deployment_name }}\n", 1, "which holds a Secret; the template must render one Deployment")]
        [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n---\n{{ \"apiVersion\" }}: apps/v1\nkind: Deployment\nmetadata:\n  name: b\n", 6,
            "which holds 2 objects; the template must render exactly one Deployment, but line 6 of the output starts Deployment b")]
        public void ATemplateThatRendersAnythingButOneObjectOfItsKind_IsAnErrorAtTheTemplateLine_AndWritesNothing(string template, int line, string expected)
        {
            _project.Write(Override, template);

            var (files, diagnostics) = Generate();

            Assert.Empty(files);
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal(("MT4007", OverridePath, line), (diagnostic.Id, diagnostic.File, diagnostic.Span.Line));
            Assert.StartsWith("template manifest-templates/deployment.yaml.scriban rendered advertisements-v1.deployment.yaml, " + expected,
                diagnostic.Message);
        }

        [Fact]
        public void AStringDoubledInALoop_StopsAtTheLimit_NotAtTheEndOfMemory()
        {
            _project.Write(Override, "{{ x = \"a\" }}\n{{ for i in 1..40 }}{{ x = x + x }}{{ end }}\n");

            var diagnostic = Assert.Single(Generate().Diagnostics);

            Assert.Equal(("MT4007", 2), (diagnostic.Id, diagnostic.Span.Line));
            Assert.EndsWith($"exceeds the limit of {ManifestGenerator.MaxOutputChars}", diagnostic.Message);
        }

        [Fact]
        public void ATemplateThatRunsTooLong_Stops()
        {
            // Few iterations, each copying megabytes: under every other limit, so only the time limit stops it.
            _project.Write(Override, "{{ x = \"a\" | string.pad_left 3000000 }}\n{{ for i in 1..99999 }}{{ y = x + \"b\" }}{{ end }}\n");

            var diagnostic = Assert.Single(Generate(maxSeconds: 0.2).Diagnostics);

            Assert.Equal(("MT4007", 2), (diagnostic.Id, diagnostic.Span.Line));
            Assert.EndsWith("generation ran for more than 0.2 s", diagnostic.Message);
        }

        private (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<ManifestDiagnostic> Diagnostics) Generate(double maxSeconds = ManifestGenerator.MaxSeconds)
        {
            var (templates, diagnostics) = TemplateSet.Load(Declarations.PackageTemplates, OverrideDirectory, _project.Path);
            Assert.Empty(diagnostics.Select(d => d.ToString()));
            var (model, _) = new Declarations().Version("v1", ("ImageTag", "1.0")).Bind();
            return ManifestGenerator.Generate(model!, templates!, Declarations.Project, Declarations.OwnerProject, maxSeconds);
        }
    }
}
