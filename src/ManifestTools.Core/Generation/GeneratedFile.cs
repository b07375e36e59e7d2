namespace ManifestTools.Generation
{
    /// <summary>One rendered manifest: its file name in the output folder, the full text (header included) and its template.</summary>
    /// <param name="Template">The template as the header names it: a package template's file name, or an override's project-relative path.</param>
    public sealed record GeneratedFile(string FileName, string Content, string Template);
}
