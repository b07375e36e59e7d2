using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ManifestTools.Generation;
using ManifestTools.Tests.Generation;
using ManifestTools.Tests.Loading;

namespace ManifestTools.Tests.Docs
{
    /// <summary>Keeps templates/README.md in step with the variables, limits and templates the generator has.</summary>
    public class TemplatesReadmeTests
    {
        private static readonly string Readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "templates", "README.md"));

        [Fact]
        public void EveryTemplateVariable_IsDocumented()
        {
            var source = File.ReadAllText(Path.Combine(RepoRoot.Path, "src", "ManifestTools.Core", "Generation", "TemplateModel.cs"));
            var variables = Regex.Matches(source, @"\[""([a-z_]+)""\]").Select(m => m.Groups[1].Value).Distinct().ToList();

            // Words inside `code` spans, so a variable counts only where it is written as one.
            var documented = Regex.Matches(Readme, "`([^`]+)`").SelectMany(m => Regex.Split(m.Groups[1].Value, @"[^a-z_]+")).ToHashSet();

            Assert.Contains("match_type", variables);
            var undocumented = variables.Where(v => !documented.Contains(v)).ToList();
            Assert.True(undocumented.Count == 0, "templates/README.md does not mention: " + string.Join(", ", undocumented));
        }

        [Fact]
        public void TheLimits_AreTheGeneratorsOwn()
        {
            Assert.Contains($"after {ManifestGenerator.LoopLimit.ToString("N0", CultureInfo.InvariantCulture)} iterations", Readme);
            Assert.Contains($"a depth of {ManifestGenerator.RecursionLimit}", Readme);
            Assert.Contains($"({ManifestGenerator.MaxOutputChars.ToString("N0", CultureInfo.InvariantCulture)} characters", Readme);
            Assert.Contains($"({TemplateSet.MaxTemplateBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)", Readme);
            Assert.Contains($"files after {ManifestGenerator.MaxSeconds} s", Readme);
        }

        [Fact]
        public void EveryTemplate_IsInTheTable()
        {
            Assert.All(TemplateSet.Names, name => Assert.Contains($"| `{name}`", Readme));
        }

        [Fact]
        public void TheOverrideExample_RendersAndLintsClean()
        {
            var example = Regex.Match(Readme, "```scriban\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
            using var project = new TempDirectory();
            project.Write("manifest-templates/" + TemplateSet.Deployment, example);

            var (templates, templateDiagnostics) = TemplateSet.Load(Declarations.PackageTemplates, Path.Combine(project.Path, "manifest-templates"), project.Path);
            Assert.Empty(templateDiagnostics.Select(d => d.ToString()));
            var (model, _) = Declarations.Advertisements().Bind();
            var (files, diagnostics) = ManifestGenerator.Generate(model!, templates!, Declarations.Project, Declarations.OwnerProject);

            Assert.Empty(diagnostics.Select(d => d.ToString()));
            Assert.Empty(Lint.Files(files.Select(f => (f.FileName, f.Content)).ToArray()).Select(d => d.ToString()));
            var v2 = YamlTree.Single(files.Single(f => f.FileName == "advertisements-v2.deployment.yaml").Content);
            Assert.Equal("512Mi", v2.Text("spec", "template", "spec", "containers", "0", "resources", "limits", "memory"));
            Assert.Equal("manifest-templates/deployment.yaml.scriban", files[0].Template);
        }
    }
}
