namespace Grounded.Cli;

/// <summary>A mistake in what the user asked for; its message is printed as the one-line error.</summary>
internal sealed class UserInputException(string message) : Exception(message);
