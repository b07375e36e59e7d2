// netstandard2.0 lacks the types that C# records and init accessors compile against.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
