using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using ManifestTools.Diagnostics;
using ManifestTools.Generation;

namespace ManifestTools.Tests.Docs
{
    /// <summary>
    /// Reads a docs/rules.md project-file example (<c>&lt;PropertyGroup&gt;</c> and <c>&lt;ItemGroup&gt;</c> elements) into the
    /// <see cref="ServiceDeclaration"/> the MSBuild task would build from it: each value sited at its element's line and
    /// the column of its <c>&lt;</c>, in <see cref="FileName"/>.
    /// </summary>
    internal static class ProjectSnippet
    {
        public const string FileName = "Service.csproj";

        /// <summary>The values of properties an example does not set, as the rules page states them.</summary>
        public const string DefaultRepository = "ecommerce/advertisements";
        public const string DefaultNamespace = "default";

        private static readonly string[] Properties =
        {
            "ManifestServiceName", "ManifestNamespace", "ContainerRegistry", "ContainerRepository", "ContainerImageTag", "ManifestVersionEnvironmentVariable",
        };

        private static readonly string[] Items = { "ServiceVersion", "ServiceRoute", "ContainerPort", "ServiceEnvironmentVariable" };

        public static ServiceDeclaration Declaration(string xml)
        {
            // The wrapper takes a line of its own, so snippet lines and columns stay as written.
            var root = XDocument.Parse("<Project>\n" + xml + "\n</Project>", LoadOptions.SetLineInfo).Root!;
            var properties = new Dictionary<string, DeclaredValue>(StringComparer.Ordinal);
            var items = Items.ToDictionary(i => i, _ => new List<DeclaredItem>(), StringComparer.Ordinal);
            foreach (var group in root.Elements())
            {
                foreach (var element in group.Elements())
                {
                    string name = element.Name.LocalName;
                    if (group.Name.LocalName == "PropertyGroup" && Properties.Contains(name))
                    {
                        properties[name] = new DeclaredValue(element.Value, SiteOf(element));
                    }
                    else if (group.Name.LocalName == "ItemGroup" && items.TryGetValue(name, out var list))
                    {
                        var metadata = element.Attributes().Where(a => a.Name.LocalName != "Include").Select(a => (a.Name.LocalName, a.Value))
                            .Concat(element.Elements().Select(e => (e.Name.LocalName, e.Value)));
                        list.Add(new DeclaredItem((string?)element.Attribute("Include") ?? "", DeclaredItem.Meta(metadata.ToArray()), SiteOf(element)));
                    }
                    else
                    {
                        throw new InvalidOperationException($"line {SiteOf(element).Span.Line}: <{name}> in <{group.Name.LocalName}> is not part of a service declaration");
                    }
                }
            }

            var unknown = new DeclarationSite(FileName, SourceSpan.At(0, 0));
            DeclaredValue Property(string name, string fallback) =>
                properties.TryGetValue(name, out var value) ? value : new DeclaredValue(fallback, unknown);

            var repository = Property("ContainerRepository", DefaultRepository);
            return new ServiceDeclaration
            {
                ProjectFileName = FileName,
                ProjectSite = unknown,
                ServiceName = Property("ManifestServiceName", repository.Value.Substring(repository.Value.LastIndexOf('/') + 1).ToLowerInvariant()),
                Namespace = Property("ManifestNamespace", DefaultNamespace),
                Registry = Property("ContainerRegistry", ""),
                Repository = repository,
                DefaultImageTag = Property("ContainerImageTag", ""),
                VersionEnvironmentVariable = Property("ManifestVersionEnvironmentVariable", ""),
                Versions = items["ServiceVersion"],
                Routes = items["ServiceRoute"],
                Ports = items["ContainerPort"],
                EnvironmentVariables = items["ServiceEnvironmentVariable"],
            };
        }

        /// <summary>XmlReader gives the position of the element's name, one past its <c>&lt;</c>.</summary>
        private static DeclarationSite SiteOf(XElement element)
        {
            var info = (IXmlLineInfo)element;
            return new DeclarationSite(FileName, SourceSpan.At(info.LineNumber - 1, info.LinePosition - 1));
        }
    }
}
