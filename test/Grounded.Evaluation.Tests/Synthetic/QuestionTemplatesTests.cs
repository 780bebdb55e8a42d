using Grounded.Evaluation.Synthetic;

namespace Grounded.Evaluation.Tests.Synthetic;

public sealed class QuestionTemplatesTests
{
    [Fact]
    public void ADefinitionBecomesAWhatQuestionAnsweredByItsPredicate()
    {
        var drafts = QuestionTemplates.Draft("The semantic cache is a store of answers keyed by the meaning of the question.");

        var definition = drafts[0];
        Assert.Equal("definition", definition.Kind);
        Assert.Equal("What is the semantic cache?", definition.Question);
        Assert.Equal("a store of answers keyed by the meaning of the question", definition.Answer);
    }

    [Fact]
    public void ANumberAndANameBecomeClozesAnsweredByTheBlankedSpan()
    {
        var drafts = QuestionTemplates.Draft("Most coasts see 2 high tides every lunar day according to Isaac Newton.");

        var number = drafts.Single(d => d.Kind == "number");
        Assert.Equal("Fill in the blank: Most coasts see ____ high tides every lunar day according to Isaac Newton.", number.Question);
        Assert.Equal("2", number.Answer);
        Assert.Equal("Isaac Newton", drafts.Single(d => d.Kind == "name").Answer);
    }

    [Theory]
    [InlineData("# Ocean tides are caused by the Moon and the Sun")]
    [InlineData("It is a store of answers keyed by the meaning of the question.")]
    [InlineData("Short one is 5.")]
    [InlineData("```\nThe value is 42 in this code block here.\n```")]
    public void HeadingsPronounsFragmentsAndCodeGiveNoQuestion(string passage) => Assert.Empty(QuestionTemplates.Draft(passage));

    [Fact]
    public void ModelRepliesAreParsedOnlyWhenTheirAnswerIsInThePassage()
    {
        const string passage = "Tides are caused by the gravitational pull of the Moon.";

        Assert.Equal(new DraftedQuestion("What causes tides?", "the gravitational pull of the Moon", "model"),
            ModelQuestionDrafter.Parse("Sure! {\"question\": \"What causes tides?\", \"answer\": \"the gravitational pull of the Moon.\"}", passage));
        Assert.Null(ModelQuestionDrafter.Parse("{\"question\": \"What causes tides?\", \"answer\": \"the wind\"}", passage));
        Assert.Null(ModelQuestionDrafter.Parse("I cannot help with that.", passage));
        Assert.Null(ModelQuestionDrafter.Parse("{\"question\": 3}", passage));
    }
}
