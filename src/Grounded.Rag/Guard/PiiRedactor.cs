using System.Text;
using Grounded.Guards.Pii;

namespace Grounded.Rag.Guard;

/// <summary>Replaces personal data by typed placeholders (<c>&lt;EMAIL_ADDRESS&gt;</c>), the same at ingest and at retrieval time.</summary>
internal static class PiiRedactor
{
    /// <summary>Returns the placeholder of an entity type.</summary>
    public static string Placeholder(string type) => $"<{type}>";

    /// <summary>Returns <paramref name="text"/> with each entity replaced by its placeholder; overlapping entities after the first are skipped.</summary>
    public static string Redact(string text, IReadOnlyList<PiiEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (entities.Count == 0)
        {
            return text;
        }

        var redacted = new StringBuilder(text.Length);
        var at = 0;
        foreach (var entity in entities.OrderBy(e => e.Start).ThenByDescending(e => e.Length))
        {
            var start = Math.Clamp(entity.Start, 0, text.Length);
            if (start < at)
            {
                continue;
            }

            redacted.Append(text, at, start - at).Append(Placeholder(entity.Type));
            at = Math.Clamp(entity.End, start, text.Length);
        }

        return redacted.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Returns the text redacted with what <paramref name="detector"/> finds, and the entities found.</summary>
    public static (string Text, IReadOnlyList<PiiEntity> Found) Redact(IPiiDetector detector, string text)
    {
        var found = detector.Detect(text);
        return (Redact(text, found), found);
    }
}
