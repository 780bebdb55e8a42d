using Grounded.Gateway;
using Grounded.Gateway.Config;
using Grounded.Rag.Answer;

namespace Grounded.Cli.Commands;

/// <summary>The LLM answerer of <c>ask --model</c>: the same gateway (fallbacks, retries, circuits) and prompt as the server's /v1/ask.</summary>
internal static class ModelAnswerer
{
    /// <summary>Returns the gateway of <c>--config</c> when <c>--model</c> is given, else null.</summary>
    public static ModelGateway? OpenGateway(AskSettings settings)
    {
        if (settings.Model is null)
        {
            return null;
        }

        GatewayOptions options;
        try
        {
            options = GatewayConfigLoader.Load(settings.Config!);
        }
        catch (GatewayConfigException e)
        {
            throw new UserInputException(e.Message);
        }

        if (options.Find(settings.Model) is null)
        {
            throw new UserInputException($"unknown model '{settings.Model}'; {settings.Config} defines: {string.Join(", ", options.Models.Select(m => m.Name))}");
        }

        return new ModelGateway(options);
    }

    public static ChatAnswerGenerator Create(ModelGateway gateway, string model) => new(gateway.GetChatClient(model)!, model);
}
