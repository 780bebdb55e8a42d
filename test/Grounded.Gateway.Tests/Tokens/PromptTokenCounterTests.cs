using Grounded.Gateway.Tokens;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Tokens;

public sealed class PromptTokenCounterTests
{
    private readonly PromptTokenCounter _counter = new();

    [Theory]
    [InlineData("hello")]
    [InlineData("Summarise in one sentence why a gateway between applications and model providers is useful.")]
    [InlineData("日本語のテキストと絵文字 🎉🎉 mixed with English words and numbers 1234567890")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void TheUpperBoundIsNeverBelowTheCount(string text)
    {
        ChatMessage[] messages = [new(ChatRole.System, "You are terse."), new(ChatRole.User, text)];

        Assert.InRange(_counter.Count(messages), 1, _counter.UpperBound(messages));
    }

    [Fact]
    public void CountsLikeOpenAiTextPlusThreeTokensPerMessageAndThreeForTheReply()
    {
        // "hello" is one o200k token, "user" is one: 3 (reply) + 3 (message) + 1 + 1.
        Assert.Equal(8, _counter.Count([new ChatMessage(ChatRole.User, "hello")]));
    }
}
