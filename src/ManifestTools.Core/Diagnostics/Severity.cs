namespace ManifestTools.Diagnostics
{
    /// <summary>Ordered so that a higher value is more severe; <c>--fail-on</c> compares with it.</summary>
    public enum Severity
    {
        Info = 0,
        Warning = 1,
        Error = 2,
    }
}
