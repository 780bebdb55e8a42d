using System.Security.Cryptography;
using Grounded.Access;
using Grounded.Answers;
using Grounded.Feedback;
using Grounded.Gateway.Context;

namespace Grounded.Hosting.Feedback;

/// <summary>Answer ids, and the receipts and feedback rows made from answers.</summary>
public static class AnswerReceipts
{
    /// <summary>The endpoint name of <c>POST /v1/ask</c> and <c>grounded ask</c>.</summary>
    public const string AskEndpoint = "ask";

    /// <summary>Returns a new answer id: <c>ans_</c> and 24 hex digits.</summary>
    public static string NewId() => "ans_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>Returns the receipt of <paramref name="answer"/>, answered in <paramref name="context"/> (the local caller when null).</summary>
    public static ResponseReceipt Of(GroundedAnswer answer, GatewayContext? context)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new ResponseReceipt(answer.Id ?? NewId(), context?.Tenant ?? Tenants.Default, AskEndpoint)
        {
            KeyId = context?.Caller,
            PromptId = context?.PromptId,
            Model = context?.ServedBy ?? answer.Generator,
            Question = context?.SentQuestion ?? answer.Question,
            Answer = answer.Answer,
            Sources = [.. answer.Citations.Select(c => c.Source).Distinct(StringComparer.Ordinal)], // sources as eval run matches them (paths), not document hashes
            Abstained = answer.Abstained,
        };
    }

    /// <summary>Returns the feedback row a rating of <paramref name="receipt"/>'s response makes.</summary>
    public static FeedbackRecord Feedback(ResponseReceipt receipt, DateTimeOffset at, string rating, string? comment, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new FeedbackRecord(at, receipt.Id, receipt.Tenant, rating)
        {
            KeyId = keyId ?? receipt.KeyId,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment,
            Endpoint = receipt.Endpoint,
            PromptId = receipt.PromptId,
            Model = receipt.Model,
            Question = receipt.Question,
            Answer = receipt.Answer,
            Sources = receipt.Sources,
            Abstained = receipt.Abstained,
        };
    }
}
