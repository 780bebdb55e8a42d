using Grounded.Gateway.Config;
using Grounded.Gateway.Route;

namespace Grounded.Hosting.Config;

/// <summary>
/// Reads <c>routes:</c>, names clients may send instead of a model, each mapping request classes to configured models.
/// With models and no route or model named <c>auto</c>, a built-in <c>auto</c> sends code, reasoning, long prompts and
/// long answers to the most expensive model and everything else to the cheapest (by input plus output price; on a tie,
/// the first in the file).
/// </summary>
internal static class RouteConfig
{
    public const string Auto = "auto";

    private static readonly RequestClass[] Demanding = [RequestClass.Code, RequestClass.Reasoning, RequestClass.Long, RequestClass.LongOutput];

    public static IReadOnlyList<ModelRouteOptions> Validate(ConfigDocument d, IReadOnlyList<ModelOptions> models, List<string> problems)
    {
        var names = d.Models.Select(m => m.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var routes = new List<ModelRouteOptions>();
        foreach (var (name, route) in d.Routes)
        {
            if (Validate(name, route ?? new RouteDocument(), names, problems) is { } valid)
            {
                routes.Add(valid);
            }
        }

        if (models.Count > 0 && !d.Routes.ContainsKey(Auto) && !names.Contains(Auto))
        {
            routes.Add(BuiltInAuto(models));
        }

        return routes;
    }

    private static ModelRouteOptions? Validate(string name, RouteDocument r, HashSet<string> models, List<string> problems)
    {
        var before = problems.Count;
        var at = $"routes.{name}";
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add("routes: a route's name is empty");
        }
        else if (models.Contains(name))
        {
            problems.Add($"{at}: '{name}' is a model's name; a route needs a name of its own");
        }

        var classes = new Dictionary<RequestClass, string>();
        foreach (var (key, model) in r.Classes)
        {
            if (RequestClasses.Parse(key) is not { } requestClass)
            {
                problems.Add($"{at}.classes: '{key}' is not a class (expected {string.Join(", ", RequestClasses.All.Select(RequestClasses.Name))})");
            }
            else if (Known(model, $"{at}.classes.{key}", models, problems))
            {
                classes[requestClass] = model!;
            }
        }

        var fallback = r.Default;
        if (fallback is null && RequestClasses.All.All(classes.ContainsKey))
        {
            fallback = classes[RequestClass.Simple];
        }
        else if (fallback is null)
        {
            problems.Add($"{at}: default is required (the model for the classes not listed: {string.Join(", ", RequestClasses.All.Where(c => !classes.ContainsKey(c)).Select(RequestClasses.Name))})");
        }
        else
        {
            Known(fallback, $"{at}.default", models, problems);
        }

        var defaults = new ModelRouteOptions { Name = name, Default = string.Empty };
        var options = defaults with
        {
            Classes = classes,
            Default = fallback ?? string.Empty,
            LongAboveTokens = Positive(r.LongAboveTokens, defaults.LongAboveTokens, $"{at}.longAboveTokens", problems),
            LongOutputAboveTokens = Positive(r.LongOutputAboveTokens, defaults.LongOutputAboveTokens, $"{at}.longOutputAboveTokens", problems),
            ConversationAboveTurns = Positive(r.ConversationAboveTurns, defaults.ConversationAboveTurns, $"{at}.conversationAboveTurns", problems),
            MultilingualAboveShare = r.MultilingualAboveShare ?? defaults.MultilingualAboveShare,
        };
        if (options.MultilingualAboveShare is < 0 or >= 1 || double.IsNaN(options.MultilingualAboveShare))
        {
            problems.Add($"{at}.multilingualAboveShare must be at least 0 and below 1 (got {options.MultilingualAboveShare})");
        }

        return problems.Count > before ? null : options;
    }

    private static ModelRouteOptions BuiltInAuto(IReadOnlyList<ModelOptions> models)
    {
        static double Price(ModelOptions m) => m.InputPerMTok + m.OutputPerMTok;
        var cheapest = models.OrderBy(Price).First().Name;
        var dearest = models.OrderByDescending(Price).First().Name;
        return new ModelRouteOptions { Name = Auto, Default = cheapest, Classes = Demanding.ToDictionary(c => c, _ => dearest) };
    }

    private static bool Known(string? model, string at, HashSet<string> models, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            problems.Add($"{at}: a model name is required");
            return false;
        }

        if (!models.Contains(model))
        {
            problems.Add($"{at}: '{model}' is not a configured model");
            return false;
        }

        return true;
    }

    private static int Positive(int? value, int fallback, string at, List<string> problems)
    {
        if (value is <= 0)
        {
            problems.Add($"{at} must be positive (got {value})");
        }

        return value ?? fallback;
    }
}
