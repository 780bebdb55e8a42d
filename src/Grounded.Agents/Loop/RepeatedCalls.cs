using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Loop;

/// <summary>Counts calls by tool and arguments (key order and spacing ignored): the same call asked for too often is a loop.</summary>
internal static class RepeatedCalls
{
    /// <summary>Returns the call's signature: its name and its arguments as canonical JSON.</summary>
    public static string Signature(FunctionCallContent call)
    {
        var arguments = call.Arguments is null ? "{}" : JsonSerializer.Serialize(new SortedDictionary<string, object?>(call.Arguments, StringComparer.Ordinal), AIJsonUtilities.DefaultOptions);
        return call.Name + " " + arguments;
    }

    /// <summary>Returns how many times the run already asked for <paramref name="call"/> (before this time).</summary>
    public static int Count(IEnumerable<ChatMessage> messages, FunctionCallContent call)
    {
        var signature = Signature(call);
        return messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Count(c => !ReferenceEquals(c, call) && Signature(c) == signature);
    }
}
