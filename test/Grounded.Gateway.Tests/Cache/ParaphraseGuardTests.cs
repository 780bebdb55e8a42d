using System.Diagnostics;
using Grounded.Gateway.Cache;

namespace Grounded.Gateway.Tests.Cache;

public sealed class ParaphraseGuardTests
{
    [Theory]
    [InlineData("Is ibuprofen safe during pregnancy?", "Is ibuprofen not safe during pregnancy?", "negation")]
    [InlineData("Can I take aspirin with alcohol?", "Can I take aspirin without alcohol?", "negation")]
    [InlineData("Why does my build fail on Linux?", "Why doesn't my build fail on Linux?", "negation")]
    [InlineData("Who won the 2018 World Cup?", "Who won the 2014 World Cup?", "numbers")]
    [InlineData("What is 15% of 200?", "What is 15% of 300?", "numbers")]
    [InlineData("Summarize the first chapter", "Summarize the third chapter", "numbers")]
    [InlineData("Did Alice call Bob?", "Did Bob call Alice?", "order")]
    [InlineData("Cheapest flights from Paris to London", "Cheapest flights from London to Paris", "order")]
    [InlineData("Convert 5 miles to km", "Convert 5 km to miles", "order")]
    [InlineData("Lieutenant John Gedge commissioned her in May 1805, and Lieutenant Robert Ramsey replaced him in 1806.",
        "Lieutenant Robert Ramsey commissioned her in May 1805, and Lieutenant John Gedge replaced him in 1806.", "order")]
    [InlineData("Translate hello into French", "Translate hello into Spanish", "name")]
    [InlineData("Does Python support multiple inheritance?", "Does Java support multiple inheritance?", "name")]
    [InlineData("When was the Eiffel Tower built?", "Where was the Eiffel Tower built?", "question")]
    [InlineData("What should I eat before surgery?", "What should I eat after surgery?", "opposite")]
    [InlineData("How do I reset my password?", "How do I change my password?", "changed")]
    [InlineData("how do i install numpy on windows", "how do i install numpy on mac", "changed")]
    [InlineData("what's the weather in paris today", "what's the weather in lyon today", "changed")]
    public void RejectsNearParaphrasesThatMeanSomethingElse(string first, string second, string rule)
    {
        var difference = ParaphraseGuard.FindDifference(first, second);

        Assert.Equal(rule, difference?.Rule);
        Assert.Equal(rule, ParaphraseGuard.FindDifference(second, first)?.Rule); // the order of the two texts does not matter
    }

    [Theory]
    [InlineData("How do I reset my password?", "How can I reset my password?")]
    [InlineData("How do I reset my password?", "how can i reset my password")]
    [InlineData("What's the capital of France?", "What is the capital of France?")]
    [InlineData("how to make pancakes", "How do I make pancakes?")]
    [InlineData("Explain recursion", "Explain recursion, please")]
    [InlineData("I have five cats. How many legs is that?", "I have 5 cats. How many legs is that?")]
    [InlineData("I can't log in to my account", "I cannot log in to my account")]
    [InlineData("Should children wear masks?", "Do children need to wear masks?")]
    [InlineData("Can the COVID-19 virus spread through sewerage systems?", "Can COVID-19 be transmitted through the sewage systems?")]
    public void LetsTrueRephrasingsThrough(string first, string second)
    {
        Assert.Null(ParaphraseGuard.FindDifference(first, second));
    }

    [Fact]
    public void SaysWhatDiffered()
    {
        Assert.Equal("'reset' → 'change'", ParaphraseGuard.FindDifference("How do I reset my password?", "How do I change my password?")?.Detail);
        Assert.Equal("'2018' vs '2014'", ParaphraseGuard.FindDifference("Who won the 2018 World Cup?", "Who won the 2014 World Cup?")?.Detail);
    }

    [Fact]
    public void ComparesTwoSentencesInMicroseconds()
    {
        const string first = "The medals were presented by Barbara Kendall, IOC member, New Zealand and Carlo Croce, President of World Sailing.";
        const string second = "The medals have been presented by Carlo Croce, IOC member, New Zealand, and Barbara Kendall, president of World Sailing.";
        ParaphraseGuard.FindDifference(first, second);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 2_000; i++)
        {
            ParaphraseGuard.FindDifference(first, second);
        }

        // Typically ~10 µs; the bound leaves room for a busy test machine, and fails if a comparison becomes quadratic or worse.
        Assert.InRange(clock.Elapsed.TotalMicroseconds / 2_000, 0, 500);
    }

    [Fact]
    public void ComparesLongPromptsQuickly()
    {
        var words = Enumerable.Range(0, 5_000).Select(i => $"word{i % 700}").ToList();
        var first = string.Join(' ', words);
        var second = string.Join(' ', words.Take(2_500).Reverse().Concat(words.Skip(2_500)));

        var clock = Stopwatch.StartNew();
        var difference = ParaphraseGuard.FindDifference(first, second);

        Assert.Equal("order", difference?.Rule);
        Assert.InRange(clock.Elapsed.TotalMilliseconds, 0, 1_000);
    }
}
