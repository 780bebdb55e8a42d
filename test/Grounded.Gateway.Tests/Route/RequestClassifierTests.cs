using Grounded.Gateway.Config;
using Grounded.Gateway.Route;
using Grounded.Gateway.Tokens;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Route;

/// <summary>The classes clear requests fall in, the reasons given, and the cheap token estimate against the real count.</summary>
public sealed class RequestClassifierTests
{
    private static readonly RequestClassifier Classifier = new(new ModelRouteOptions { Name = "auto", Default = "small" });

    [Theory]
    [InlineData("hi, how are you today?")]
    [InlineData("What's a good name for a cat?")]
    [InlineData("Why is the sky blue?")] // one weak cue is not reasoning
    [InlineData("Any tips to improve my sleep?")] // "improve" is not "prove"
    [InlineData("What is the function of the liver?")] // one code word is not code
    public void ShortChitChatIsSimple(string prompt)
    {
        var result = Classify(prompt);

        Assert.Equal(RequestClass.Simple, result.Class);
        Assert.StartsWith("simple: ~", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AFencedBlockIsCode()
    {
        var result = Classify("What does this print?\n```python\nprint(sum(range(10)))\n```");

        Assert.Equal(RequestClass.Code, result.Class);
        Assert.Equal("code: fenced block", result.Reason);
        Assert.True(result.Features.CodeFence);
    }

    [Fact]
    public void CodeLinesWithoutAFenceAreCode()
    {
        var result = Classify("int total = 0;\nfor (var i = 0; i < n; i++) {\n    total += i;\n}\nWhat is wrong here?");

        Assert.Equal(RequestClass.Code, result.Class);
        Assert.Equal(4, result.Features.CodeLines);
    }

    [Fact]
    public void AskingForCodeInWordsIsCode()
    {
        var result = Classify("Write a Python function that reverses a linked list");

        Assert.Equal(RequestClass.Code, result.Class);
        Assert.Equal("code: words python/function", result.Reason);
    }

    [Theory]
    [InlineData("My c++ program crashes with a segfault", "c++")]
    [InlineData("Which header should I #include for printf?", "#include")]
    [InlineData("Why does console.log print undefined in my script?", "console.log")]
    public void CodeWordsWithSymbolsAreFound(string prompt, string word)
    {
        var result = Classify(prompt);

        Assert.Equal(RequestClass.Code, result.Class);
        Assert.Contains(word, result.Features.CodeWords);
    }

    [Fact]
    public void PhrasesAreFoundWhateverTheirCaseAndSeparators()
    {
        var result = Classify("Show, Step-By-Step, that a number is even if and only if its square is even.");

        Assert.Equal(RequestClass.Reasoning, result.Class);
        Assert.Equal(["step-by-step", "if and only if"], result.Features.ReasoningCues);
    }

    [Fact]
    public void TheEndOfALongMessageIsReadForCuesToo()
    {
        var prose = string.Join(" ", Enumerable.Repeat("The committee met on Tuesday and reviewed the figures.", 200)); // ~11,000 characters

        var result = Classify(prose + "\nNow fix this:\n```python\nprint(total)\n```");

        Assert.True(prose.Length > RequestClassifier.ScanLimit);
        Assert.Equal(RequestClass.Code, result.Class);
    }

    [Theory]
    [InlineData("Prove that there are infinitely many prime numbers.", "prove")]
    [InlineData("Think step by step: Alice is older than Bob, Bob is older than Carol. Who is youngest?", "step by step")]
    [InlineData("Solve for x: 3x + 5 = 20", "solve")]
    public void AProofAPuzzleOrAnEquationIsReasoning(string prompt, string cue)
    {
        var result = Classify(prompt);

        Assert.Equal(RequestClass.Reasoning, result.Class);
        Assert.Contains(cue, result.Features.ReasoningCues);
        Assert.StartsWith("reasoning: cues ", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongDocumentIsLongWhateverElseItHolds()
    {
        var document = string.Join(" ", Enumerable.Repeat("The committee reviewed the quarterly figures and asked why the margins fell.", 300));

        var result = Classify($"Summarise this report:\n{document}");

        Assert.Equal(RequestClass.Long, result.Class);
        Assert.InRange(result.Features.PromptTokens, 4001, 8000);
        Assert.Matches(@"^long: ~\d+ prompt tokens > 4000$", result.Reason);
    }

    [Theory]
    [InlineData("请用简单的语言解释一下量子计算的基本原理和它的应用。")]
    [InlineData("Расскажи мне, пожалуйста, о истории Санкт-Петербурга.")]
    [InlineData("東京でおすすめのラーメン屋さんを教えてください。")]
    public void TextInANonLatinScriptIsMultilingual(string prompt)
    {
        var result = Classify(prompt);

        Assert.Equal(RequestClass.Multilingual, result.Class);
        Assert.True(result.Features.NonLatinShare > 0.9, $"share {result.Features.NonLatinShare}");
        Assert.Matches(@"^multilingual: \d+% non-Latin letters$", result.Reason);
    }

    [Fact]
    public void AccentedLatinTextIsNotMultilingual()
    {
        var result = Classify("Pouvez-vous me recommander un café près de la gare, s'il vous plaît? Très bien, merci beaucoup.");

        Assert.Equal(RequestClass.Simple, result.Class);
        Assert.Equal(0, result.Features.NonLatinShare);
    }

    [Fact]
    public void ADeepConversationIsConversation()
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, "You are friendly.") };
        for (var i = 0; i < 7; i++)
        {
            messages.Add(new ChatMessage(ChatRole.User, $"And then what happened on day {i}?"));
            messages.Add(new ChatMessage(ChatRole.Assistant, "They went for a walk."));
        }

        messages.Add(new ChatMessage(ChatRole.User, "Nice, tell me more."));

        var result = Classifier.Classify(messages, maxOutputTokens: null);

        Assert.Equal(RequestClass.Conversation, result.Class);
        Assert.Equal(8, result.Features.UserTurns);
        Assert.Equal("conversation: 8 user turns > 6", result.Reason);
    }

    [Fact]
    public void ABigMaxTokensIsLongOutput()
    {
        var result = Classifier.Classify([new ChatMessage(ChatRole.User, "Write me a story about a lighthouse keeper.")], maxOutputTokens: 8000);

        Assert.Equal(RequestClass.LongOutput, result.Class);
        Assert.Equal("longOutput: max_tokens 8000 > 4000", result.Reason);
    }

    [Fact]
    public void TheRoutesThresholdsDecide()
    {
        var shortPrompts = new RequestClassifier(new ModelRouteOptions { Name = "short", Default = "small", LongAboveTokens = 10 });
        var shortTalks = new RequestClassifier(new ModelRouteOptions { Name = "talks", Default = "small", ConversationAboveTurns = 1 });

        Assert.Equal(RequestClass.Long, shortPrompts.Classify([new ChatMessage(ChatRole.User, "Tell me about the history of lighthouses please")], null).Class);
        Assert.Equal(RequestClass.Simple, Classify("Tell me about the history of lighthouses please").Class);
        Assert.Equal(RequestClass.Conversation, shortTalks.Classify([new ChatMessage(ChatRole.User, "hi"), new ChatMessage(ChatRole.User, "again")], null).Class);
    }

    [Theory]
    [InlineData("The committee reviewed the quarterly figures, and asked why the margins fell so sharply in the third quarter of the year.")]
    [InlineData("public static int Sum(IEnumerable<int> values) { var total = 0; foreach (var v in values) { total += v; } return total; }")]
    [InlineData("量子计算是一种利用量子力学原理进行信息处理的计算方式，它与传统计算有很大的不同。")]
    [InlineData("Санкт-Петербург был основан Петром Первым в 1703 году на берегах реки Невы.")]
    public void TheTokenEstimateIsWithinAFactorOfTwoOfTheRealCount(string text)
    {
        var messages = new List<ChatMessage> { new(ChatRole.User, string.Concat(Enumerable.Repeat(text + " ", 20))) };

        var estimate = Classifier.Classify(messages, null).Features.PromptTokens;
        var exact = new PromptTokenCounter().Count(messages);

        Assert.InRange(estimate / (double)exact, 0.5, 2.0);
    }

    private static RequestClassification Classify(string prompt) => Classifier.Classify([new ChatMessage(ChatRole.User, prompt)], maxOutputTokens: null);
}
