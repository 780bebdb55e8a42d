using Grounded.Access;
using Grounded.Gateway.Guard;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Support;

/// <summary>The guard decorators over a fake provider, as the gateway stacks them: input guards outside, output guards inside.</summary>
internal sealed class Guarded
{
    public Guarded(IChatClient provider, GuardPolicy policy, IReadOnlyDictionary<string, GuardPolicy>? overrides = null)
    {
        var dependencies = new GuardDependencies(Pii, Injection, Embedder) { Audit = Audit.Add };
        var pipelines = new GuardPipelines(new GuardOptions { Default = policy, Overrides = overrides ?? new Dictionary<string, GuardPolicy>() }, dependencies);
        var recorder = new GuardRecorder(dependencies.Audit, TimeProvider.System);
        Client = new InputGuardChatClient(new OutputGuardChatClient(provider, pipelines, recorder), pipelines, recorder);
    }

    public FakePiiDetector Pii { get; } = new();

    public FakeInjectionDetector Injection { get; } = new();

    public BagOfWordsEmbedder Embedder { get; } = new();

    public List<AuditEntry> Audit { get; } = [];

    public IChatClient Client { get; }
}
