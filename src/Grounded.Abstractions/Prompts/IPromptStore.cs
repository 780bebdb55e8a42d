namespace Grounded.Prompts;

/// <summary>The active version of each prompt per environment, and the history of every switch; kept beside the keys.</summary>
public interface IPromptStore
{
    /// <summary>Returns the switch that made the active version of <paramref name="id"/> in <paramref name="environment"/>; null when none was made.</summary>
    Task<PromptActivation?> GetActiveAsync(string id, string environment, CancellationToken cancellationToken);

    /// <summary>Returns every active pointer (each prompt in each environment), by id then environment.</summary>
    Task<IReadOnlyList<PromptActivation>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="activation"/>'s version active in its environment at once, adds it to the history, and writes an
    /// audit log entry (who, when, from, to, forced, scores), all together — only if the active pointer is still the switch
    /// <paramref name="expectedSeq"/> (its <see cref="PromptActivation.Seq"/> as read; null: no version may be active);
    /// otherwise nothing is written and <see cref="PromptConflictException"/> is thrown.
    /// </summary>
    Task SetActiveAsync(PromptActivation activation, long? expectedSeq, CancellationToken cancellationToken);

    /// <summary>Returns the switches of <paramref name="id"/> (in one environment, or all when null), newest first.</summary>
    Task<IReadOnlyList<PromptActivation>> HistoryAsync(string id, string? environment, CancellationToken cancellationToken);
}
