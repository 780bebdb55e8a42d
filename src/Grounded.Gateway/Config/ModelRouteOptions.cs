using Grounded.Gateway.Route;

namespace Grounded.Gateway.Config;

/// <summary>
/// A route: a name clients send instead of a model's (<c>auto</c>), whose rules pick a model per request from the
/// request's class (<see cref="RequestClass"/>), decided locally by <see cref="RequestClassifier"/> without a model call.
/// </summary>
public sealed record ModelRouteOptions
{
    /// <summary>Gets the name clients send; it must not be a model's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets, per class, the configured model that serves it; a class not listed goes to <see cref="Default"/>.</summary>
    public IReadOnlyDictionary<RequestClass, string> Classes { get; init; } = new Dictionary<RequestClass, string>();

    /// <summary>Gets the model that serves the classes <see cref="Classes"/> does not list.</summary>
    public required string Default { get; init; }

    /// <summary>Gets the estimated prompt size above which a request is <see cref="RequestClass.Long"/>.</summary>
    /// <value>The default is 4,000 tokens.</value>
    public int LongAboveTokens { get; init; } = 4000;

    /// <summary>Gets the requested output size (<c>max_tokens</c>) above which a request is <see cref="RequestClass.LongOutput"/>.</summary>
    /// <value>The default is 4,000 tokens.</value>
    public int LongOutputAboveTokens { get; init; } = 4000;

    /// <summary>Gets the number of user turns above which a request is <see cref="RequestClass.Conversation"/>.</summary>
    /// <value>The default is 6.</value>
    public int ConversationAboveTurns { get; init; } = 6;

    /// <summary>Gets the share of the last user message's letters outside the Latin script above which a request is <see cref="RequestClass.Multilingual"/>.</summary>
    /// <value>The default is 0.3.</value>
    public double MultilingualAboveShare { get; init; } = 0.3;

    /// <summary>Returns the model that serves <paramref name="requestClass"/>.</summary>
    public string ModelFor(RequestClass requestClass) => Classes.GetValueOrDefault(requestClass, Default);

    /// <summary>Returns every model the route can choose, without repeats: the default first, then the classes' in class order.</summary>
    public IReadOnlyList<string> Models() =>
        [.. new[] { Default }.Concat(Enum.GetValues<RequestClass>().Where(Classes.ContainsKey).Select(c => Classes[c])).Distinct(StringComparer.Ordinal)];
}
