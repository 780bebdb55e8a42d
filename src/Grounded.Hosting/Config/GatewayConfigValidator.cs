using System.Security.Cryptography;
using System.Text;
using Grounded.Gateway.Config;
using Grounded.Gateway.Providers;

namespace Grounded.Hosting.Config;

/// <summary>Turns the document into options, adding every problem it finds to one list instead of stopping at the first.</summary>
internal static class GatewayConfigValidator
{
    public static GatewayOptions? Validate(ConfigDocument d, List<string> problems)
    {
        // No models is valid: the server then answers /v1/ask, embeddings and documents, and no chat route.
        var models = new List<ModelOptions>();
        for (var i = 0; i < d.Models.Count; i++)
        {
            var model = ValidateModel(d.Models[i], $"models[{i}]", problems);
            if (model is not null)
            {
                models.Add(model);
            }
        }

        foreach (var duplicate in d.Models.GroupBy(m => m.Name).Where(g => g.Key is not null && g.Count() > 1))
        {
            problems.Add($"models: the name '{duplicate.Key}' is used {duplicate.Count()} times");
        }

        var names = d.Models.Select(m => m.Name).OfType<string>().ToHashSet();
        ValidateFallbacks(d.Fallbacks, names, problems);
        var routes = RouteConfig.Validate(d, models, problems);
        var resilience = ValidateResilience(d.Resilience, problems);
        if (d.Server.MaxRequestBodyBytes is <= 0)
        {
            problems.Add($"server.maxRequestBodyBytes must be positive (got {d.Server.MaxRequestBodyBytes})");
        }

        if (d.Server.MaxUploadBytes is <= 0)
        {
            problems.Add($"server.maxUploadBytes must be positive (got {d.Server.MaxUploadBytes})");
        }

        if (d.Auth.Keys.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("auth.keys: a key is empty");
        }

        foreach (var key in d.Auth.Keys.Where(k => k is not null && k.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase)))
        {
            var hex = key["sha256:".Length..].Trim();
            if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            {
                problems.Add("auth.keys: a sha256: entry must be 64 hexadecimal digits (printf %s KEY | sha256sum)");
            }
        }

