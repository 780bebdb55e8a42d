using Grounded.Gateway.Tokens;

namespace Grounded.Gateway.Tests.Tokens;

public sealed class ScriptTallyTests
{
    private const string English = "The quick brown fox jumps over the lazy dog, and the dog does not mind at all.";
    private const string Chinese = "敏捷的棕色狐狸跳过了那只懒狗，而那只狗一点也不在意。";
    private const string Russian = "Быстрая коричневая лиса перепрыгивает через ленивую собаку, а собака совсем не возражает.";

    [Fact]
    public void EveryTokenOfTheTextIsCountedOnce()
    {
        var text = $"{English}\n\n{Chinese}\n\n{Russian} 42 🎉";
        var tally = new ScriptTally();

        tally.Add(text);

        Assert.Equal(new PromptTokenCounter().Count(text), tally.Tokens);
        Assert.Equal(tally.Tokens, tally.Scripts.Sum(s => s.Tokens));
    }

    [Fact]
    public void WordsAreLetterRunsExceptInCjkWhereEachCharacterIsOne()
    {
        var tally = new ScriptTally();

        tally.Add("Don't stop state-of-the-art work — 2024 was 'fine'. 日本語 Привет, мир!");

        var counts = tally.Scripts.ToDictionary(s => s.Script);
        Assert.Equal(6, counts[WritingScript.Latin].Words); // don't, stop, state-of-the-art, work, was, fine: not 2024, not the dash
        Assert.Equal(3, counts[WritingScript.Cjk].Words);
        Assert.Equal(2, counts[WritingScript.Cyrillic].Words);
    }

    [Fact]
    public void RussianCostsMoreTokensPerWordThanEnglish()
    {
        var tally = new ScriptTally();

        tally.Add(English);
        tally.Add(Russian);

        var perWord = tally.Scripts.ToDictionary(s => s.Script, s => s.TokensPerWord!.Value);
        Assert.InRange(perWord[WritingScript.Latin], 1.0, 1.4);
        Assert.True(perWord[WritingScript.Cyrillic] > 1.3 * perWord[WritingScript.Latin], string.Join(", ", perWord));
    }

    [Fact]
    public void ChineseIsCountedPerCharacterWhichO200kOftenMerges()
    {
        var tally = new ScriptTally();

        tally.Add(Chinese);

        var count = Assert.Single(tally.Scripts);
        Assert.Equal(WritingScript.Cjk, count.Script);
        Assert.Equal(24, count.Words); // 24 Han characters; the two full-width punctuation marks are not words
        Assert.Equal(count.Words, count.Letters);
        Assert.InRange(count.TokensPerWord!.Value, 0.4, 1.2);
    }

    [Theory]
    [InlineData("Καλημέρα κόσμε", WritingScript.Greek)]
    [InlineData("שלום עולם", WritingScript.Hebrew)]
    [InlineData("مرحبا بالعالم", WritingScript.Arabic)]
    [InlineData("नमस्ते दुनिया", WritingScript.Devanagari)]
    [InlineData("สวัสดีชาวโลก", WritingScript.Thai)]
    [InlineData("안녕하세요", WritingScript.Cjk)]
    [InlineData("こんにちは、カタカナ", WritingScript.Cjk)]
    [InlineData("Բարեւ աշխարհ", WritingScript.Other)]
    public void EachScriptIsToldApart(string text, WritingScript script)
    {
        var tally = new ScriptTally();

        tally.Add(text);

        Assert.Equal(script, Assert.Single(tally.Scripts).Script);
    }

    [Fact]
    public void PunctuationAndDigitsBelongToTheScriptAroundThem()
    {
        var tally = new ScriptTally();

        tally.Add("— 1234, 5678 — Привет");
        tally.Add("99.5 %");

        var count = Assert.Single(tally.Scripts);
        Assert.Equal((WritingScript.Cyrillic, 1L), (count.Script, count.Words));
        Assert.Equal(new PromptTokenCounter().Count("— 1234, 5678 — Привет") + new PromptTokenCounter().Count("99.5 %"), count.Tokens);
    }

    [Fact]
    public void TextWithoutAnyLetterIsOther()
    {
        var tally = new ScriptTally();

        tally.Add("1234 5678 | --- | ---");

        var count = Assert.Single(tally.Scripts);
        Assert.Equal((WritingScript.Other, 0L), (count.Script, count.Words));
        Assert.Null(count.TokensPerWord);
    }

    [Fact]
    public void TalliesAddUp()
    {
        var (a, b, both) = (new ScriptTally(), new ScriptTally(), new ScriptTally());
        a.Add(English);
        b.Add(Chinese);
        both.Add(English);
        both.Add(Chinese);

        a.Add(b);

        Assert.Equal(both.Scripts, a.Scripts);
    }
}
