namespace Grounded.Guards;

/// <summary>
/// One guard's decision about one text: which guard, what it did (<see cref="GuardActions"/>), why in a few words, and
/// where (<see cref="GuardSpan"/>: positions and types, never the sensitive text).
/// </summary>
/// <param name="Guard">The guard's name: <c>pii</c>, <c>injection</c>, <c>topic</c>, <c>toxicity</c>, <c>schema</c>, <c>moderation</c>, <c>refusal</c>, <c>grounding</c>, <c>tools</c>.</param>
/// <param name="Action">What it did: <c>block</c>, <c>redact</c>, <c>pseudonymize</c>, <c>flag</c> or <c>allow</c>.</param>
/// <param name="Reason">Why, in a few words that quote nothing of the text (<c>2 EMAIL_ADDRESS, 1 CREDIT_CARD</c>).</param>
/// <param name="Spans">Where, in the checked text.</param>
public sealed record GuardDecision(string Guard, string Action, string Reason, IReadOnlyList<GuardSpan> Spans);
