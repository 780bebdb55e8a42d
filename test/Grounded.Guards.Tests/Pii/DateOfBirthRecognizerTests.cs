using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class DateOfBirthRecognizerTests
{
    [Theory]
    [InlineData("She was born on 10/23/1951. Her maiden name is", "10/23/1951")]
    [InlineData("Please tell me your date of birth. It's 11/3/1995", "11/3/1995")]
    [InlineData("DOB: 1990-05-17", "1990-05-17")]
    [InlineData("birthday 31.12.1985", "31.12.1985")]
    [InlineData("Date of birth: March 3, 1990", "March 3, 1990")]
    [InlineData("born 3rd of October 1962 in Leeds", "3rd of October 1962")]
    public void FindsDatesNextToABirthCue(string text, string date) => Assert.Equal([date], Found.Of(PiiTypes.DateOfBirth, text));

    [Theory]
    [InlineData("The meeting moved to 10/23/2024.")]
    [InlineData("When: 1992-11-12 07:04:41")]
    [InlineData("founded in 1973, born of a merger")] // a year alone is not a date of birth
    [InlineData("born on 13/13/1990")]                // no such month or day
    public void IgnoresOtherDates(string text) => Assert.Empty(Found.Of(PiiTypes.DateOfBirth, text));
}
