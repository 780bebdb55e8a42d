using System.Text;

namespace Grounded.Agents.Tools.OpenApi;

/// <summary>Turns operation ids into tool names the providers accept: snake_case, <c>[a-z0-9_]</c>, at most 64 characters.</summary>
internal static class OperationNames
{
    public const int MaxLength = 64;

    /// <summary>Converts <paramref name="operationId"/> to snake_case (<c>getOrder</c> → <c>get_order</c>, <c>HTTPStatus</c> → <c>http_status</c>).</summary>
    public static string ToToolName(string operationId)
    {
        var name = new StringBuilder(operationId.Length + 8);
        for (var i = 0; i < operationId.Length; i++)
        {
            var c = operationId[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                name.Append('_');
                continue;
            }

            if (char.IsAsciiLetterUpper(c) && i > 0 && StartsWord(operationId, i))
            {
                name.Append('_');
            }

            name.Append(char.ToLowerInvariant(c));
        }

        var collapsed = Collapse(name.ToString());
        if (collapsed.Length > MaxLength)
        {
            collapsed = collapsed[..MaxLength].TrimEnd('_');
        }

        return collapsed.Length == 0 ? "operation" : collapsed;
    }

    /// <summary>Makes an id for an operation without one, from its method and path (<c>GET /orders/{id}</c> → <c>get_orders_id</c>).</summary>
    public static string FromMethodAndPath(string method, string path) => ToToolName(method.ToLowerInvariant() + "_" + path);

    // An upper-case letter starts a word after a lower-case letter or digit (getOrder), or when it is the last
    // capital of an acronym followed by a lower-case letter (HTTPStatus → http_status).
    private static bool StartsWord(string id, int i)
    {
        var previous = id[i - 1];
        if (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous))
        {
            return true;
        }

        return char.IsAsciiLetterUpper(previous) && i + 1 < id.Length && char.IsAsciiLetterLower(id[i + 1]);
    }

    private static string Collapse(string name)
    {
        var result = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c == '_' && (result.Length == 0 || result[^1] == '_'))
            {
                continue;
            }

            result.Append(c);
        }

        return result.ToString().TrimEnd('_');
    }
}
