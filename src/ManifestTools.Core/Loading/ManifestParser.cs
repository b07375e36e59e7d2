using System.Collections.Generic;
using System.IO;
using ManifestTools.Diagnostics;
using ManifestTools.Model;
using ManifestTools.Yaml;

namespace ManifestTools.Loading
{
    /// <summary>Reads one manifest file into objects. Safe to call from several threads at once.</summary>
    public static class ManifestParser
    {
        /// <summary>Parses text already in memory (the analyzer's AdditionalText, a generated file, a test).</summary>
        public static ParsedFile ParseText(string path, string text, LintOptions options)
        {
            var diagnostics = new List<ManifestDiagnostic>();
            var objects = new List<ManifestObject>();
            var reader = new ObjectReader(path, options, diagnostics, objects);
            new YamlDocumentReader(path, options.Limits, diagnostics).Read(text, root => reader.Read(root));
            return new ParsedFile(path, objects, diagnostics);
        }

        /// <summary>
        /// Reads a file within the size limit and checks it is UTF-8 before parsing.
        /// I/O failures (missing file, no permission) propagate: they are the caller's errors, not findings.
        /// </summary>
        public static ParsedFile ParseFile(string displayPath, string fullPath, LintOptions options)
        {
            long length = new FileInfo(fullPath).Length;
            if (length > options.Limits.MaxFileBytes)
            {
                return Single(displayPath, DiagnosticCatalog.InputLimit,
                    $"the file is {length:N0} bytes, above the {options.Limits.MaxFileBytes:N0}-byte limit; it is not linted (split it into several files)",
                    SourceSpan.At(1, 1));
            }

            var bytes = File.ReadAllBytes(fullPath);
            if (!TextDecoding.TryDecode(bytes, out var text, out var errorAt, out var error))
            {
                return Single(displayPath, DiagnosticCatalog.YamlSyntax, error, errorAt);
            }

            return ParseText(displayPath, text, options);
        }

        private static ParsedFile Single(string path, DiagnosticDescriptor descriptor, string message, SourceSpan span) =>
            new ParsedFile(path, new ManifestObject[0],
                new[] { new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, path, span, message, null) });
    }
}
