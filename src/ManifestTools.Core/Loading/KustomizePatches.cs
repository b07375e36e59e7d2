using System;
using System.Collections.Generic;
using System.IO;
using ManifestTools.Yaml;

namespace ManifestTools.Loading
{
    /// <summary>
    /// The files a kustomization reads as patches, as its own plugins' configuration, or as generator data. A strategic-merge patch looks
    /// like an object but is a fragment (a Deployment without a selector), so linting it as one reports what is not wrong.
    /// </summary>
    internal static class KustomizePatches
    {
        /// <summary>Fields whose entries are a path, or a mapping with <c>path:</c>; inline patches have no path.</summary>
        private static readonly string[] Fields = { "patches", "patchesStrategicMerge", "patchesJson6902", "generators", "transformers", "validators" };

        public static bool IsKustomization(string fileName) =>
            fileName == "kustomization.yaml" || fileName == "kustomization.yml" || fileName == "Kustomization";

        /// <summary>
        /// The files a kustomization lists in <see cref="Fields"/> and as generator data, as it writes them: relative to
        /// its folder.
        /// </summary>
        public static List<string> Listed(YMapping kustomization)
        {
            var listed = new List<string>();
            foreach (var field in Fields)
            {
                if (kustomization.TryGet(field, out _, out var value) && value is YSequence entries)
                {
                    foreach (var entry in entries.Items)
                    {
                        if (PathOf(entry) is { } path)
                        {
                            listed.Add(path);
                        }
                    }
                }
            }

            // The files a generator turns into ConfigMap or Secret data (a pod template for Spark, a config.json).
            foreach (var generator in Generators)
            {
                if (kustomization.TryGet(generator, out _, out var value) && value is YSequence items)
                {
                    foreach (var item in items.Items)
                    {
                        listed.AddRange(DataFiles(item));
                    }
                }
            }

            return listed;
        }

        /// <summary>namePrefix, nameSuffix or namespace: what the kustomization applies is named otherwise than what is read.</summary>
        public static bool Renames(YMapping kustomization) =>
            kustomization.TryGet("namePrefix", out _, out _) || kustomization.TryGet("nameSuffix", out _, out _) ||
            kustomization.TryGet("namespace", out _, out _);

        private static readonly string[] Generators = { "configMapGenerator", "secretGenerator" };

        /// <summary><c>files:</c> and <c>envs:</c> of a generator; a file entry may be <c>key=path</c>.</summary>
        private static IEnumerable<string> DataFiles(YNode generator)
        {
            if (!(generator is YMapping mapping))
            {
                yield break;
            }

            foreach (var field in new[] { "files", "envs" })
            {
                if (mapping.TryGet(field, out _, out var value) && value is YSequence entries)
                {
                    foreach (var entry in entries.Items)
                    {
                        if (entry is YScalar scalar && !scalar.IsNull)
                        {
                            var path = scalar.Value.Substring(scalar.Value.IndexOf('=') + 1);
                            if (IsRelativePath(path))
                            {
                                yield return path;
                            }
                        }
                    }
                }
            }
        }

        private static string? PathOf(YNode entry)
        {
            // patchesStrategicMerge and the plugin lists hold a path, or an inline patch (which spans several lines).
            if (entry is YScalar scalar && !scalar.IsNull && scalar.Value.IndexOf('\n') < 0 && IsRelativePath(scalar.Value))
            {
                return scalar.Value;
            }

            return entry is YMapping mapping && mapping.TryGet("path", out _, out var path) && path is YScalar text && !text.IsNull && IsRelativePath(text.Value)
                ? text.Value
                : null;
        }

        private static bool IsRelativePath(string value) =>
            value.Length > 0 && value.IndexOf("://", StringComparison.Ordinal) < 0 && value.IndexOfAny(Path.GetInvalidPathChars()) < 0;
    }
}
