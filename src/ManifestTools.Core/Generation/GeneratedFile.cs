namespace ManifestTools.Generation
{
    /// <summary>One rendered manifest: its file name in the output folder, the full text (header included) and its template.</summary>
    public sealed class GeneratedFile
    {
        public GeneratedFile(string fileName, string content, string template)
        {
            FileName = fileName;
            Content = content;
            Template = template;
        }

        public string FileName { get; }
        public string Content { get; }

        /// <summary>The template as the header names it: a package template's file name, or an override's project-relative path.</summary>
        public string Template { get; }
    }
}
