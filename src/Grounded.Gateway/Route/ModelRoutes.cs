using Grounded.Gateway.Config;
using Grounded.Gateway.Tokens;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Route;

/// <summary>
/// The configured routes, ready to decide: a request naming a route gets the model its class maps to, or, when that
/// model's context window or output limit cannot take the request, the cheapest of the route's models that can. The same
/// decision is made wherever a route name is accepted (the route stage, request checks, <c>grounded route explain</c>).
/// </summary>
public sealed class ModelRoutes
{
    private readonly Dictionary<string, (ModelRouteOptions Options, RequestClassifier Classifier)> _routes;
    private readonly Dictionary<string, ModelOptions> _models;
    private readonly PromptTokenCounter _tokens = new();

    /// <summary>Prepares the routes of <paramref name="options"/>; each route's models must be among its models.</summary>
    public ModelRoutes(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _models = options.Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        _routes = options.Routes.ToDictionary(r => r.Name, r => (r, new RequestClassifier(r)), StringComparer.Ordinal);
        foreach (var (route, model) in options.Routes.SelectMany(r => r.Models().Select(m => (r.Name, m))).Where(p => !_models.ContainsKey(p.m)))
        {
            throw new ArgumentException($"route '{route}' names the model '{model}', which is not configured", nameof(options));
        }
    }

    /// <summary>Gets whether no route is configured.</summary>
    public bool IsEmpty => _routes.Count == 0;

    /// <summary>Returns whether <paramref name="name"/> is a route's name.</summary>
    public bool IsRoute(string? name) => name is not null && _routes.ContainsKey(name);

    /// <summary>Returns the decision of the route named <paramref name="name"/> for a request, or null when no route has that name.</summary>
    /// <param name="name">The name the request sent as its model.</param>
    /// <param name="messages">The request's messages.</param>
    /// <param name="maxOutputTokens">The answer size the request asked for, if it did.</param>
    public RouteDecision? Decide(string? name, IEnumerable<ChatMessage> messages, int? maxOutputTokens)
    {
        if (name is null || !_routes.TryGetValue(name, out var route))
        {
            return null;
        }

        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var classified = route.Classifier.Classify(list, maxOutputTokens);
        var chosen = _models[route.Options.ModelFor(classified.Class)];
        var reason = classified.Reason;
        var fit = new Fit(_tokens, list, maxOutputTokens);
        if (!fit.Takes(chosen))
        {
            var candidates = route.Options.Models().Select(m => _models[m]).ToList();
            var other = candidates.Where(fit.Takes).OrderBy(m => m.InputPerMTok + m.OutputPerMTok).FirstOrDefault()
                ?? candidates.OrderByDescending(m => m.ContextWindow).ThenByDescending(m => m.MaxOutputTokens).First();
            if (other != chosen)
            {
                reason += $", too big for {chosen.Name}: {other.Name}";
                chosen = other;
            }
        }

        return new RouteDecision(name, classified.Class, chosen.Name, reason, classified.Features);
    }

    // Whether a model can take the request: its output limit, and its window (a byte count bounds the prompt's tokens:
    // the prompt is tokenized, once, only when that bound is too big).
    private sealed class Fit(PromptTokenCounter tokens, IList<ChatMessage> messages, int? maxOutputTokens)
    {
        private int? _bound;
        private int? _exact;

        public bool Takes(ModelOptions model)
        {
            var output = maxOutputTokens ?? 0;
            if (output > model.MaxOutputTokens)
            {
                return false;
            }

            _bound ??= tokens.UpperBound(messages);
            return _bound + output <= model.ContextWindow || (_exact ??= tokens.Count(messages)) + output <= model.ContextWindow;
        }
    }
}
