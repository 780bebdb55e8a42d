using System.Globalization;

namespace Grounded.Hosting.Config;

/// <summary>
/// The variables Grounded read before it had a configuration file (<c>GROUNDED_ANN_MIN_VECTORS</c>,
/// <c>GROUNDED_ANN_EF_SEARCH</c>): still honoured, over the file and under the <c>GROUNDED__</c> overrides.
/// </summary>
internal static class LegacyVariables
{
    public static void Apply(ConfigDocument document, IDictionary<string, string?> environment, List<string> problems)
    {
        document.Rag.Ann.MinVectors = Number(environment, "GROUNDED_ANN_MIN_VECTORS", problems) ?? document.Rag.Ann.MinVectors;
        document.Rag.Ann.EfSearch = Number(environment, "GROUNDED_ANN_EF_SEARCH", problems) ?? document.Rag.Ann.EfSearch;
    }

    private static int? Number(IDictionary<string, string?> environment, string name, List<string> problems)
    {
        if (!environment.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"{name} must be a whole number (got '{text}')");
        return null;
    }
}
