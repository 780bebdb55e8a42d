namespace Grounded.Guards;

/// <summary>What a guard does when it finds something (<c>mode:</c> in a guard's configuration).</summary>
public enum GuardMode
{
    /// <summary>Record the finding (metric, trace event, audit line) and let the text through unchanged.</summary>
    Flag,

    /// <summary>Replace what was found with a typed placeholder (<c>&lt;EMAIL_ADDRESS&gt;</c>); a guard that cannot redact blocks.</summary>
    Redact,

    /// <summary>Replace what was found with numbered placeholders (<c>&lt;PERSON_1&gt;</c>) kept in a per-request vault, and restore them in the answer.</summary>
    Pseudonymize,

    /// <summary>Refuse: the request gets a 4xx and the provider is never called; an answer is withheld.</summary>
    Block,
}
