namespace Grounded.Server.Requests;

/// <summary>The prompt text of a request, set by its endpoint only when <c>server.logPrompts</c> is on, for the request's log line.</summary>
internal sealed record LoggedPrompt(string Text);
