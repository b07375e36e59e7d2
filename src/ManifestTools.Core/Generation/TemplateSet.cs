using System;
using System.Collections.Generic;
using System.IO;
using ManifestTools.Diagnostics;
using Scriban;

namespace ManifestTools.Generation
{
    /// <summary>
    /// The parsed templates of both traffic APIs, each taken from the project's override folder when it has one, else
    /// from the package. All are loaded whichever API the project uses, so that a broken override is reported when it is
    /// written, not by the build that first switches to its API.
    /// </summary>
    public sealed class TemplateSet
    {
        public const string Deployment = "deployment.yaml.scriban";
        public const string Service = "service.yaml.scriban";
        public const string DestinationRule = "destinationrule.yaml.scriban";
        public const string VirtualService = "virtualservice.yaml.scriban";
        public const string VersionService = "versionservice.yaml.scriban";
        public const string HttpRoute = "httproute.yaml.scriban";

        public static IReadOnlyList<string> Names { get; } = new[] { Deployment, Service, DestinationRule, VirtualService, VersionService, HttpRoute };

        /// <summary>The kind of the one object the template must render.</summary>
        public static string KindOf(string template) => template switch
        {
            Deployment => "Deployment",
            Service => "Service",
            DestinationRule => "DestinationRule",
            VirtualService => "VirtualService",
            VersionService => "Service",
            HttpRoute => "HTTPRoute",
            _ => throw new ArgumentOutOfRangeException(nameof(template)),
        };

        /// <summary>Templates are small; this bounds what a stray file in the override folder can cost.</summary>
        public const int MaxTemplateBytes = 1024 * 1024;

        private readonly Dictionary<string, LoadedTemplate> _templates;

        private TemplateSet(Dictionary<string, LoadedTemplate> templates) => _templates = templates;

        internal LoadedTemplate this[string name] => _templates[name];

        /// <summary>
        /// Loads every template from <paramref name="overrideDirectory"/> if it holds a file of that name, else from
        /// <paramref name="packageDirectory"/>. Overrides are named in headers relative to <paramref name="projectDirectory"/>.
        /// </summary>
        public static (TemplateSet? Templates, IReadOnlyList<ManifestDiagnostic> Diagnostics) Load(
            string packageDirectory, string? overrideDirectory, string projectDirectory)
        {
            var diagnostics = new List<ManifestDiagnostic>();
            var templates = new Dictionary<string, LoadedTemplate>(StringComparer.Ordinal);
            foreach (var name in Names)
            {
                string? overridePath = string.IsNullOrEmpty(overrideDirectory) ? null : Path.Combine(overrideDirectory, name);
                bool overridden = overridePath != null && File.Exists(overridePath);
                string path = overridden ? overridePath! : Path.Combine(packageDirectory, name);
                string display = overridden ? RelativeTo(projectDirectory, path) : name;
                var loaded = Parse(path, display, diagnostics);
                if (loaded != null)
                {
                    templates.Add(name, loaded);
                }
            }

            return (diagnostics.Count == 0 ? new TemplateSet(templates) : null, diagnostics);
        }

        private static LoadedTemplate? Parse(string path, string display, List<ManifestDiagnostic> diagnostics)
        {
            string text;
            try
            {
                var info = new FileInfo(path);
                if (info.Length > MaxTemplateBytes)
                {
                    diagnostics.Add(TemplateDiagnostics.At(path, SourceSpan.At(0, 0), $"template {display} is {info.Length} bytes, above the limit of {MaxTemplateBytes}"));
                    return null;
                }

                // Named pipes and devices (a link to /dev/zero) report no length: never opened, they are an empty template.
                // Anything else is read up to the limit, whatever it reported.
                text = info.Length == 0 ? "" : ReadAtMost(path, MaxTemplateBytes);
            }
            catch (InvalidDataException e)
            {
                diagnostics.Add(TemplateDiagnostics.At(path, SourceSpan.At(0, 0), $"template {display} {e.Message}"));
                return null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                diagnostics.Add(TemplateDiagnostics.At(path, SourceSpan.At(0, 0), $"cannot read template {display}: {e.Message}"));
                return null;
            }

            // Scriban bounds expression nesting itself (ParserOptions.ExpressionDepthLimit, 250 by default).
            var template = Template.Parse(text, path);
            if (template.HasErrors)
            {
                foreach (var message in template.Messages)
                {
                    diagnostics.Add(TemplateDiagnostics.At(path, TemplateDiagnostics.Span(message.Span), $"template {display}: {message.Message}"));
                }

                return null;
            }

            return new LoadedTemplate(template, path, display);
        }

        private static string ReadAtMost(string path, int maxBytes)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var bytes = new byte[maxBytes + 1];
            int total = 0, read;
            while (total < bytes.Length && (read = stream.Read(bytes, total, bytes.Length - total)) > 0)
            {
                total += read;
            }

            if (total > maxBytes)
            {
                throw new InvalidDataException($"is larger than the limit of {maxBytes} bytes");
            }

            return new System.Text.UTF8Encoding(false).GetString(bytes, 0, total).TrimStart('\uFEFF');
        }

        private static string RelativeTo(string directory, string path)
        {
            var root = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            var full = Path.GetFullPath(path);
            var relative = full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : Path.GetFileName(full);
            return relative.Replace('\\', '/');
        }
    }

    internal sealed class LoadedTemplate
    {
        public LoadedTemplate(Template template, string path, string display)
        {
            Template = template;
            Path = path;
            Display = display;
        }

        public Template Template { get; }
        public string Path { get; }
        public string Display { get; }
    }

    internal static class TemplateDiagnostics
    {
        public static ManifestDiagnostic At(string file, SourceSpan span, string message) =>
            new ManifestDiagnostic(DiagnosticCatalog.TemplateError, Severity.Error, file, span, message, null);

        /// <summary>Scriban counts lines and columns from 0; the core counts from 1.</summary>
        public static SourceSpan Span(Scriban.Parsing.SourceSpan span) =>
            new SourceSpan(span.Start.Line + 1, span.Start.Column + 1, span.End.Line + 1, span.End.Column + 2);
    }
}
