using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using Grounded.Chunks;
using Grounded.Cli.Output;
using Grounded.Evaluation.Synthetic;
using Grounded.Gateway.Failures;
using Grounded.Hosting;
using Microsoft.Extensions.AI;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded eval generate --store DIR --count N</c>: drafts an evaluation set from the store's indexed chunks.</summary>
[Description("Draft question/answer/source items from the store's chunks (templates, or a model with --model), in the eval dataset format")]
internal sealed class EvalGenerateCommand : GroundedCommand<EvalGenerateSettings>
{
    private static readonly JsonSerializerOptions Line = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    protected override async Task<int> RunAsync(EvalGenerateSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings, o => o with { QueryLog = false });
        var drafter = Drafter(stack, settings);
        var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
        var documents = await rag.Store.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        if (documents.Count == 0)
        {
            throw new UserInputException($"the store '{rag.Store.Location}' holds no documents: ingest some first (grounded ingest DIR --store ...)");
        }

        var chunks = new List<IReadOnlyList<StoredChunk>>(documents.Count);
        foreach (var document in documents)
        {
            chunks.Add(await rag.Store.GetChunksAsync(document.Id, cancellationToken).ConfigureAwait(false));
        }

        var generator = new SyntheticGenerator(drafter is null ? null : drafter.DraftAsync);
        var items = await QueryProgress.RunAsync("drafting questions", settings.Count,
            progress => generator.GenerateAsync(chunks, settings.Count, settings.Seed, progress, cancellationToken)).ConfigureAwait(false);
        var lines = items.Select(i => JsonSerializer.Serialize(i, Line)).ToList();
        var fromDocuments = items.Select(i => i.Sources[0]).Distinct(StringComparer.Ordinal).Count();
        if (settings.Out is { } path)
        {
            await File.WriteAllLinesAsync(path, lines, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            foreach (var line in lines)
            {
                Console.Out.WriteLine(line);
            }
        }

        if (settings.Json)
        {
            JsonOutput.Write(new { written = items.Count, file = settings.Out, documents = fromDocuments });
        }
        else
        {
            var model = items.Count(i => i.Tags.Contains(SyntheticItem.ModelTag));
            Console.Error.WriteLine($"drafted {items.Count} items from {fromDocuments} of {documents.Count} documents{(settings.Model is null ? string.Empty : $" ({model} by {settings.Model}, {items.Count - model} by templates)")}"
                + (settings.Out is null ? string.Empty : $" into {settings.Out}") + (items.Count < settings.Count ? $"; the store's chunks gave no more than {items.Count}" : string.Empty));
        }

        return ExitCodes.Success;
    }

    private static ModelQuestionDrafter? Drafter(GroundedStack stack, EvalGenerateSettings settings)
    {
        if (settings.Model is not { } model)
        {
            return null;
        }

        if (stack.Gateway.Options.Find(model) is null && !stack.Gateway.Routes.IsRoute(model))
        {
            throw InvalidRequestException.UnknownModel(model, stack.Gateway.Options.Names);
        }

        return new ModelQuestionDrafter(stack.Gateway.Client, new ChatOptions { ModelId = model, Temperature = 0.2f, Seed = settings.Seed, MaxOutputTokens = 300 });
    }
}
