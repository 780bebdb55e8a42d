using System.Text.RegularExpressions;
using Grounded.Guards;
using Grounded.Guards.Injection;
using Grounded.Guards.Pii;

namespace Grounded.Gateway.Tests.Support;

/// <summary>A PII detector that finds emails, digit runs of 13+ (cards) and capitalised names from a list, and counts its calls.</summary>
internal sealed partial class FakePiiDetector : IPiiDetector
{
    private int _calls;

    public string[] Names { get; init; } = ["Maria", "John"];

    public int Calls => _calls;

    public IReadOnlyList<PiiEntity> Detect(string text)
    {
        Interlocked.Increment(ref _calls);
        var found = Email().Matches(text).Select(m => new PiiEntity(m.Index, m.Length, PiiTypes.Email, 1))
            .Concat(Card().Matches(text).Select(m => new PiiEntity(m.Index, m.Length, PiiTypes.CreditCard, 1)))
            .Concat(Names.SelectMany(n => Regex.Matches(text, $@"\b{n}\b").Select(m => new PiiEntity(m.Index, m.Length, PiiTypes.Person, 1))));
        return [.. found.OrderBy(e => e.Start)];
    }

    [GeneratedRegex(@"[\w.]+@[\w.]+\.\w+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b\d(?:[ ]?\d){12,18}\b")]
    private static partial Regex Card();
}

/// <summary>An injection detector that calls a text an injection when it contains "ignore previous instructions".</summary>
internal sealed class FakeInjectionDetector : IInjectionDetector
{
    public List<string> Checked { get; } = [];

    /// <summary>Gets or sets the classifier's score reported beside a pattern hit.</summary>
    public double PatternScore { get; set; } = 0.97;

    public ValueTask<InjectionVerdict> CheckAsync(string text, CancellationToken cancellationToken = default)
    {
        lock (Checked)
        {
            Checked.Add(text);
        }

        var at = text.IndexOf("ignore previous instructions", StringComparison.OrdinalIgnoreCase);
        return ValueTask.FromResult(at >= 0
            ? new InjectionVerdict(true, PatternScore, "heuristic: ignore previous instructions", [new GuardSpan(at, 28, "injection")]) { MatchedPattern = true }
            : new InjectionVerdict(false, 0.05, "classifier 0.05", []));
    }

    public async ValueTask<IReadOnlyList<InjectionVerdict>> CheckAllAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var verdicts = new List<InjectionVerdict>();
        foreach (var text in texts)
        {
            verdicts.Add(await CheckAsync(text, cancellationToken));
        }

        return verdicts;
    }
}
