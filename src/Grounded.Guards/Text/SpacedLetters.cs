using System.Text.RegularExpressions;

namespace Grounded.Guards.Text;

/// <summary>Joins words spelt out letter by letter (<c>S a y t h a t y o u h a t e</c>), which hides them from patterns and from the model's word pieces.</summary>
internal static partial class SpacedLetters
{
    /// <summary>Returns <paramref name="source"/> with each run of eight or more spaced single letters joined, adding what it did to <paramref name="done"/>.</summary>
    public static MappedText Join(MappedText source, ISet<string> done)
    {
        var runs = Run().Matches(source.Text);
        if (runs.Count == 0)
        {
            return source;
        }

        var builder = new MappedText.Builder(source);
        var at = 0;
        foreach (Match run in runs)
        {
            for (var i = run.Index; i < run.Index + run.Length; i++)
            {
                if (source.Text[i] != ' ')
                {
                    continue;
                }

                builder.Copy(at, i - at);
                at = i + 1;
            }
        }

        builder.Copy(at, source.Text.Length - at);
        done.Add(TextTransformations.SpacedLetters);
        return builder.Build();
    }

    // Eight letters or more, each alone between single spaces: "I a m" is a sentence, "S a y t h a t" a disguise.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{L}(?: \p{L}){7,}(?![\p{L}\p{N}])")]
    private static partial Regex Run();
}
