using System.Text.RegularExpressions;

namespace Grounded.Guards.Pii;

/// <summary>
/// Finds US social security numbers that the SSA could have issued: the area is not 000, 666 or 900-999, the group not 00,
/// the serial not 0000. Written with dashes or spaces they count alone (more when a cue such as "SSN" is near); nine
/// digits in a row count only next to such a cue, since many other numbers have nine digits.
/// </summary>
internal sealed partial class UsSsnRecognizer : IPiiRecognizer
{
    public string Type => PiiTypes.UsSsn;

    public void Recognize(string text, List<PiiEntity> found)
    {
        foreach (Match match in Candidate().Matches(text))
        {
            if (!CouldBeIssued(match.Groups["area"].ValueSpan, match.Groups["group"].ValueSpan, match.Groups["serial"].ValueSpan))
            {
                continue;
            }

            var cue = Cues.Around(SsnWords(), text, match.Index, match.Index + match.Length, 50, 20);
            var separated = match.Groups["sep"].Length > 0;
            var score = (separated, cue) switch
            {
                (true, true) => 0.95,
                (true, false) => match.Groups["sep"].ValueSpan[0] == '-' ? 0.6 : 0.3,
                (false, true) => 0.75,
                _ => 0,
            };
            if (score > 0)
            {
                found.Add(new PiiEntity(match.Index, match.Length, Type, score));
            }
        }
    }

    /// <summary>Returns whether the three parts follow the SSA's issuing rules (and are not the famous sample 078-05-1120).</summary>
    internal static bool CouldBeIssued(ReadOnlySpan<char> area, ReadOnlySpan<char> group, ReadOnlySpan<char> serial) =>
        area is not ("000" or "666") && area[0] != '9' && group is not "00" && serial is not "0000"
        && !(area is "078" && group is "05" && serial is "1120")
        && !(area is "123" && group is "45" && serial is "6789");

    [GeneratedRegex(@"(?<![\p{L}\p{N}-])(?<area>\d{3})(?<sep>[- ]?)(?<group>\d{2})\k<sep>(?<serial>\d{4})(?![\p{L}\p{N}]|-\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"\b(?:ssns?|social security|social sec\.?|ss ?#|ss no|tax ?payer|tin|itin)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SsnWords();
}
