using System;
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
        public static ParsedFile ParseText(string path, string text, LintOptions options) => ParseText(path, text, options, path, named: true);

        /// <summary>
        /// <paramref name="named"/> is false for a file found by walking a folder: it is then linted only as far as it
        /// is a manifest. Its documents without apiVersion and kind are not objects, and it gets a file-level finding
        /// (a syntax error, a limit) only when its text declares an apiVersion or a kind, so that a values file, a
        /// package manifest or a CI file is passed over in silence.
        /// </summary>
        internal static ParsedFile ParseText(string path, string text, LintOptions options, string? fullPath, bool named)
        {
            if (text.Length > options.Limits.MaxFileBytes)
            {
                return Single(path, DiagnosticCatalog.InputLimit,
                    $"the file holds more than {options.Limits.MaxFileBytes:N0} characters; it is not linted (split it into several files)",
                    SourceSpan.At(1, 1), fullPath);
            }

            var diagnostics = new List<ManifestDiagnostic>();
            var objects = new List<ManifestObject>();
            var reader = new ObjectReader(path, options, diagnostics, objects, named);
            new YamlDocumentReader(path, options.Limits, diagnostics).Read(text, root => reader.Read(root));
            ReportDisallowedCharacter(path, text, diagnostics);
            // A kustomization's own syntax errors stay: kubectl kustomize rejects the file, and its patches go unrecognised.
            if (!named && !KustomizePatches.IsKustomization(System.IO.Path.GetFileName(path)) &&
                ((objects.Count == 0 && !reader.SawManifest && !ManifestText.DeclaresKind(text)) || ManifestText.IsUnrenderedTemplate(text, diagnostics)))
            {
                return new ParsedFile(path, new ManifestObject[0], new ManifestDiagnostic[0], fullPath);
            }

            return new ParsedFile(path, objects, diagnostics, fullPath,
                reader.RenamesObjects ? $"kustomization {path} renames its objects or moves them to another namespace" : null, reader.NotObjects);
        }

        /// <summary>
        /// go-yaml, and so kubectl, rejects a whole file with a control character or a lone surrogate in it, where
        /// YamlDotNet reads some of them (C1, DEL) without complaint. The objects are still read, so that the rest of the
        /// lint does not report what their absence would cause; one finding names the first such character, unless the
        /// YAML parser has already reported its line.
        /// </summary>
        private static void ReportDisallowedCharacter(string path, string text, List<ManifestDiagnostic> diagnostics)
        {
            int index = YamlCharacters.FirstDisallowed(text);
            if (index < 0)
            {
                return;
            }

            int line = 1, lineStart = 0;
            for (int i = 0; i < index; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            if (diagnostics.Exists(d => d.Id == DiagnosticCatalog.YamlSyntax.Id && d.Span.Line == line))
            {
                return;
            }

            string code = ((int)text[index]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
            string what = char.IsSurrogate(text[index]) ? "a lone surrogate" : "the control character";
            var descriptor = DiagnosticCatalog.YamlSyntax;
            diagnostics.Add(new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, path, SourceSpan.At(line, index - lineStart + 1),
                $"the file contains {what} U+{code}, which YAML does not allow unescaped, so kubectl rejects the file; " +
                $"write it as \"\\u{code}\" in a double-quoted string, or remove it", null));
        }

        /// <summary>
        /// Reads a file within the size limit and checks it is UTF-8 before parsing.
        /// I/O failures (missing file, no permission) propagate: they are the caller's errors, not findings.
        /// </summary>
        public static ParsedFile ParseFile(string displayPath, string fullPath, LintOptions options) => ParseFile(displayPath, fullPath, options, named: true);

        internal static ParsedFile ParseFile(string displayPath, string fullPath, LintOptions options, bool named)
        {
            long length = new FileInfo(fullPath).Length;
            if (length == 0)
            {
                // Nothing to lint, and never opened: named pipes and devices also report 0, and opening a pipe blocks.
                return new ParsedFile(displayPath, new ManifestObject[0], new ManifestDiagnostic[0], fullPath);
            }

            if (length > options.Limits.MaxFileBytes)
            {
                if (!named && !HeadDeclaresKind(fullPath))
                {
                    return Empty(displayPath, fullPath);
                }

                return Single(displayPath, DiagnosticCatalog.InputLimit,
                    $"the file is {length:N0} bytes, above the {options.Limits.MaxFileBytes:N0}-byte limit; it is not linted (split it into several files)",
                    SourceSpan.At(1, 1), fullPath);
            }

            var bytes = ReadAtMost(fullPath, options.Limits.MaxFileBytes, length, out int count);
            return bytes == null ? AboveByteLimit(displayPath, options, fullPath) : ParseBytes(displayPath, bytes, count, options, fullPath, named);
        }

        /// <summary>
        /// Parses the first <paramref name="count"/> bytes of an input the caller has read, such as standard input, as
        /// <see cref="ParseFile(string, string, LintOptions)"/> parses a file's: more than the size limit is not linted,
        /// and the bytes must be UTF-8.
        /// </summary>
        public static ParsedFile ParseBytes(string displayPath, byte[] bytes, int count, LintOptions options) =>
            ParseBytes(displayPath, bytes, count, options, fullPath: null, named: true);

        private static ParsedFile ParseBytes(string displayPath, byte[] bytes, int count, LintOptions options, string? fullPath, bool named)
        {
            if (count > options.Limits.MaxFileBytes)
            {
                return AboveByteLimit(displayPath, options, fullPath);
            }

            if (!TextDecoding.TryDecode(bytes, count, out var text, out var errorAt, out var error))
            {
                return named || ManifestText.DeclaresKind(bytes, count) ? Single(displayPath, DiagnosticCatalog.YamlSyntax, error, errorAt, fullPath) : Empty(displayPath, fullPath);
            }

            return ParseText(displayPath, text, options, fullPath, named);
        }

        private static ParsedFile AboveByteLimit(string displayPath, LintOptions options, string? fullPath) =>
            Single(displayPath, DiagnosticCatalog.InputLimit,
                $"the file holds more than {options.Limits.MaxFileBytes:N0} bytes; it is not linted (split it into several files)",
                SourceSpan.At(1, 1), fullPath);

        /// <summary>
        /// Reads the file into one array sized from its reported length, with a spare byte that reveals growth;
        /// null past <paramref name="limit"/>. A buffer per file was most of a large run's garbage. A file that grows,
        /// or a device behind a link that reports the link's length, is read on in steps up to the limit.
        /// </summary>
        private static byte[]? ReadAtMost(string path, long limit, long expectedLength, out int length)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
            {
                var bytes = new byte[Math.Min(expectedLength, limit) + 1];
                length = 0;
                while (true)
                {
                    if (length == bytes.Length)
                    {
                        if (length > limit)
                        {
                            return null;
                        }

                        Array.Resize(ref bytes, (int)Math.Min(limit + 1, (long)bytes.Length * 2));
                    }

                    int read = stream.Read(bytes, length, bytes.Length - length);
                    if (read == 0)
                    {
                        return bytes;
                    }

                    length += read;
                }
            }
        }

        private static bool HeadDeclaresKind(string path)
        {
            var head = BoundedText.ReadHead(path, 1 << 20, out int count);
            return ManifestText.DeclaresKind(head, count);
        }

        private static ParsedFile Single(string path, DiagnosticDescriptor descriptor, string message, SourceSpan span, string? fullPath = null) =>
            new ParsedFile(path, new ManifestObject[0],
                new[] { new ManifestDiagnostic(descriptor, descriptor.DefaultSeverity, path, span, message, null) }, fullPath);

        private static ParsedFile Empty(string path, string? fullPath) => new ParsedFile(path, new ManifestObject[0], new ManifestDiagnostic[0], fullPath);
    }
}
