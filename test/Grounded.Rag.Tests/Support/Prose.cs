using System.Text;

namespace Grounded.Rag.Tests.Support;

/// <summary>Deterministic made-up prose: varied sentence lengths, some starting with digits or quotes, some asking or exclaiming.</summary>
internal static class Prose
{
    private static readonly string[] Words =
    [
        "river", "energy", "model", "signal", "market", "cloud", "engine", "garden", "pattern", "theory", "window", "protein",
        "harbor", "journey", "voltage", "library", "quantum", "forest", "matrix", "ocean", "silver", "travel", "orbit", "crystal",
        "measured", "quickly", "under", "between", "without", "carefully", "bright", "heavy", "across", "the", "a", "of", "and", "3.5", "42",
    ];

    /// <summary>Returns <paramref name="count"/> sentences, each ending in '.', '?' or '!'.</summary>
    public static List<string> Sentences(int count, int seed = 1)
    {
        var random = new Random(seed);
        var sentences = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var length = random.Next(4, 30);
            var builder = new StringBuilder();
            builder.Append((i % 7) switch
            {
                3 => $"{random.Next(10, 2000)} ",
                5 => "\"Quoted ",
                _ => "Sentence ",
            });
            builder.Append(i).Append(' ');
            for (var w = 0; w < length; w++)
            {
                builder.Append(Words[random.Next(Words.Length)]).Append(w == length - 1 ? string.Empty : " ");
            }

            builder.Append((i % 11) switch { 4 => "?", 9 => "!", _ => "." });
            if (i % 7 == 5)
            {
                builder.Append('"');
            }

            sentences.Add(builder.ToString());
        }

        return sentences;
    }

    /// <summary>Returns paragraphs of sentences joined by single spaces.</summary>
    public static List<string> Paragraphs(int paragraphs, int sentencesEach, int seed = 1) =>
        Sentences(paragraphs * sentencesEach, seed).Chunk(sentencesEach).Select(p => string.Join(' ', p)).ToList();
}
