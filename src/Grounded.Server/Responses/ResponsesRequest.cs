using Microsoft.Extensions.AI;

namespace Grounded.Server.Responses;

/// <summary>A <c>POST /v1/responses</c> request as the gateway runs it: the model, the conversation, the options, and what the response echoes back.</summary>
/// <param name="Model">The name the request sent: a configured model, or a route (the model that serves is the context's <c>ServedBy</c>).</param>
/// <param name="Messages">The input as chat messages (instructions first).</param>
/// <param name="Options">The options of the model call, fields without a chat equivalent passed through.</param>
/// <param name="Stream">Whether the response is streamed as events.</param>
/// <param name="Echo">The request settings the response object repeats (instructions, tools, tool_choice, temperature, ...).</param>
/// <param name="User">The end user the request names (<c>user</c>), if any.</param>
internal sealed record ResponsesRequest(string Model, List<ChatMessage> Messages, ChatOptions Options, bool Stream, System.Text.Json.Nodes.JsonObject Echo, string? User = null);
