using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Generation;

namespace ManifestTools.Tests.Docs
{
    /// <summary>
    /// Keeps docs/rules.md honest: every YAML example is linted, and its fence says what it must produce
    /// (<c>```yaml fails=MT1001</c> or <c>```yaml passes</c>). An optional last word <c>file=NAME</c> lints the example
    /// under that file name, for behaviour that depends on it (kustomization files). Project-file examples of the MT4xxx
    /// rules (<c>```xml fails=MT4001</c>, <c>```xml passes</c>) are read into a declaration (<see cref="ProjectSnippet"/>)
    /// and bound. A failing example is followed by a <c>```text</c> block with the exact findings, as
    /// <see cref="ManifestDiagnostic.ToString"/> prints them.
    /// </summary>
    public sealed class RulesDocTests
    {
        private const string DocPath = "docs/rules.md";

        /// <summary>The file name examples are linted under, as the output blocks show it.</summary>
        private const string ExampleFile = "example.yaml";

        /// <summary>
        /// Rules about files on disk, not about a declaration or a manifest: an existing output file (MT4006), a template
        /// file (MT4007), a failed write (MT4009), a missing ManifestFile (MT4010), a kept stale file (MT4011), the output
        /// folder (MT4013). No snippet can show them, so their
        /// sections show the message in a <c>```text</c> block instead of checked examples; GeneratedFileWriterTests,
        /// TemplateTests and the tasks' tests check the behaviour.
        /// </summary>
        private static readonly string[] WithoutExamples = { "MT0004", "MT0005", "MT3001", "MT3002", "MT3003", "MT4006", "MT4007", "MT4009", "MT4010", "MT4011", "MT4013" };

        private static readonly Lazy<RulesDoc> Doc = new Lazy<RulesDoc>(() => RulesDoc.Load(Path.Combine(RepoRoot.Path, "docs", "rules.md")));

