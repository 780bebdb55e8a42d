using System.Text.RegularExpressions;

namespace Grounded.Guards.Pii;

/// <summary>Finds e-mail addresses: a local part, <c>@</c>, and a domain whose last label is 2 or more letters.</summary>
internal sealed partial class EmailRecognizer : IPiiRecognizer
{
    public string Type => PiiTypes.Email;

    public void Recognize(string text, List<PiiEntity> found)
    {
        if (!text.Contains('@', StringComparison.Ordinal))
        {
            return; // most texts hold no address: skip the scan
        }

        foreach (var match in Address().EnumerateMatches(text))
        {
            found.Add(new PiiEntity(match.Index, match.Length, Type, 0.95));
        }
    }

    // RFC 5322's dot-atom local part (no quoted forms), then labels of letters, digits and inner hyphens.
    [GeneratedRegex(@"(?<![\w.%+-])[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
