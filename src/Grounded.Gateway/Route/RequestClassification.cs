namespace Grounded.Gateway.Route;

/// <summary>A request's class, the short reason for it (<c>code: fenced block</c>), and the features it was read from.</summary>
/// <param name="Class">The class that won.</param>
/// <param name="Reason">Why, in a few ASCII words.</param>
/// <param name="Features">What the classifier read from the request.</param>
public sealed record RequestClassification(RequestClass Class, string Reason, RequestFeatures Features);
