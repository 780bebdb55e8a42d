using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Grounded.Evaluation.Answers;

/// <summary>The sources (file names or path suffixes) a good answer cites.</summary>
public sealed class ReferenceSourcesContext : EvaluationContext
{
    /// <summary>The context's name.</summary>
    public const string ContextName = "Reference sources";

    /// <summary>Creates the context from the expected sources.</summary>
    public ReferenceSourcesContext(IReadOnlyList<string> sources)
        : base(ContextName, (sources ?? throw new ArgumentNullException(nameof(sources))).Select(s => (AIContent)new TextContent(s)).ToList()) => Sources = sources;

    /// <summary>Gets the expected sources.</summary>
    public IReadOnlyList<string> Sources { get; }
}
