using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

/// <summary>What the detector, limited to one entity type, finds in a text: the matched texts, in order.</summary>
internal static class Found
{
    public static string[] Of(string type, string text, bool nameLists = true) =>
        new PiiDetector(new PiiDetectorOptions { Types = new HashSet<string> { type }, UseNameLists = nameLists })
            .Detect(text).Select(e => text.Substring(e.Start, e.Length)).ToArray();
}