        return problems.Count > 0 ? null : new GatewayOptions
        {
            Models = models,
            Fallbacks = d.Fallbacks.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToList()),
            Routes = routes,
            Resilience = resilience,
            ApiKeyHashes = d.Auth.Keys.Select(HashKey).ToList(),
            MaxRequestBodyBytes = d.Server.MaxRequestBodyBytes ?? 1 << 20,
            MaxUploadBytes = d.Server.MaxUploadBytes ?? 32 << 20,
            LogPrompts = d.Server.LogPrompts ?? false,
        };
    }

    /// <summary>Returns the hex SHA-256 of a key; an entry written as <c>sha256:HEX</c> is already a hash.</summary>
    public static string HashKey(string key) =>
        key.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase)
            ? key["sha256:".Length..].Trim().ToLowerInvariant()
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    private static ModelOptions? ValidateModel(ModelDocument m, string at, List<string> problems)
    {
        var before = problems.Count;
        var label = m.Name is { Length: > 0 } ? $"models.{m.Name}" : at;
        if (string.IsNullOrWhiteSpace(m.Name))
        {
            problems.Add($"{at}: name is required");
        }

        var provider = m.Provider?.Trim().ToLowerInvariant();
        var registered = ProviderRegistry.Default.Find(provider);
        if (registered is null)
        {
            problems.Add($"{label}: unknown provider '{m.Provider}' (expected {string.Join(" or ", ProviderRegistry.Default.Names)})");
        }

        Uri? endpoint = null;
        if (string.IsNullOrWhiteSpace(m.Endpoint))
        {
            if (registered?.RequiresEndpoint != false)
            {
                problems.Add($"{label}: endpoint is required");
            }
        }
        else if (!Uri.TryCreate(m.Endpoint, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            problems.Add($"{label}: endpoint '{m.Endpoint}' is not an http(s) URL");
        }

        if (string.IsNullOrWhiteSpace(m.Model))
        {
            problems.Add($"{label}: model (the provider's model id) is required");
        }

        if (m.ContextWindow is not > 0)
        {
            problems.Add($"{label}: contextWindow must be a positive number of tokens (got {m.ContextWindow?.ToString() ?? "nothing"})");
        }

        if (m.MaxOutputTokens is not > 0)
        {
            problems.Add($"{label}: maxOutputTokens must be a positive number of tokens (got {m.MaxOutputTokens?.ToString() ?? "nothing"})");
        }
        else if (m.ContextWindow > 0 && m.MaxOutputTokens > m.ContextWindow)
        {
            problems.Add($"{label}: maxOutputTokens ({m.MaxOutputTokens}) exceeds contextWindow ({m.ContextWindow})");
        }

        var price = ModelPrices.Resolve(m.Price, m.Model, label, problems);
        if (m.ContextBudget is { } budget && (budget < 1 || (m.ContextWindow > 0 && budget >= m.ContextWindow)))
        {
            problems.Add($"{label}: contextBudget must be between 1 and the context window ({m.ContextWindow}) tokens (got {budget})");
        }


        if (m.Encoding is not null && m.Encoding != "o200k_base")
        {
            problems.Add($"{label}: encoding '{m.Encoding}' is not available (o200k_base is)");
        }

        return problems.Count > before ? null : new ModelOptions
        {
            Name = m.Name!,
            Provider = provider!,
            Endpoint = endpoint,
            ProviderModel = m.Model!,
            ApiKeyEnv = m.ApiKeyEnv,
            ContextWindow = m.ContextWindow!.Value,
            MaxOutputTokens = m.MaxOutputTokens!.Value,
            InputPerMTok = price.InputPerMTok,
            OutputPerMTok = price.OutputPerMTok,
            CachedInputPerMTok = price.CachedInputPerMTok,
            PriceSource = price.Source,
            ContextBudget = m.ContextBudget,
        };
    }

    private static void ValidateFallbacks(Dictionary<string, List<string>> fallbacks, HashSet<string> names, List<string> problems)
    {
        foreach (var (from, targets) in fallbacks)
        {
            if (!names.Contains(from))
            {
                problems.Add($"fallbacks: '{from}' is not a configured model");
            }

            foreach (var to in targets.Where(t => !names.Contains(t)))
            {
                problems.Add($"fallbacks.{from}: falls back to '{to}', which is not a configured model");
            }
        }

        var cycle = FindCycle(fallbacks);
        if (cycle is not null)
        {
            problems.Add($"fallbacks: cycle {string.Join(" -> ", cycle)}");
        }
    }

    private static List<string>? FindCycle(Dictionary<string, List<string>> edges)
    {
        var state = new Dictionary<string, int>(); // 1 = on the current path, 2 = done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 1)
            {
                return [.. path[path.IndexOf(node)..], node];
            }

            if (state.GetValueOrDefault(node) == 2)
            {
                return null;
            }

            state[node] = 1;
            path.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        return edges.Keys.Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static ResilienceOptions ValidateResilience(ResilienceDocument r, List<string> problems)
    {
        var defaults = new ResilienceOptions();
        TimeSpan Duration(string? text, TimeSpan fallback, string name)
        {
            if (text is null)
            {
                return fallback;
            }

            if (Durations.TryParse(text, out var value) && value > TimeSpan.Zero)
            {
                return value;
            }

            problems.Add($"resilience.{name}: '{text}' is not a positive duration (write 500ms, 1s, 2m or 1h)");
            return fallback;
        }

        var options = new ResilienceOptions
        {
            MaxAttempts = r.Retry.MaxAttempts ?? defaults.MaxAttempts,
            BaseDelay = Duration(r.Retry.BaseDelay, defaults.BaseDelay, "retry.baseDelay"),
            MaxDelay = Duration(r.Retry.MaxDelay, defaults.MaxDelay, "retry.maxDelay"),
            Jitter = r.Retry.Jitter ?? defaults.Jitter,
            FailureThreshold = r.CircuitBreaker.FailureThreshold ?? defaults.FailureThreshold,
            BreakDuration = Duration(r.CircuitBreaker.BreakDuration, defaults.BreakDuration, "circuitBreaker.breakDuration"),
            AttemptTimeout = Duration(r.AttemptTimeout, defaults.AttemptTimeout, "attemptTimeout"),
            TotalTimeout = Duration(r.TotalTimeout, defaults.TotalTimeout, "totalTimeout"),
        };
        if (options.MaxAttempts is < 1 or > 100)
        {
            problems.Add($"resilience.retry.maxAttempts must be between 1 and 100 (got {options.MaxAttempts})");
        }

        if (options.BaseDelay > options.MaxDelay)
        {
            problems.Add($"resilience.retry.baseDelay ({options.BaseDelay}) exceeds maxDelay ({options.MaxDelay})");
        }

        if (options.Jitter is < 0 or > 1)
        {
            problems.Add($"resilience.retry.jitter must be between 0 and 1 (got {options.Jitter})");
        }

        if (options.FailureThreshold < 1)
        {
            problems.Add($"resilience.circuitBreaker.failureThreshold must be at least 1 (got {options.FailureThreshold})");
        }

        return options;
    }
}
