using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using ManifestTools.Diagnostics;
using ManifestTools.Loading;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ManifestTools.Generation
{
    /// <summary>
    /// Renders a service's manifests: one Deployment per version and the Service, then, with Istio, the DestinationRule
    /// and VirtualService, or, with the Gateway API, one Service per version and the HTTPRoute.
    /// </summary>
    public static class ManifestGenerator
    {
        /// <summary>Far above any real manifest; bounds what a runaway template can allocate.</summary>
        public const int MaxOutputChars = 4 * 1024 * 1024;

        public const int LoopLimit = 100_000;
        public const int RecursionLimit = 64;

        /// <summary>For all of a service's files together; real templates take milliseconds each.</summary>
        public const double MaxSeconds = 30;

        /// <summary>
        /// What a build does before writing: bind the declaration, load the templates, render every file. Files are
        /// returned only when nothing is an error; the model, when the declaration bound, for the service's name.
        /// </summary>
        public static (ServiceModel? Model, IReadOnlyList<GeneratedFile> Files, IReadOnlyList<ManifestDiagnostic> Diagnostics) Generate(
            ServiceDeclaration declaration, string packageTemplateDirectory, string? overrideTemplateDirectory, string projectDirectory)
        {
            var none = new GeneratedFile[0];
            var (model, diagnostics) = DeclarationBinder.Bind(declaration);
            if (model == null)
            {
                return (null, none, diagnostics);
            }

            var (templates, templateDiagnostics) = TemplateSet.Load(packageTemplateDirectory, overrideTemplateDirectory, projectDirectory);
            if (templates == null)
            {
                return (model, none, diagnostics.Concat(templateDiagnostics).ToList());
            }

            var (files, renderDiagnostics) = Generate(model, templates, declaration.ProjectFileName, declaration.OwnerProject);
            return (model, files, diagnostics.Concat(renderDiagnostics).ToList());
        }

        /// <param name="ownerProject">The project's path relative to the output folder, which the headers name as the owner.</param>
        public static (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<ManifestDiagnostic> Diagnostics) Generate(
            ServiceModel model, TemplateSet templates, string projectFileName, string ownerProject) => Generate(model, templates, projectFileName, ownerProject, MaxSeconds);

        internal static (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<ManifestDiagnostic> Diagnostics) Generate(
            ServiceModel model, TemplateSet templates, string projectFileName, string ownerProject, double maxSeconds)
        {
            var owner = new GeneratedFileOwner(ownerProject, model.Name);
            var clock = Stopwatch.StartNew();
            var files = new List<GeneratedFile>();
            var diagnostics = new List<ManifestDiagnostic>();
            var service = TemplateModel.Service(model, projectFileName);
            var jobs = model.Versions
                .Select(v => (Template: TemplateSet.Deployment, Version: (ScriptObject?)TemplateModel.Version(model, v), File: GeneratedFileNames.Deployment(model.Name, v.Name)))
                .Append((TemplateSet.Service, null, GeneratedFileNames.Service(model.Name)));
            jobs = model.TrafficApi == TrafficApi.GatewayApi
                ? jobs.Concat(model.Versions.Select(v => (TemplateSet.VersionService, (ScriptObject?)TemplateModel.Version(model, v), GeneratedFileNames.VersionService(model.Name, v.Name))))
                    .Append((TemplateSet.HttpRoute, null, GeneratedFileNames.HttpRoute(model.Name)))
                : jobs.Append((TemplateSet.DestinationRule, null, GeneratedFileNames.DestinationRule(model.Name)))
                    .Append((TemplateSet.VirtualService, null, GeneratedFileNames.VirtualService(model.Name)));

            foreach (var job in jobs)
            {
                // Once the time is up, the rest is not rendered: one finding says so, not one per file.
                if (clock.Elapsed.TotalSeconds > maxSeconds)
                {
                    if (diagnostics.Count == 0)
                    {
                        var template = templates[job.Template];
                        diagnostics.Add(TemplateDiagnostics.At(template.Path, SourceSpan.At(0, 0),
                            $"template {template.Display}: generation ran for more than {maxSeconds} s before {job.File}"));
                    }

                    break;
                }

                Render(templates[job.Template], TemplateSet.KindOf(job.Template), service, job.Version, job.File, owner, clock, maxSeconds, files, diagnostics);
            }

            return (diagnostics.Count == 0 ? files : new List<GeneratedFile>(), diagnostics);
        }

        private static void Render(LoadedTemplate template, string kind, ScriptObject service, ScriptObject? version, string fileName,
            GeneratedFileOwner owner, Stopwatch clock, double maxSeconds, List<GeneratedFile> files, List<ManifestDiagnostic> diagnostics)
        {
            var globals = new ScriptObject { ["service"] = service };
            if (version != null)
            {
                globals["version"] = version;
            }

            globals.Import("yaml", new Func<object?, string>(YamlScalar.Format));

            var context = new BoundedTemplateContext(MaxOutputChars, clock, maxSeconds)
            {
                StrictVariables = true,

                // StrictVariables covers variables only; without this a misspelt member (service.nmae) renders as empty.
                EnableRelaxedMemberAccess = false,
                LoopLimit = LoopLimit,
                RecursiveLimit = RecursionLimit,
                LimitToString = MaxOutputChars,
                NewLine = "\n",
            };
            var output = new BoundedOutput(MaxOutputChars, context);
            context.PushGlobal(globals);
            context.PushOutput(output);

            try
            {
                template.Template.Render(context);
            }
            catch (Exception e) when (e is OutputLimitException || e.InnerException is OutputLimitException)
            {
                // Scriban wraps what a statement throws in a ScriptRuntimeException, which knows where that statement is.
                var span = e is ScriptRuntimeException wrapped ? TemplateDiagnostics.Span(wrapped.Span) : SourceSpan.At(0, 0);
                diagnostics.Add(TemplateDiagnostics.At(template.Path, span,
                    $"template {template.Display} produced more than {MaxOutputChars} characters for {fileName}"));
                return;
            }
            catch (ScriptRuntimeException e)
            {
                diagnostics.Add(TemplateDiagnostics.At(template.Path, TemplateDiagnostics.Span(e.Span), $"template {template.Display}: {e.OriginalMessage}"));
                return;
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // Whatever else a user's template makes Scriban throw is still a finding at the template, not a failed task.
                diagnostics.Add(TemplateDiagnostics.At(template.Path, SourceSpan.At(0, 0), $"template {template.Display}: {e.Message}"));
                return;
            }

            string rendered = output.ToString();
            string body = Normalize(rendered);
            var content = GeneratedHeader.Compose(owner, fileName, template.Display, body);
            int headerLines = GeneratedHeader.LineCount;

            // What a template writes must be one manifest of its kind: anything else is reported at the template, at the
            // line whose output went wrong where that is known, and never written.
            var parsed = ManifestParser.ParseText(fileName, content, ParseOptions);
            SourceSpan TemplateLine(int contentLine, int column) => output.TemplateSpanAt(rendered, contentLine - headerLines, column);
            var broken = parsed.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error);
            string? problem = null;
            var at = SourceSpan.At(0, 0);
            if (broken != null)
            {
                string where = broken.Span.Line > headerLines ? $"line {broken.Span.Line - headerLines} of the output: " : "";
                problem = $"which is not a valid manifest: {where}{broken.Message}";
                at = TemplateLine(broken.Span.Line, broken.Span.Column);
            }
            else if (parsed.Objects.Count == 0)
            {
                problem = $"which holds no object; the template must render one {kind}";
            }
            else if (parsed.Objects.Count > 1)
            {
                var second = parsed.Objects[1];
                problem = $"which holds {parsed.Objects.Count} objects; the template must render exactly one {kind}, but line {second.Header.Span.Line - headerLines} of the output starts {second.Kind} {second.Name}";
                at = TemplateLine(second.Header.Span.Line, second.Header.Span.Column);
            }
            else if (!string.Equals(parsed.Objects[0].Kind, kind, StringComparison.Ordinal))
            {
                var only = parsed.Objects[0];
                problem = $"which holds {(only.Kind.Length > 0 ? "a " + only.Kind : "an object without a kind")}; the template must render one {kind}";
                at = TemplateLine(only.Header.Span.Line, only.Header.Span.Column);
            }

            if (problem != null)
            {
                diagnostics.Add(TemplateDiagnostics.At(template.Path, at, $"template {template.Display} rendered {fileName}, {problem}"));
                return;
            }

            files.Add(new GeneratedFile(fileName, content, template.Display));
        }

        private static readonly LintOptions ParseOptions = new LintOptions();

        /// <summary>LF only, no trailing blanks at the end, one final newline: the same bytes whatever the template's line endings.</summary>
        private static string Normalize(string text)
        {
            var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
            return normalized.TrimEnd('\n', ' ', '\t') + "\n";
        }

        private sealed class OutputLimitException : Exception
        {
        }

        /// <summary>
        /// Stops a template as soon as its output passes the limit, instead of after it has filled memory, and remembers
        /// which template statement wrote each piece, so that a problem in the output can be reported at the template line.
        /// </summary>
        private sealed class BoundedOutput : IScriptOutput
        {
            private readonly StringBuilder _builder = new StringBuilder();
            private readonly int _limit;
            private readonly TemplateContext _context;
            private readonly List<(int Offset, int Line, int Column)> _writes = new List<(int, int, int)>();

            /// <summary>Where the template's code starts after the last raw text: 0-based, as Scriban counts.</summary>
            private (int Line, int Column) _afterRaw;

            public BoundedOutput(int limit, TemplateContext context)
            {
                _limit = limit;
                _context = context;
            }

            public void Write(string text, int offset, int count)
            {
                if (_builder.Length + count > _limit)
                {
                    throw new OutputLimitException();
                }

                // Raw text is written by its statement, which knows its span. An expression's value is written while
                // Scriban's current node is the enclosing block, so it is placed where the raw text before it ended:
                // that is where its {{ begins.
                if (count > 0 && _context.CurrentNode is ScriptRawStatement raw)
                {
                    _writes.Add((_builder.Length, raw.Span.Start.Line, raw.Span.Start.Column));
                    _afterRaw = text[offset + count - 1] == '\n' ? (raw.Span.End.Line + 1, 0) : (raw.Span.End.Line, raw.Span.End.Column + 1);
                }
                else if (count > 0)
                {
                    _writes.Add((_builder.Length, _afterRaw.Line, _afterRaw.Column));
                }

                _builder.Append(text, offset, count);
            }

            public System.Threading.Tasks.ValueTask WriteAsync(string text, int offset, int count, System.Threading.CancellationToken cancellationToken)
            {
                Write(text, offset, count);
                return default;
            }

            /// <summary>The template span that wrote line <paramref name="line"/> (1-based, of the output) at <paramref name="column"/>; line 0 when unknown.</summary>
            public SourceSpan TemplateSpanAt(string rendered, int line, int column)
            {
                if (line < 1)
                {
                    return SourceSpan.At(0, 0);
                }

                int position = 0;
                for (int current = 1; current < line && position >= 0; current++)
                {
                    position = rendered.IndexOf('\n', position);
                    position = position < 0 ? -1 : position + 1;
                }

                if (position < 0 || _writes.Count == 0)
                {
                    return SourceSpan.At(0, 0);
                }

                int lineEnd = rendered.IndexOf('\n', position);
                int offset = Math.Min(position + Math.Max(0, column - 1), lineEnd < 0 ? rendered.Length : lineEnd);
                var at = _writes[0];
                foreach (var write in _writes)
                {
                    if (write.Offset > offset)
                    {
                        break;
                    }

                    at = write;
                }

                return SourceSpan.At(at.Line + 1, at.Column + 1);
            }

            public override string ToString() => _builder.ToString();
        }
    }
}
