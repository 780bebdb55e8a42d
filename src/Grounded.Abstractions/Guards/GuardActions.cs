namespace Grounded.Guards;

/// <summary>The actions a guard's decision can name (<see cref="GuardDecision.Action"/>).</summary>
public static class GuardActions
{
    /// <summary>The request or answer was refused; the provider was not called (input) or the answer was withheld (output).</summary>
    public const string Block = "block";

    /// <summary>What was found was replaced by a typed placeholder (<c>&lt;EMAIL_ADDRESS&gt;</c>).</summary>
    public const string Redact = "redact";

    /// <summary>What was found was replaced by a numbered placeholder (<c>&lt;PERSON_1&gt;</c>) and restored in the answer.</summary>
    public const string Pseudonymize = "pseudonymize";

    /// <summary>What was found was recorded and let through unchanged.</summary>
    public const string Flag = "flag";

    /// <summary>Nothing was found.</summary>
    public const string Allow = "allow";
}
