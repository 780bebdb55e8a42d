using System.Text;

namespace Grounded.Gateway.Cache;

/// <summary>The normalised form of a request's text, which cache keys and embeddings are made from.</summary>
public static class CacheText
{
    /// <summary>Returns <paramref name="text"/> in Unicode NFKC, lower case, with whitespace collapsed and trimmed.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        return string.Join(' ', normal.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
