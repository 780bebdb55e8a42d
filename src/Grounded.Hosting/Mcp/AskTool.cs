using System.Globalization;
using System.Text;
using System.Text.Json;
using Grounded.Access;
using Grounded.Answers;
using Grounded.Gateway.Context;
using Grounded.Hosting.Ask;
using ModelContextProtocol.Protocol;

namespace Grounded.Hosting.Mcp;

/// <summary><c>ask</c>: a grounded answer with <c>[n]</c> citations and its sources listed, or the abstention message.</summary>
internal sealed class AskTool(GroundedStack stack, CallerIdentity caller, Func<CancellationToken, Task>? prepare, TimeProvider time) : GroundedTool(stack, caller, prepare)
{
    public const string Name = "ask";

    public override Tool ProtocolTool { get; } = Describe(Name, "Ask the documents",
        "Answer a question from the indexed documents only, citing them as [n], or abstain when they do not hold the answer.",
        McpArguments.Schema("question", "The question to answer from the documents."));

    protected override async Task<CallToolResult> CallAsync(IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken)
    {
        var request = new AskRequest { Question = McpArguments.Text(arguments, "question"), TopK = McpArguments.TopK(arguments) };
        var context = new GatewayContext("mcp") { Identity = Caller };
        var started = time.GetTimestamp();
        var status = 500;
        GroundedAnswer answer;
        try
        {
            answer = await Stack.AskAsync(request, context, cancellationToken).ConfigureAwait(false);
            status = 200;
        }
        finally
        {
            // A question a model answers is accounted like one /v1/ask answers: a row in the usage ledger.
            Stack.RecordUsage(context, cancellationToken.IsCancellationRequested ? 499 : status, time.GetElapsedTime(started));
        }

        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = Text(answer) }],
            StructuredContent = JsonSerializer.SerializeToElement(new { answer.Answer, answer.Abstained, answer.Citations }, McpJson.Options),
        };
    }

    private static string Text(GroundedAnswer answer)
    {
        var text = new StringBuilder(answer.Answer.Trim());
        if (answer.Citations.Count > 0)
        {
            text.Append("\n\nSources:");
            foreach (var c in answer.Citations)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n[{c.N}] {c.Source} (score {c.Score:0.0000})");
            }
        }

        return text.ToString();
    }
}
