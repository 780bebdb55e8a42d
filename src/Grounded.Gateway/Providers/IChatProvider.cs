using Grounded.Gateway.Config;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Providers;

/// <summary>A kind of model provider the configuration can name (<c>provider: openai</c>): it makes the raw chat client of a model.</summary>
public interface IChatProvider
{
    /// <summary>Gets the name the configuration uses, lower case.</summary>
    string Name { get; }

    /// <summary>Gets whether a model of this provider needs an <c>endpoint</c> (false when the provider has a default one).</summary>
    bool RequiresEndpoint { get; }

    /// <summary>
    /// Returns the model's raw client: the provider's official SDK with its own retries off (the gateway retries), which
    /// throws <see cref="ProviderErrorException"/> for the provider's error answers and refuses, with a
    /// <see cref="Failures.InvalidRequestException"/>, request fields it cannot honour.
    /// </summary>
    IChatClient Create(ModelOptions model, ProviderSettings settings);
}
