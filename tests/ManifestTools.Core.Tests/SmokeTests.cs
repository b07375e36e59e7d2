using System.IO;
using System.Linq;

namespace ManifestTools.Tests
{
    public class SmokeTests
    {
        [Fact]
        public void CanaryWithTyposReportsEachDefectAtItsLine()
        {
            var diagnostics = Lint.Yaml(File.ReadAllText("/tmp/t1/a.yaml"));
            foreach (var d in diagnostics) System.Console.WriteLine(d + " [" + d.Subject + "]");
            Assert.NotEmpty(diagnostics);
        }
    }
}
