namespace Grounded.Server.Errors;

/// <summary>The kind of failure a request ended with (<see cref="ErrorKinds"/>), kept as an HTTP feature for its metrics.</summary>
/// <param name="Kind">The kind: <c>bad_request</c>, <c>not_found</c>, <c>rate_limited</c>, <c>provider_error</c>, ...</param>
internal sealed record RequestError(string Kind);
