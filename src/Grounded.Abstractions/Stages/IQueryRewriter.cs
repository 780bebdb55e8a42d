namespace Grounded.Stages;

/// <summary>Rewrite stage: turns the question as asked into the text the later stages search and judge with (for example with misspellings corrected).</summary>
public interface IQueryRewriter
{
    /// <summary>Returns the text to search for <paramref name="query"/>; the query itself when nothing needs rewriting.</summary>
    Task<string> RewriteAsync(string query, CancellationToken cancellationToken);
}
