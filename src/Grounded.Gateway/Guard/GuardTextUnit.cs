namespace Grounded.Gateway.Guard;

/// <summary>One text of a conversation: which message, which of its contents, and the text.</summary>
internal readonly record struct GuardTextUnit(int Message, int Content, string Text);
