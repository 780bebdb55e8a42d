using System.Globalization;
using System.Text.RegularExpressions;
using Grounded.Hosting.Monitoring;

namespace Grounded.Hosting.Config;

/// <summary>
/// Reads <c>alerts:</c> (<c>webhooks</c>, <c>interval</c>, <c>repeatAfter</c>, <c>rules</c>); without <c>rules</c> the default
/// rules apply, and a rule's unset parameters take its kind's defaults.
/// </summary>
internal static partial class AlertsConfig
{
    private static readonly string[] Severities = ["info", "warning", "critical"];
    private static readonly string[] Metrics = ["grounding", "feedback"];

    public static AlertsOptions Validate(AlertsDocument d, List<string> problems)
    {
        var options = new AlertsOptions();
        var webhooks = new List<Uri>();
        foreach (var url in d.Webhooks)
        {
            if (Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                webhooks.Add(uri);
            }
            else
            {
                problems.Add($"alerts.webhooks: '{url}' is not an http(s) URL");
            }
        }

        var interval = Duration(d.Interval, "alerts.interval", options.Interval, TimeSpan.FromSeconds(1), problems);
        var repeat = Duration(d.RepeatAfter, "alerts.repeatAfter", options.RepeatAfter, TimeSpan.FromMinutes(1), problems);
        var rules = d.Rules is null ? AlertRule.Defaults : [.. d.Rules.Select((r, i) => Rule(r, i, problems))];
        foreach (var duplicate in rules.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1 && g.Key.Length > 0))
        {
            problems.Add($"alerts.rules: the name '{duplicate.Key}' is used by {duplicate.Count()} rules");
        }

        return new AlertsOptions { Enabled = d.Enabled ?? true, Webhooks = webhooks, Interval = interval, RepeatAfter = repeat, Rules = rules };
    }

    private static AlertRule Rule(AlertRuleDocument r, int index, List<string> problems)
    {
        var at = $"alerts.rules[{index}]";
        var kind = r.Kind?.Trim() ?? string.Empty;
        if (!AlertKinds.All.Contains(kind))
        {
            problems.Add($"{at}.kind: '{r.Kind}' is not one of {string.Join(", ", AlertKinds.All)}");
        }

        var name = r.Name?.Trim() ?? kind;
        if (!RuleName().IsMatch(name))
        {
            problems.Add($"{at}.name: '{r.Name}' is not a usable rule name (lower-case letters, digits, '_' or '-')");
        }

        at = $"alerts.rules[{(name.Length > 0 ? name : index.ToString(CultureInfo.InvariantCulture))}]";
        var rule = AlertRule.Default(name, kind, r.Metric?.Trim());
        if (r.Severity is { } severity && !Severities.Contains(severity.Trim()))
        {
            problems.Add($"{at}.severity: '{severity}' is not info, warning or critical");
        }

        if (kind == AlertKinds.Quality && !Metrics.Contains(rule.Metric))
        {
            problems.Add($"{at}.metric: '{r.Metric}' is not grounding or feedback");
        }

        return rule with
        {
            Severity = r.Severity?.Trim() ?? rule.Severity,
            Threshold = Threshold(r.Threshold, kind, at, rule.Threshold, problems),
            Factor = Positive(r.Factor, $"{at}.factor", rule.Factor, problems),
            Drop = r.Drop is { } drop and (<= 0 or >= 1) ? Invalid($"{at}.drop: {drop} is not a share between 0 and 1 (0.05 = 5%)", rule.Drop, problems) : r.Drop ?? rule.Drop,
            Window = Duration(r.Window, $"{at}.window", rule.Window, TimeSpan.FromMinutes(1), problems),
            Baseline = Duration(r.Baseline, $"{at}.baseline", rule.Baseline, TimeSpan.FromMinutes(1), problems),
            MinCount = r.MinCount is < 0 ? Invalid($"{at}.minCount: {r.MinCount} is negative", rule.MinCount, problems) : r.MinCount ?? rule.MinCount,
            MinUsd = r.MinUsd is < 0 ? Invalid($"{at}.minUsd: {r.MinUsd} is negative", rule.MinUsd, problems) : r.MinUsd ?? rule.MinUsd,
        };
    }

    // A latency threshold is a duration (10s, 1500ms; a bare number is seconds); every other threshold is a number (0.05 = 5%).
    private static double Threshold(string? text, string kind, string at, double fallback, List<string> problems)
    {
        if (text is null)
        {
            return fallback;
        }

        if (kind == AlertKinds.P99Latency)
        {
            return Durations.TryParse(text, out var d) && d > TimeSpan.Zero ? d.TotalMilliseconds
                : Invalid($"{at}.threshold: '{text}' is not a duration such as 10s or 1500ms", fallback, problems);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 && double.IsFinite(n) ? n
            : Invalid($"{at}.threshold: '{text}' is not a non-negative number (0.05 = 5%)", fallback, problems);
    }

    private static double Positive(double? value, string at, double fallback, List<string> problems) =>
        value is { } v && (v <= 0 || !double.IsFinite(v)) ? Invalid($"{at}: {v} is not a positive number", fallback, problems) : value ?? fallback;

    private static TimeSpan Duration(string? text, string at, TimeSpan fallback, TimeSpan least, List<string> problems)
    {
        if (text is null)
        {
            return fallback;
        }

        return Durations.TryParse(text, out var value) && value >= least ? value
            : Invalid($"{at}: '{text}' is not a duration of at least {(least.TotalMinutes >= 1 ? "1m" : "1s")} (e.g. 30s, 5m, 1h, 3d)", fallback, problems);
    }

    private static T Invalid<T>(string problem, T fallback, List<string> problems)
    {
        problems.Add(problem);
        return fallback;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex RuleName();
}
