using Grounded.Guards;
using Grounded.Guards.Pii;

namespace Grounded.Gateway.Guard;

/// <summary>The PII guard (<c>guards.pii</c>): what it does with personal data in requests, and whether it scrubs answers.</summary>
public sealed record PiiGuardOptions
{
    /// <summary>The entity types the guard knows, named as Presidio names them.</summary>
    public static readonly IReadOnlyList<string> KnownTypes =
    [
        PiiTypes.Email, PiiTypes.Phone, PiiTypes.CreditCard, PiiTypes.Iban, PiiTypes.UsSsn,
        PiiTypes.IpAddress, PiiTypes.DateOfBirth, PiiTypes.StreetAddress, PiiTypes.Person,
    ];

    /// <summary>Gets what the guard does with what it finds in a request.</summary>
    /// <value>The default is <see cref="GuardMode.Redact"/>.</value>
    public GuardMode Mode { get; init; } = GuardMode.Redact;

    /// <summary>Gets the entity types acted on; null acts on every type the detector finds.</summary>
    public IReadOnlySet<string>? Types { get; init; }

    /// <summary>Gets whether answers are scrubbed too (typed placeholders; in flag mode, only flagged).</summary>
    /// <value>The default is true.</value>
    public bool Output { get; init; } = true;

    /// <summary>Returns whether the guard acts on <paramref name="type"/>.</summary>
    public bool Covers(string type) => Types is null || Types.Contains(type);
}
