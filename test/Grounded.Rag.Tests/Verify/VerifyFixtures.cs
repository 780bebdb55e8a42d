using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Stages;

namespace Grounded.Rag.Tests.Verify;

/// <summary>Sources and answers the grounding tests share.</summary>
internal static class VerifyFixtures
{
    public const string Tides = "Ocean tides are caused mainly by the gravitational pull of the Moon on the oceans. The Sun's gravity also contributes. Most coasts see two high tides and two low tides every lunar day.";
    public const string Solar = "Solar panels convert sunlight into electricity using photovoltaic cells. A typical home solar panel produces between 250 and 400 watts in full sun. Panels produce less power on cloudy days.";
    public const string Bread = "Bread dough rises because yeast ferments the sugars in flour and releases carbon dioxide gas. Bake the loaf at 220 degrees Celsius for about 35 minutes.";

    public static IReadOnlyList<ScoredChunk> Evidence(params string[] texts) =>
        texts.Select((t, i) => new ScoredChunk(new StoredChunk($"c{i + 1}", $"d{i + 1}", $"doc{i + 1}.txt", new Chunk(0, t, 0, t.Length, string.Empty, t.Length / 4)), 0.9 - (0.1 * i))).ToList();

    /// <summary>Returns an answer citing evidence n as [n] (as the model answerer numbers its sources).</summary>
    public static GeneratedAnswer Cited(string text, IReadOnlyList<ScoredChunk> evidence, params int[] cited) =>
        new(text, false, cited.Select(n => new Citation(n, evidence[n - 1].Chunk.DocumentId, evidence[n - 1].Chunk.Source, evidence[n - 1].Chunk.Id, evidence[n - 1].Score, evidence[n - 1].Chunk.Chunk.Text)).ToList());
}

/// <summary>An answer stage that writes the answer it is given, whole or word by word; it records the evidence it saw.</summary>
internal sealed class FixedAnswerGenerator(Func<IReadOnlyList<ScoredChunk>, GeneratedAnswer> answer) : IAnswerGenerator
{
    public IReadOnlyList<ScoredChunk>? Seen { get; private set; }

    public string Name => "fixed";

    public Task<GeneratedAnswer> GenerateAsync(string question, IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken)
    {
        Seen = evidence;
        return Task.FromResult(answer(evidence));
    }

    public async IAsyncEnumerable<AnswerUpdate> GenerateStreamingAsync(string question, IReadOnlyList<ScoredChunk> evidence, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var whole = await GenerateAsync(question, evidence, cancellationToken);
        foreach (var word in whole.Text.Split(' '))
        {
            yield return AnswerUpdate.Text(word + " ");
        }

        yield return AnswerUpdate.Final(whole);
    }
}
