using System.IO;

namespace ManifestTools.Tasks.Tests
{
    public class ProjectFileLocatorTests
    {
        private const string Project = @"<Project>
  <PropertyGroup>
    <ManifestNamespace>ns3</ManifestNamespace>
  </PropertyGroup>
  <ItemGroup>
    <ServiceVersion Include=""v1;v2"" Weight=""50"" />
    <ServiceVersion Update=""v2"" Weight=""60"" />
  </ItemGroup>
  <Target Name=""T"">
    <ManifestNamespace>not a property here</ManifestNamespace>
  </Target>
</Project>
";

        [Fact]
        public void An_item_is_found_by_the_last_element_that_declared_or_updated_it()
        {
            using var project = new TempProject(Project);
            var locator = new ProjectFileLocator();

            Assert.Equal((project.LineOf("Include=\"v1;v2\""), 5), Position(locator.Item(project.ProjectFile, "ServiceVersion", "v1")));
            Assert.Equal((project.LineOf("Update=\"v2\""), 5), Position(locator.Item(project.ProjectFile, "ServiceVersion", "v2")));
        }

        [Fact]
        public void A_property_is_found_in_a_property_group_only()
        {
            using var project = new TempProject(Project);

            var site = new ProjectFileLocator().Property(project.ProjectFile, "ManifestNamespace");

            Assert.Equal((3, 5), Position(site));
            Assert.Equal(5 + "<ManifestNamespace".Length, site.Span.EndColumn); // The span covers the start tag's name.
        }

        [Fact]
        public void An_unknown_declaration_or_an_unreadable_file_has_line_zero()
        {
            using var project = new TempProject(Project);
            var broken = Path.Combine(project.Directory, "broken.props");
            File.WriteAllText(broken, "<Project><ItemGroup>");
            var locator = new ProjectFileLocator();

            Assert.Equal((0, 0), Position(locator.Item(project.ProjectFile, "ServiceVersion", "v9")));
            Assert.Equal((0, 0), Position(locator.Property(project.ProjectFile, "ManifestServiceName")));
            Assert.Equal((0, 0), Position(locator.Item(broken, "ServiceVersion", "v1")));
            Assert.Equal(broken, locator.Item(broken, "ServiceVersion", "v1").File);
        }

        private static (int, int) Position(ManifestTools.Generation.DeclarationSite site) => (site.Span.Line, site.Span.Column);
    }
}
