using Microsoft.ML.Tokenizers;

namespace Grounded.Rag.Chunking;

/// <summary>Measures text in tokens of a tiktoken encoding (o200k_base by default, the encoding of GPT-4o-class models).</summary>
public sealed class TokenCounter
{
    private static readonly Lazy<TokenCounter> O200k = new(() => new TokenCounter(TiktokenTokenizer.CreateForEncoding("o200k_base")));
    private readonly Tokenizer _tokenizer;

    /// <summary>Wraps a tokenizer.</summary>
    public TokenCounter(Tokenizer tokenizer) => _tokenizer = tokenizer;

    /// <summary>Gets the o200k_base counter, created once.</summary>
    public static TokenCounter Default => O200k.Value;

    /// <summary>Counts the tokens of a text.</summary>
    public int Count(ReadOnlySpan<char> text) => _tokenizer.CountTokens(text);

    /// <summary>Returns how many characters of <paramref name="text"/> fit in <paramref name="maxTokens"/> tokens.</summary>
    public int CharsWithin(string text, int maxTokens)
    {
        var index = _tokenizer.GetIndexByTokenCount(text, maxTokens, out _, out _);
        return Math.Clamp(index, 1, text.Length);
    }
}
