using System.Collections.Generic;
using System.Linq;

namespace ManifestTools.Tests.Generation
{
    internal static class Findings
    {
        /// <summary>The declaration's findings as the build prints them: <c>file(line,column): severity ID: message</c>.</summary>
        public static IReadOnlyList<string> Of(Declarations declarations) =>
            declarations.Bind().Diagnostics.Select(d => d.ToString()).ToList();
    }
}