        /// <summary>One test case per example; the data is plain strings and ints so each case is discovered on its own.</summary>
        public static TheoryData<string, int, string> Examples()
        {
            var data = new TheoryData<string, int, string>();
            foreach (var example in Doc.Value.Examples)
            {
                data.Add(example.Section, example.Line, example.InfoString);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Examples))]
        public void Example_produces_what_its_fence_says(string section, int line, string infoString)
        {
            var example = Doc.Value.Examples.Single(e => e.Line == line);
            Assert.Equal(section, example.Section);
            Assert.Equal(infoString, example.InfoString);

            var diagnostics = example.Language == "xml"
                ? DeclarationBinder.Bind(ProjectSnippet.Declaration(example.Code)).Diagnostics
                : Lint.Files((example.FileName ?? ExampleFile, example.Code));
            var found = string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d));

            if (example.Expected.Count == 0)
            {
                Assert.True(diagnostics.Count == 0, $"The example at {DocPath}:{line} is marked passes, but reports:{Environment.NewLine}{found}");
                return;
            }

            foreach (var id in example.Expected)
            {
                Assert.True(diagnostics.Any(d => d.Id == id),
                    $"The example at {DocPath}:{line} is marked fails={id}, but does not report it. It reports:{Environment.NewLine}{found}");
            }

            var strays = diagnostics.Where(d => d.Severity == Severity.Error && !example.Expected.Contains(d.Id)).ToList();
            Assert.True(strays.Count == 0,
                $"The example at {DocPath}:{line} should show only {string.Join(", ", example.Expected)}, but also reports errors:{Environment.NewLine}" +
                string.Join(Environment.NewLine, strays.Select(d => "  " + d)));

            // The output block under the example shows exactly what the linter prints.
            Assert.NotNull(example.Output);
            Assert.Equal(example.Output, diagnostics.Select(d => d.ToString()).ToList());
        }

        [Fact]
        public void Every_yaml_and_xml_fence_says_what_it_must_produce()
        {
            Assert.NotEmpty(Doc.Value.Examples);
            Assert.Empty(Doc.Value.Problems);
            var withoutOutput = Doc.Value.Examples.Where(e => e.Expected.Count > 0 && e.Output == null).Select(e => $"{DocPath}:{e.Line}");
            Assert.True(!withoutOutput.Any(), "Failing examples need a ```text block with their findings: " + string.Join(", ", withoutOutput));
        }

        [Fact]
        public void Every_rule_has_a_section_with_a_failing_and_a_passing_example()
        {
            var problems = new List<string>();
            foreach (var descriptor in DiagnosticCatalog.All)
            {
                var anchor = descriptor.HelpAnchor.Substring(descriptor.HelpAnchor.IndexOf('#') + 1);
                if (!Doc.Value.Sections.TryGetValue(descriptor.Id, out var section))
                {
                    problems.Add($"{descriptor.Id}: no section (expected <a id=\"{anchor}\"></a> before \"## {descriptor.Id}: {descriptor.Title}\")");
                    continue;
                }

                if (section.Anchor != anchor)
                {
                    problems.Add($"{descriptor.Id}: the heading is not preceded by <a id=\"{anchor}\"></a>");
                }

                if (section.Title != descriptor.Title)
                {
                    problems.Add($"{descriptor.Id}: the heading says \"{section.Title}\", the catalogue \"{descriptor.Title}\"");
                }

                var severity = descriptor.DefaultSeverity.ToString().ToLowerInvariant();
                if (section.Severity == null || !section.Severity.StartsWith(severity, StringComparison.Ordinal))
                {
                    problems.Add($"{descriptor.Id}: the section should state \"**Severity:** {severity}\"");
                }

                var examples = Doc.Value.Examples.Where(e => e.Section == descriptor.Id).ToList();
                if (WithoutExamples.Contains(descriptor.Id))
                {
                    if (section.TextBlocks == 0)
                    {
                        problems.Add($"{descriptor.Id}: no ```text block showing the message");
                    }
                }
                else if (!examples.Any(e => e.Expected.Contains(descriptor.Id)))
                {
                    problems.Add($"{descriptor.Id}: no example marked fails={descriptor.Id}");
                }

                if (!WithoutExamples.Contains(descriptor.Id) && !examples.Any(e => e.Expected.Count == 0))
                {
                    problems.Add($"{descriptor.Id}: no example marked passes");
                }

                if (!Doc.Value.TableRows.Contains(descriptor.Id))
                {
                    problems.Add($"{descriptor.Id}: missing from the rule table");
                }
            }

            foreach (var id in Doc.Value.Sections.Keys.Where(id => DiagnosticCatalog.All.All(d => d.Id != id)))
            {
                problems.Add($"{id}: documented, but not in DiagnosticCatalog.All");
            }

            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        internal sealed class Example
        {
            public Example(string section, int line, string infoString, IReadOnlyList<string> expected, string? fileName, string code)
            {
                Section = section;
                Line = line;
                InfoString = infoString;
                Expected = expected;
                FileName = fileName;
                Code = code;
            }

            /// <summary>The rule ID of the enclosing section, or "intro".</summary>
            public string Section { get; }

            /// <summary>1-based line of the opening fence.</summary>
            public int Line { get; }

            public string InfoString { get; }

            /// <summary>yaml (manifests, linted) or xml (a project file fragment, bound).</summary>
            public string Language => InfoString.Substring(0, InfoString.IndexOf(' '));

            /// <summary>The IDs after <c>fails=</c>; empty for <c>passes</c>.</summary>
            public IReadOnlyList<string> Expected { get; }

            /// <summary>The file name from <c>file=NAME</c>, or null.</summary>
            public string? FileName { get; }

            /// <summary>The lines of the <c>```text</c> block that follows a failing example, or null.</summary>
            public List<string>? Output { get; set; }

            public string Code { get; }
        }

        internal sealed class Section
        {
            public Section(string anchor, string title)
            {
                Anchor = anchor;
                Title = title;
            }

            public string Anchor { get; }
            public string Title { get; }
            public string? Severity { get; set; }

            /// <summary>```text blocks in the section: the messages of rules that have no checked examples.</summary>
            public int TextBlocks { get; set; }
        }

        /// <summary>The parts of docs/rules.md the tests read: rule sections, the rule table and fenced examples.</summary>
        internal sealed class RulesDoc
        {
            private const string Fence = "```";
            private const string SeverityPrefix = "**Severity:** ";

            public List<Example> Examples { get; } = new List<Example>();
            public Dictionary<string, Section> Sections { get; } = new Dictionary<string, Section>(StringComparer.Ordinal);
            public HashSet<string> TableRows { get; } = new HashSet<string>(StringComparer.Ordinal);
            public List<string> Problems { get; } = new List<string>();

            private Example? _awaitingOutput;

            public static RulesDoc Load(string path)
            {
                var doc = new RulesDoc();
                doc.Parse(File.ReadAllLines(path));
                return doc;
            }

            private void Parse(string[] lines)
            {
                string section = "intro";
                string? pendingAnchor = null;
                for (int i = 0; i < lines.Length; i++)
                {
                    var line = lines[i];
                    int lineNumber = i + 1;
                    if (line.TrimStart(' ').StartsWith(Fence, StringComparison.Ordinal))
                    {
                        i = ReadFence(lines, i, section);
                        continue;
                    }

                    if (line.StartsWith("#", StringComparison.Ordinal))
                    {
                        _awaitingOutput = null; // An output block belongs to the example just above it.
                    }

                    if (line.StartsWith("<a id=\"", StringComparison.Ordinal))
                    {
                        pendingAnchor = line.Substring(7, line.IndexOf('"', 7) - 7);
                        continue;
                    }

                    if (line.StartsWith("## ", StringComparison.Ordinal))
                    {
                        var heading = line.Substring(3);
                        int colon = heading.IndexOf(": ", StringComparison.Ordinal);
                        if (heading.StartsWith("MT", StringComparison.Ordinal) && colon > 0)
                        {
                            section = heading.Substring(0, colon);
                            if (Sections.ContainsKey(section))
                            {
                                Problems.Add($"line {lineNumber}: a second section for {section}");
                            }

                            Sections[section] = new Section(pendingAnchor ?? string.Empty, heading.Substring(colon + 2));
                        }
                        else
                        {
                            section = "intro";
                        }
                    }
                    else if (line.StartsWith(SeverityPrefix, StringComparison.Ordinal) && Sections.TryGetValue(section, out var current))
                    {
                        current.Severity ??= line.Substring(SeverityPrefix.Length);
                    }
                    else if (line.StartsWith("| [MT", StringComparison.Ordinal))
                    {
                        TableRows.Add(line.Substring(3, 6));
                    }

                    if (line.Trim().Length > 0)
                    {
                        pendingAnchor = null;
                    }
                }
            }

            /// <summary>
            /// Reads the fence that opens at <paramref name="start"/>; returns the index of its closing line. A fence
            /// indented inside a list item has that indentation removed from its lines.
            /// </summary>
            private int ReadFence(string[] lines, int start, string section)
            {
                int indent = lines[start].Length - lines[start].TrimStart(' ').Length;
                var infoString = lines[start].Substring(indent + Fence.Length).Trim();
                int end = start + 1;
                while (end < lines.Length && lines[end].Trim() != Fence)
                {
                    end++;
                }

                if (end == lines.Length)
                {
                    Problems.Add($"line {start + 1}: the fence is never closed");
                    return end;
                }

                var words = infoString.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 1 && words[0] == "text" && Sections.TryGetValue(section, out var current))
                {
                    current.TextBlocks++;
                }

                var awaiting = _awaitingOutput;
                _awaitingOutput = null;
                if (words.Length == 1 && words[0] == "text" && awaiting != null)
                {
                    awaiting.Output = lines.Skip(start + 1).Take(end - start - 1).Select(l => l.Trim()).ToList();
                    return end;
                }

                if (words.Length == 0 || (words[0] != "yaml" && words[0] != "xml"))
                {
                    return end; // Only YAML and XML fences are examples; other fences are prose.
                }

                var code = string.Join("\n", lines.Skip(start + 1).Take(end - start - 1)
                    .Select(l => l.Substring(Math.Min(indent, l.Length - l.TrimStart(' ').Length)))) + "\n";
                string? fileName = null;
                if (words.Length == 3 && words[0] == "yaml" && words[2].StartsWith("file=", StringComparison.Ordinal))
                {
                    fileName = words[2].Substring("file=".Length);
                    words = words.Take(2).ToArray();
                }

                if (words.Length == 2 && words[1] == "passes")
                {
                    Examples.Add(new Example(section, start + 1, infoString, Array.Empty<string>(), fileName, code));
                }
                else if (words.Length == 2 && words[1].StartsWith("fails=", StringComparison.Ordinal))
                {
                    var ids = words[1].Substring("fails=".Length).Split(',');
                    var unknown = ids.Where(id => DiagnosticCatalog.All.All(d => d.Id != id)).ToList();
                    if (unknown.Count > 0)
                    {
                        Problems.Add($"line {start + 1}: fails= names unknown IDs {string.Join(", ", unknown)}");
                    }
                    else
                    {
                        var example = new Example(section, start + 1, infoString, ids, fileName, code);
                        Examples.Add(example);
                        _awaitingOutput = example;
                    }
                }
                else
                {
                    Problems.Add($"line {start + 1}: a {words[0]} fence must say \"{words[0]} passes\" or \"{words[0]} fails=MTnnnn\" (yaml optionally followed by file=NAME), not \"{infoString}\"");
                }

                return end;
            }
        }
    }
}
