using Microsoft.ML.Tokenizers;

namespace Grounded.Gateway.Tokens;

/// <summary>The o200k_base encoding (GPT-4o and later), loaded once for every counter.</summary>
internal static class O200k
{
    private static readonly Lazy<Tokenizer> Instance = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static Tokenizer Tokenizer => Instance.Value;
}
