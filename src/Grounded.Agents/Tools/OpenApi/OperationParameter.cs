using Microsoft.OpenApi;

namespace Grounded.Agents.Tools.OpenApi;

/// <summary>One argument of an operation's tool and where its value goes in the request.</summary>
/// <param name="Name">The parameter's name, both in the tool's arguments and in the request.</param>
/// <param name="In">Where the value goes: the path, the query string or a header.</param>
internal sealed record OperationParameter(string Name, ParameterLocation In);
