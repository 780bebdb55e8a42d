namespace Grounded.Hosting.Prompts;

/// <summary>One prompt as <c>prompts list</c> shows it (JSON: camelCase of these names).</summary>
/// <param name="Id">The prompt's id.</param>
/// <param name="Versions">Its versions, oldest first.</param>
/// <param name="Latest">The newest version.</param>
/// <param name="Active">The active version in each environment that has one.</param>
/// <param name="Used">The version the listing's environment uses without a pinned version.</param>
/// <param name="Why">Why that one.</param>
/// <param name="Description">The used version's description.</param>
public sealed record PromptRow(string Id, IReadOnlyList<string> Versions, string Latest, IReadOnlyDictionary<string, string> Active, string Used, string Why, string Description)
{
    /// <summary>Gets the score each version was last promoted with in the listing's environment (null: promoted unscored); versions never promoted there are absent.</summary>
    public IReadOnlyDictionary<string, double?> Scores { get; init; } = new Dictionary<string, double?>();
}
