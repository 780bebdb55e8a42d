using System.Globalization;
using System.Text.RegularExpressions;

namespace Grounded.Guards.Pii;

/// <summary>
/// Finds dates of birth: a calendar date (numeric or with a month name) near a cue such as "born", "date of birth",
/// "DOB" or "birthday". Other dates (meetings, founding years, timestamps) are not personal data and are not reported.
/// </summary>
internal sealed partial class DateOfBirthRecognizer : IPiiRecognizer
{
    // How far a date may follow its cue ("born on ... 10/23/1951"), or precede it ("10/23/1951 (date of birth)").
    private const int CueBeforeDate = 60;
    private const int CueAfterDate = 30;
    private const int LongestDate = 20;

    public string Type => PiiTypes.DateOfBirth;

    // Dates are looked for only around the cues, so a long text without one costs a single vectorized scan.
    public void Recognize(string text, List<PiiEntity> found)
    {
        var searched = 0;
        foreach (var cue in BirthWords().EnumerateMatches(text))
        {
            var from = Math.Max(searched, cue.Index - CueAfterDate);
            var to = Math.Min(text.Length, cue.Index + cue.Length + CueBeforeDate + LongestDate);
            if (to <= from)
            {
                continue;
            }

            for (var date = Date().Match(text, from, to - from); date.Success; date = date.NextMatch())
            {
                if (IsPlausible(date))
                {
                    found.Add(new PiiEntity(date.Index, date.Length, Type, 0.85));
                }
            }

            searched = to;
        }
    }

    private static bool IsPlausible(Match date)
    {
        if (date.Groups["year"].Success && date.Groups["year"].Length == 4)
        {
            var year = int.Parse(date.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
            if (year is < 1880 or > 2100)
            {
                return false;
            }
        }

        if (date.Groups["a"].Success)
        {
            // m/d or d/m: one part may be the month, both must be day numbers.
            var a = int.Parse(date.Groups["a"].ValueSpan, CultureInfo.InvariantCulture);
            var b = int.Parse(date.Groups["b"].ValueSpan, CultureInfo.InvariantCulture);
            return a is >= 1 and <= 31 && b is >= 1 and <= 31 && (a <= 12 || b <= 12);
        }

        if (date.Groups["month"].Success)
        {
            var month = int.Parse(date.Groups["month"].ValueSpan, CultureInfo.InvariantCulture);
            var day = int.Parse(date.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 && day is >= 1 and <= 31;
        }

        return !date.Groups["dayOfMonth"].Success || int.Parse(date.Groups["dayOfMonth"].ValueSpan, CultureInfo.InvariantCulture) is >= 1 and <= 31;
    }

    private const string MonthName = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    // 10/23/1951, 23.10.1951, 23-10-51; 1951-10-23; 23 October 1951, 23rd of Oct. 1951; October 23, 1951.
    [GeneratedRegex(@"(?<![\p{L}\p{N}/.-])(?:(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<year>\d{4}|\d{2})|(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})|(?<dayOfMonth>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthName + @",?\s+(?<year>\d{4})|" + MonthName + @"\s+(?<dayOfMonth>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4}))(?![\p{L}\p{N}]|[/.-]\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(?:born|birth|birthday|birthdate|b-?day|dob|d\.o\.b)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BirthWords();
}
