using System.Globalization;
using System.Text.RegularExpressions;

namespace Grounded.Rag.Verify;

/// <summary>
/// The numbers a text states, normalised so that a claim and its source compare equal when they state the same value:
/// thousands separators dropped ("1,200" = "1200"), trailing decimal zeros dropped ("5.20" = "5.2"), and the number
/// words two to twenty read as digits ("two" = "2"; not "one", mostly a pronoun: "one of the causes"). A number a claim states that its source does not is the strongest
/// sign of an unsupported claim.
/// </summary>
internal static partial class ClaimNumbers
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7", ["eight"] = "8", ["nine"] = "9", ["ten"] = "10",
        ["eleven"] = "11", ["twelve"] = "12", ["thirteen"] = "13", ["fourteen"] = "14", ["fifteen"] = "15", ["sixteen"] = "16", ["seventeen"] = "17",
        ["eighteen"] = "18", ["nineteen"] = "19", ["twenty"] = "20",
    };

    /// <summary>Returns the distinct numbers in <paramref name="text"/>, normalised.</summary>
    public static HashSet<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Number().Matches(text))
        {
            if (m.Groups["word"].Success)
            {
                numbers.Add(Words[m.Groups["word"].Value]);
                continue;
            }

            var whole = m.Groups["int"].Value.Replace(",", string.Empty, StringComparison.Ordinal).TrimStart('0');
            var fraction = m.Groups["frac"].Value.TrimEnd('0');
            numbers.Add((whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? string.Empty : "." + fraction));
        }

        return numbers;
    }

    /// <summary>Returns the numbers of <paramref name="claim"/> that <paramref name="source"/> does not state.</summary>
    public static IReadOnlyList<string> Missing(HashSet<string> claim, HashSet<string> source) =>
        claim.Where(n => !source.Contains(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>Returns the numbers as a short list for a reason ("12, 40").</summary>
    public static string Describe(IReadOnlyList<string> numbers) => string.Join(", ", numbers.Take(3)) + (numbers.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" and {numbers.Count - 3} more") : string.Empty);

    [GeneratedRegex(@"(?<![\p{L}\d.,])(?<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<frac>\d+))?(?![\d])|\b(?<word>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}
