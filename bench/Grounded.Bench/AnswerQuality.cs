namespace Grounded.Bench;

/// <summary>COVID-QA answer quality and SciFact out-of-domain abstention (filled in below).</summary>
internal static class AnswerQuality
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
