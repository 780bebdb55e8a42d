using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Grounded.Hosting.Monitoring;

/// <summary>
/// What a webhook is told: Slack-compatible JSON (<c>text</c>) with the facts in <c>grounded</c>: the rule, its state
/// (<c>firing</c>, <c>resolved</c> or <c>test</c>), value, threshold, since when, and the tenant (null: all tenants).
/// </summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="State">Either <c>firing</c>, <c>resolved</c> or <c>test</c>.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Since">When the rule entered the state.</param>
/// <param name="Message">The evaluation's one-line message.</param>
public sealed record AlertNotice(string Rule, string State, string Severity, DateTimeOffset Since, string Message)
{
    /// <summary>The state of a rule that fired and has cleared.</summary>
    public const string Resolved = "resolved";

    /// <summary>The state of a test notice (<c>grounded alerts test</c>).</summary>
    public const string Test = "test";

    /// <summary>Gets the measured value.</summary>
    public double? Value { get; init; }

    /// <summary>Gets the threshold compared with.</summary>
    public double? Threshold { get; init; }

    /// <summary>Gets whether this notice repeats a firing already sent (the rule is still firing after <c>repeatAfter</c>).</summary>
    public bool Reminder { get; init; }

    /// <summary>Returns the JSON body posted to webhooks.</summary>
    public string ToJson()
    {
        var headline = State switch
        {
            Resolved => $":white_check_mark: Grounded alert resolved: {Rule}",
            Test => ":bell: Grounded test alert: webhooks are reached",
            _ => $":rotating_light: Grounded alert {(Reminder ? "still firing" : "firing")} [{Severity}]: {Rule}",
        };
        var body = new JsonObject
        {
            ["text"] = $"{headline} - {Message}",
            ["grounded"] = new JsonObject
            {
                ["rule"] = Rule,
                ["state"] = State,
                ["severity"] = Severity,
                ["value"] = Value,
                ["threshold"] = Threshold,
                ["since"] = Since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["tenant"] = null,
                ["message"] = Message,
            },
        };
        return body.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
