namespace Grounded.Gateway.Route;

/// <summary>What a route chose for one request, and why.</summary>
/// <param name="Route">The route's name (<c>auto</c>).</param>
/// <param name="Class">The request's class.</param>
/// <param name="Model">The configured model chosen to serve it.</param>
/// <param name="Reason">Why, in a few ASCII words (<c>code: fenced block</c>).</param>
/// <param name="Features">What the classifier read from the request.</param>
public sealed record RouteDecision(string Route, RequestClass Class, string Model, string Reason, RequestFeatures Features);
