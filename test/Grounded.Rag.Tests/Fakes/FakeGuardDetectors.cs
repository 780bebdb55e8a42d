using System.Text.RegularExpressions;
using Grounded.Guards;
using Grounded.Guards.Injection;
using Grounded.Guards.Pii;

namespace Grounded.Rag.Tests.Fakes;

/// <summary>Finds email addresses, as the real PII detector would, and counts its calls.</summary>
internal sealed partial class FakePiiDetector : IPiiDetector
{
    public int Calls { get; private set; }

    public IReadOnlyList<PiiEntity> Detect(string text)
    {
        Calls++;
        return [.. Email().Matches(text).Select(m => new PiiEntity(m.Index, m.Length, PiiTypes.Email, 0.99))];
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();
}

/// <summary>Flags a text holding a given phrase as an injection; records the texts it was asked about.</summary>
internal sealed class FakeInjectionDetector(string phrase = "ignore all previous instructions") : IInjectionDetector
{
    public List<string> Checked { get; } = [];

    public ValueTask<InjectionVerdict> CheckAsync(string text, CancellationToken cancellationToken = default)
    {
        Checked.Add(text);
        var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        return ValueTask.FromResult(at >= 0
            ? new InjectionVerdict(true, 0.97, "heuristic: ignore previous instructions", [new GuardSpan(at, phrase.Length, "injection")])
            : new InjectionVerdict(false, 0.02, "classifier 0.02", []));
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
