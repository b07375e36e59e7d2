using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ManifestTools.Diagnostics;
using ManifestTools.Loading;
using ManifestTools.Tests.Loading;

namespace ManifestTools.Tests.Hostile
{
    /// <summary>Seeded random input: whatever it is, reading and linting it ends in findings, never an exception.</summary>
    public class GarbageTests
    {
        private static readonly string[] YamlPieces =
        {
            "-", " ", "  ", "\n", ":", "? ", "[", "]", "{", "}", ",", "&a", "*a", "!", "!!str", "!<x>", "|", ">-", "'", "\"",
            "%YAML 1.1", "#", "---", "...", "<<", "\t", "\\u", "\\U0011FFFF", "apiVersion: v1", "kind: List", "items", "metadata",
            "name", "spec", "http", "route", "weight", "selector", "matchLabels", "\u2028", "\u0085", "\ufeff", "\u00e9",
            "|\n      \n", "|2-\n        \n", "\n    \t\n",
        };

        private const string Seed = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ads-v1, labels: &l {app: ads, version: v1}}
            spec:
              selector:
                matchLabels: *l
                matchExpressions: [{key: app, operator: In, values: [ads]}]
              template:
                metadata:
                  labels: {<<: *l}
                spec:
                  containers: [{name: ads, ports: [{containerPort: 8080, name: http}]}]
            ---
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata: {name: ads}
            spec:
              hosts: [ads]
              http:
                - route:
                    - destination: {host: ads, subset: v1, port: {number: 80}}
                      weight: 100
                  mirror: {host: ads}
            ---
            apiVersion: networking.istio.io/v1beta1
            kind: DestinationRule
            metadata: {name: ads}
            spec:
              host: ads
              subsets: [{name: v1, labels: {version: v1}}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: ads}
            spec: {selector: {app: ads}, ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: ads-scripts}
            data:
              start.sh: |
                
                echo start
              stop.sh: |2-
                    
                  echo stop
            """;

        /// <summary>Parses and lints, and checks every finding has a real position; an exception fails the test with its input.</summary>
        private static void AssertHandled(string text, string what)
        {
            IReadOnlyList<ManifestDiagnostic> diagnostics;
            try
            {
                diagnostics = Lint.Yaml(text);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"{what} threw {ex.GetType().Name}: {ex.Message}\ninput: {Escape(text)}");
            }

            Assert.All(diagnostics, d => Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, $"{what}: {d} has no position"));
        }

        private static string Escape(string text) =>
            string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

        private static int RandomScalarValue(Random random)
        {
            while (true)
            {
                int value = random.Next(random.Next(4) == 0 ? 0x110000 : 0x80);
                if (value < 0xD800 || value > 0xDFFF)
                {
                    return value;
                }
            }
        }

        [Fact]
        public void RandomUnicodeTextNeverThrows()
        {
            var random = new Random(20240611);
            for (int round = 0; round < 2000; round++)
            {
                var text = new StringBuilder();
                int length = random.Next(1, 200);
                for (int i = 0; i < length; i++)
                {
                    text.Append(char.ConvertFromUtf32(RandomScalarValue(random)));
                }

                AssertHandled(text.ToString(), $"round {round}");
            }
        }

        [Fact]
        public void RandomYamlPunctuationNeverThrows()
        {
            var random = new Random(7);
            for (int round = 0; round < 5000; round++)
            {
                var text = new StringBuilder();
                int length = random.Next(1, 60);
                for (int i = 0; i < length; i++)
                {
                    text.Append(YamlPieces[random.Next(YamlPieces.Length)]);
                }

                AssertHandled(text.ToString(), $"round {round}");
            }
        }

        [Fact]
        public void RandomlyMutatedManifestsNeverThrow()
        {
            var random = new Random(42);
            for (int round = 0; round < 5000; round++)
            {
                var text = new StringBuilder(Seed);
                int mutations = random.Next(1, 8);
                for (int m = 0; m < mutations; m++)
                {
                    int at = random.Next(text.Length + 1);
                    switch (random.Next(4))
                    {
                        case 0:
                            text.Insert(at, YamlPieces[random.Next(YamlPieces.Length)]);
                            break;
                        case 1:
                            text.Remove(Math.Min(at, text.Length - 1), Math.Min(random.Next(1, 8), text.Length - Math.Min(at, text.Length - 1)));
                            break;
                        case 2:
                            text.Insert(at, char.ConvertFromUtf32(RandomScalarValue(random)));
                            break;
                        default:
                            int from = random.Next(text.Length);
                            text.Insert(at, text.ToString(from, Math.Min(random.Next(1, 40), text.Length - from)));
                            break;
                    }
                }

                AssertHandled(text.ToString(), $"round {round}");
            }
        }

        [Fact]
        public void RandomBytesFromDiskEndInAFinding()
        {
            var random = new Random(1234);
            using var dir = new TempDirectory();
            for (int round = 0; round < 200; round++)
            {
                var bytes = new byte[random.Next(1, 512)];
                random.NextBytes(bytes);
                var path = dir.WriteBytes($"r{round}.yaml", bytes);

                var file = ManifestParser.ParseFile($"r{round}.yaml", path, new LintOptions());

                // Random bytes are almost never UTF-8, and never a Kubernetes object.
                Assert.NotEmpty(file.Diagnostics);
                Assert.All(file.Diagnostics, d => Assert.True(d.Span.Line >= 1, d.ToString()));
            }
        }

        [Fact]
        public void TheMutatedSeedIsItselfClean()
        {
            // The mutation test starts from a valid, finding-free input, so its findings come from the mutations.
            Assert.Empty(Lint.Yaml(Seed));
        }
    }
}
