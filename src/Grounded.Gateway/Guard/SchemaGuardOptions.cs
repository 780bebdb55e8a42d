namespace Grounded.Gateway.Guard;

/// <summary>The JSON-schema guard (<c>guards.schema</c>): answers to requests whose <c>response_format</c> names a schema are validated.</summary>
public sealed record SchemaGuardOptions
{
    /// <summary>Gets whether an invalid answer is sent back to the model once with the validation errors before failing.</summary>
    /// <value>The default is true.</value>
    public bool Repair { get; init; } = true;
}
