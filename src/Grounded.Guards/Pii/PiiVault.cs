using System.Text;

namespace Grounded.Guards.Pii;

/// <summary>
/// One request's pseudonyms: each distinct value found gets a numbered placeholder of its type (<c>&lt;PERSON_1&gt;</c>,
/// <c>&lt;EMAIL_ADDRESS_2&gt;</c>), the same value always the same one, so the provider can still tell two people apart
/// without seeing either; the answer's placeholders are turned back into the values (<see cref="Restore"/>). Lives as long
/// as its request and is never stored or logged.
/// </summary>
public sealed class PiiVault
{
    private readonly Dictionary<(string Type, string Value), string> _byValue = [];
    private readonly Dictionary<string, string> _byPlaceholder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Gets how many distinct values the vault holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byPlaceholder.Count;
            }
        }
    }

    /// <summary>Gets the length of the longest placeholder handed out (what a stream must hold back at most).</summary>
    public int LongestPlaceholder { get; private set; }

    /// <summary>Returns the placeholder of <paramref name="value"/> as a <paramref name="type"/>, numbering a new value after the type's last.</summary>
    public string Placeholder(string type, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (_byValue.TryGetValue((type, value), out var known))
            {
                return known;
            }

            var number = _counts[type] = _counts.GetValueOrDefault(type) + 1;
            var placeholder = $"<{type}_{number}>";
            _byValue[(type, value)] = placeholder;
            _byPlaceholder[placeholder] = value;
            LongestPlaceholder = Math.Max(LongestPlaceholder, placeholder.Length);
            return placeholder;
        }
    }

    /// <summary>Returns the value a placeholder stands for, if this vault handed it out.</summary>
    public bool TryGetValue(string placeholder, out string value)
    {
        lock (_gate)
        {
            return _byPlaceholder.TryGetValue(placeholder, out value!);
        }
    }

    /// <summary>Returns <paramref name="text"/> with every placeholder of this vault replaced by its value; other text, and unknown placeholders, unchanged.</summary>
    public string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Count == 0 || !text.Contains('<', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('<', at);
            var close = open < 0 ? -1 : text.IndexOf('>', open + 1);
            if (close < 0)
            {
                break;
            }

            // A nearer '<' means the first one opens no placeholder: start again from it.
            var nearer = text.LastIndexOf('<', close - 1, close - open);
            if (TryGetValue(text[nearer..(close + 1)], out var value))
            {
                result.Append(text, at, nearer - at).Append(value);
            }
            else
            {
                result.Append(text, at, close + 1 - at);
            }

            at = close + 1;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }
}
