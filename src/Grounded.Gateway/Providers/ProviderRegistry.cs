using Grounded.Gateway.Providers.Anthropic;
using Grounded.Gateway.Providers.OpenAi;

namespace Grounded.Gateway.Providers;

/// <summary>The providers a configuration may name, by name: adding one is one <see cref="IChatProvider"/> file and one line here.</summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<string, IChatProvider> _providers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a registry of the given providers.</summary>
    public ProviderRegistry(IEnumerable<IChatProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        foreach (var provider in providers)
        {
            _providers[provider.Name] = provider;
        }
    }

    /// <summary>Gets the providers Grounded ships: any OpenAI-compatible server (OpenAI, Ollama, vLLM, ...) and Anthropic.</summary>
    public static ProviderRegistry Default { get; } = new([new OpenAiProvider(), new AnthropicProvider()]);

    /// <summary>Gets the registered names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _providers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Returns the provider named <paramref name="name"/>, or null.</summary>
    public IChatProvider? Find(string? name) => name is not null && _providers.TryGetValue(name, out var provider) ? provider : null;
}
