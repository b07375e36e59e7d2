using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using ManifestTools.Diagnostics;
using ManifestTools.Generation;

namespace ManifestTools.Tasks
{
    /// <summary>
    /// Finds the line that declared an item or property, so that declaration findings point into the project file.
    /// MSBuild hands tasks values, not positions; the defining file is known (DefiningProjectFullPath), the line is
    /// found by reading that file's XML.
    /// </summary>
    internal sealed class ProjectFileLocator
    {
        private readonly Dictionary<string, List<XmlElementSite>> _files = new Dictionary<string, List<XmlElementSite>>(StringComparer.Ordinal);

        /// <summary>
        /// The element that declared the <paramref name="occurrence"/>-th item of the type with this identity (0 for the
        /// first): when several elements include it, the one in that place, so that two v3 items are told apart; otherwise
        /// the last element whose Include or Update lists it, the one that set its metadata last. Identities compare
        /// case-sensitively first, as versions do, then as MSBuild does.
        /// </summary>
        public DeclarationSite Item(string file, string itemType, string identity, int occurrence = 0)
        {
            var elements = Elements(file).Where(e => e.Name == itemType).ToList();
            var including = elements.Where(e => Lists(e.Include, identity, StringComparison.Ordinal)).ToList();
            var match = including.Count > 1 && occurrence < including.Count ? including[occurrence]
                : elements.LastOrDefault(e => Lists(e.Include, identity, StringComparison.Ordinal) || Lists(e.Update, identity, StringComparison.Ordinal))
                  ?? elements.LastOrDefault(e => Lists(e.Include, identity, StringComparison.OrdinalIgnoreCase) || Lists(e.Update, identity, StringComparison.OrdinalIgnoreCase));
            return Site(file, match);
        }

        /// <summary>
        /// The element that set the property: the last whose text is the value the build has, so that a later element
        /// under a false condition is passed over, else the last element, as the last assignment wins.
        /// </summary>
        public DeclarationSite Property(string file, string name, string? value = null) =>
            Site(file, (value == null ? null : Elements(file).LastOrDefault(e => e.Name == name && e.IsProperty && e.Text?.Trim() == value.Trim()))
                ?? LastProperty(file, name));

        /// <summary>The property's text as written in the project file, before evaluation; null when the file does not set it.</summary>
        public string? PropertyText(string file, string name) => LastProperty(file, name) is XmlElementSite e ? e.Text : null;

        private XmlElementSite? LastProperty(string file, string name) => Elements(file).LastOrDefault(e => e.Name == name && e.IsProperty);

        private static DeclarationSite Site(string file, XmlElementSite? element) =>
            new DeclarationSite(file, element == null ? SourceSpan.At(0, 0)
                : new SourceSpan(element.Line, element.Column, element.Line, element.Column + element.Name.Length + 1));

        /// <summary>Whether the attribute lists the identity; the identity is unescaped, as MSBuild gives it, so the attribute is too.</summary>
        private static bool Lists(string? attribute, string identity, StringComparison comparison) =>
            attribute != null && attribute.Split(';').Any(part => string.Equals(Unescape(part.Trim()), identity, comparison));

        /// <summary>MSBuild's unescaping: each %XX, two hexadecimal digits, is the character with that code.</summary>
        private static string Unescape(string text)
        {
            if (text.IndexOf('%') < 0)
            {
                return text;
            }

            var builder = new System.Text.StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
                {
                    builder.Append((char)Convert.ToInt32(text.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    builder.Append(text[i]);
                }
            }

            return builder.ToString();
        }

        private List<XmlElementSite> Elements(string file)
        {
            if (!_files.TryGetValue(file, out var elements))
            {
                elements = Read(file);
                _files.Add(file, elements);
            }

            return elements;
        }

        private static List<XmlElementSite> Read(string file)
        {
            var elements = new List<XmlElementSite>();
            if (string.IsNullOrEmpty(file))
            {
                return elements;
            }

            try
            {
                using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                var info = (IXmlLineInfo)reader;
                var parents = new Stack<string>();
                while (reader.Read())
                {
                    if ((reader.NodeType == XmlNodeType.Text || reader.NodeType == XmlNodeType.CDATA) && elements.Count > 0 &&
                        elements[elements.Count - 1] is { IsProperty: true } property && parents.Count > 0 && parents.Peek() == property.Name)
                    {
                        property.Text = (property.Text ?? "") + reader.Value;
                        continue;
                    }

                    if (reader.NodeType == XmlNodeType.EndElement)
                    {
                        parents.Pop();
                        continue;
                    }

                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    string parent = parents.Count > 0 ? parents.Peek() : "";
                    // LinePosition is the name's column; the element starts one column earlier, at '<'.
                    elements.Add(new XmlElementSite(reader.LocalName, info.LineNumber, Math.Max(1, info.LinePosition - 1),
                        reader.GetAttribute("Include"), reader.GetAttribute("Update"), parent == "PropertyGroup"));
                    if (!reader.IsEmptyElement)
                    {
                        parents.Push(reader.LocalName);
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is XmlException || e is UnauthorizedAccessException)
            {
                // The declaration still gets its findings, at the file without a line.
            }

            return elements;
        }

        private sealed class XmlElementSite
        {
            public XmlElementSite(string name, int line, int column, string? include, string? update, bool isProperty)
            {
                Name = name;
                Line = line;
                Column = column;
                Include = include;
                Update = update;
                IsProperty = isProperty;
            }

            public string Name { get; }
            public int Line { get; }
            public int Column { get; }
            public string? Include { get; }
            public string? Update { get; }
            public bool IsProperty { get; }

            /// <summary>A property's text content, unevaluated.</summary>
            public string? Text { get; set; }
        }
    }
}
