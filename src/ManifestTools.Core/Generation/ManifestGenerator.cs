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
    /// <summary>Renders a service's manifests: one Deployment per version, then the Service, DestinationRule and VirtualService.</summary>
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

            var (files, renderDiagnostics) = Generate(model, templates, declaration.ProjectFileName);
            return (model, files, diagnostics.Concat(renderDiagnostics).ToList());
        }

        public static (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<ManifestDiagnostic> Diagnostics) Generate(
            ServiceModel model, TemplateSet templates, string projectFileName) => Generate(model, templates, projectFileName, MaxSeconds);

        internal static (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<ManifestDiagnostic> Diagnostics) Generate(
            ServiceModel model, TemplateSet templates, string projectFileName, double maxSeconds)
        {
            var clock = Stopwatch.StartNew();
            var files = new List<GeneratedFile>();
            var diagnostics = new List<ManifestDiagnostic>();
            var service = TemplateModel.Service(model, projectFileName);
            var jobs = model.Versions
                .Select(v => (Template: TemplateSet.Deployment, Version: (ScriptObject?)TemplateModel.Version(model, v), File: $"{model.Name}-{v.Name}.deployment.yaml"))
                .Append((TemplateSet.Service, null, model.Name + ".service.yaml"))
                .Append((TemplateSet.DestinationRule, null, model.Name + ".destinationrule.yaml"))
                .Append((TemplateSet.VirtualService, null, model.Name + ".virtualservice.yaml"));

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

                Render(templates[job.Template], service, job.Version, job.File, projectFileName, model.Name, clock, maxSeconds, files, diagnostics);
            }

            return (diagnostics.Count == 0 ? files : new List<GeneratedFile>(), diagnostics);
        }

        private static void Render(LoadedTemplate template, ScriptObject service, ScriptObject? version, string fileName,
            string projectFileName, string serviceName, Stopwatch clock, double maxSeconds, List<GeneratedFile> files, List<ManifestDiagnostic> diagnostics)
        {
            var globals = new ScriptObject { ["service"] = service };
            if (version != null)
            {
                globals["version"] = version;
            }

            globals.Import("yaml", new Func<object?, string>(YamlScalar.Format));

            var output = new BoundedOutput(MaxOutputChars);
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

            var content = GeneratedHeader.For(projectFileName, serviceName, template.Display) + Normalize(output.ToString());
            // What a template writes must be manifests: broken YAML is reported at the template, and never written.
            var parsed = ManifestParser.ParseText(fileName, content, ParseOptions);
            var broken = parsed.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error);
            if (broken != null)
            {
                diagnostics.Add(TemplateDiagnostics.At(template.Path, SourceSpan.At(0, 0),
                    $"template {template.Display} rendered {fileName}, which is not a valid manifest: line {broken.Span.Line}: {broken.Message}"));
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

        /// <summary>Stops a template as soon as its output passes the limit, instead of after it has filled memory.</summary>
        private sealed class BoundedOutput : IScriptOutput
        {
            private readonly StringBuilder _builder = new StringBuilder();
            private readonly int _limit;

            public BoundedOutput(int limit) => _limit = limit;

            public void Write(string text, int offset, int count)
            {
                if (_builder.Length + count > _limit)
                {
                    throw new OutputLimitException();
                }

                _builder.Append(text, offset, count);
            }

            public System.Threading.Tasks.ValueTask WriteAsync(string text, int offset, int count, System.Threading.CancellationToken cancellationToken)
            {
                Write(text, offset, count);
                return default;
            }

            public override string ToString() => _builder.ToString();
        }
    }
}
