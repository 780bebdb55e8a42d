using Grounded.Rag.Answer.Abstain;

namespace Grounded.Rag.Tests.Answer.Abstain;

public sealed class AbstentionFeaturesTests
{
    [Theory]
    [InlineData("How many patients were infected in 2019?", AbstentionFeatures.AnswerType.Number)]
    [InlineData("What percentage of camels carried MERS-CoV?", AbstentionFeatures.AnswerType.Number)]
    [InlineData("When was the virus first isolated?", AbstentionFeatures.AnswerType.Date)]
    [InlineData("In what year did the outbreak start?", AbstentionFeatures.AnswerType.Date)]
    [InlineData("Who discovered the first coronavirus?", AbstentionFeatures.AnswerType.Name)]
    [InlineData("What does ACE2 do in the lung?", AbstentionFeatures.AnswerType.None)]
    public void ReadsTheKindOfAnswerAQuestionAsksFor(string question, AbstentionFeatures.AnswerType expected) =>
        Assert.Equal(expected, AbstentionFeatures.Expected(question));

    [Theory]
    [InlineData("Of 120 camels, 74 carried the virus.", AbstentionFeatures.AnswerType.Number, true)]
    [InlineData("Most camels carried the virus.", AbstentionFeatures.AnswerType.Number, false)]
    [InlineData("The virus was isolated in March 2012.", AbstentionFeatures.AnswerType.Date, true)]
    [InlineData("The virus was isolated from a patient.", AbstentionFeatures.AnswerType.Date, false)]
    [InlineData("It was first described by Tyrrell and Bynoe.", AbstentionFeatures.AnswerType.Name, true)]
    [InlineData("it was first described by two doctors.", AbstentionFeatures.AnswerType.Name, false)]
    public void TellsWhetherASentenceHoldsThatKindOfAnswer(string sentence, AbstentionFeatures.AnswerType type, bool holds) =>
        Assert.Equal(holds, AbstentionFeatures.Holds(sentence, type));

    [Fact]
    public void CountsTheQuestionsNumbersAndCodesTheTextRepeats()
    {
        Assert.Equal(0.5, AbstentionFeatures.NumbersCovered("Did H7N9 spread faster than H5N1?", "H7N9 spread among poultry markets."));
        Assert.Equal(1, AbstentionFeatures.NumbersCovered("Why do ferrets sneeze?", "No numbers here."));
    }

    [Fact]
    public void CountsTheQuestionsPhrasesTheTextHasAsPhrases()
    {
        Assert.Equal(1, AbstentionFeatures.PhraseCoverage("What would a shorter serial interval mean?", "A shorter serial interval means a lower reproduction number."));
        Assert.Equal(0, AbstentionFeatures.PhraseCoverage("What would a shorter serial interval mean?", "The interval was serial, and shorter in children; what it would mean is unclear."), 1);
    }
}
