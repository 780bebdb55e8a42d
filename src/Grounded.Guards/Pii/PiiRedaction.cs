using System.Text;

namespace Grounded.Guards.Pii;

/// <summary>
/// Replaces what a detector found with placeholders: typed (<c>&lt;EMAIL_ADDRESS&gt;</c>, redaction: nothing to restore)
/// or numbered from a <see cref="PiiVault"/> (<c>&lt;EMAIL_ADDRESS_1&gt;</c>, pseudonymization: restored in the answer).
/// </summary>
public static class PiiRedaction
{
    /// <summary>Returns the typed placeholder of an entity type (<c>&lt;EMAIL_ADDRESS&gt;</c>).</summary>
    public static string TypedPlaceholder(string type) => $"<{type}>";

    /// <summary>Returns <paramref name="text"/> with each entity replaced by its type's placeholder.</summary>
    public static string Redact(string text, IReadOnlyList<PiiEntity> entities) =>
        Replace(text, entities, (entity, _) => TypedPlaceholder(entity.Type));

    /// <summary>Returns <paramref name="text"/> with each entity replaced by its value's numbered placeholder in <paramref name="vault"/>.</summary>
    public static string Pseudonymize(string text, IReadOnlyList<PiiEntity> entities, PiiVault vault)
    {
        ArgumentNullException.ThrowIfNull(vault);
        return Replace(text, entities, (entity, value) => vault.Placeholder(entity.Type, value));
    }

    // Entities are taken in order of their start; one that overlaps the previous or falls outside the text is skipped
    // (detectors promise neither, but a text must never be cut in the middle of a replacement).
    private static string Replace(string text, IReadOnlyList<PiiEntity> entities, Func<PiiEntity, string, string> placeholder)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var entity in entities.OrderBy(e => e.Start))
        {
            if (entity.Start < at || entity.Length <= 0 || entity.End > text.Length)
            {
                continue;
            }

            result.Append(text, at, entity.Start - at).Append(placeholder(entity, text.Substring(entity.Start, entity.Length)));
            at = entity.End;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }
}
