namespace Grounded.Alerts;

/// <summary>The alert rules' states, kept beside the keys (<c>alert_states</c>) so that replicas agree on which of them sends a transition.</summary>
public interface IAlertStateStore
{
    /// <summary>Returns every rule's stored state, by rule name.</summary>
    Task<IReadOnlyList<AlertState>> ReadAlertStatesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="state"/> only if the rule's stored version is <paramref name="expectedVersion"/> (0: none is stored
    /// yet); returns whether it was stored. Of replicas racing from one version, exactly one wins.
    /// </summary>
    Task<bool> SaveAlertStateAsync(AlertState state, long expectedVersion, CancellationToken cancellationToken);
}
