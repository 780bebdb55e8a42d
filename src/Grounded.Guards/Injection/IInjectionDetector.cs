namespace Grounded.Guards.Injection;

/// <summary>Tells whether a text (a user's message, or a retrieved chunk) is a prompt injection.</summary>
public interface IInjectionDetector
{
    /// <summary>Checks one text.</summary>
    ValueTask<InjectionVerdict> CheckAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Checks several texts at once (retrieved chunks), in order; one embedding batch instead of one call each.</summary>
    ValueTask<IReadOnlyList<InjectionVerdict>> CheckAllAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
