namespace Grounded.Usage;

/// <summary>How a usage report groups the ledger's rows.</summary>
public enum UsageGrouping
{
    /// <summary>By the model that served (the cache when none did).</summary>
    Model,

    /// <summary>By API key.</summary>
    Key,

    /// <summary>By UTC day.</summary>
    Day,

    /// <summary>By tenant.</summary>
    Tenant,

    /// <summary>By end user (OpenAI's <c>user</c> field).</summary>
    User,

    /// <summary>By endpoint (chat, responses, ask, embeddings).</summary>
    Endpoint,

    /// <summary>By the route's class (requests a route chose a model for).</summary>
    Class,

    /// <summary>By cache outcome.</summary>
    Cache,

    /// <summary>By managed prompt.</summary>
    Prompt,
}
