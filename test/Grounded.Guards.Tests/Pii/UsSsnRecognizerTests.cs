using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class UsSsnRecognizerTests
{
    [Theory]
    [InlineData("Here's my SSN: 460-89-9847", "460-89-9847")]
    [InlineData("His social security number is 588 46 6702", "588 46 6702")]
    [InlineData("SSN 536221234 on file", "536221234")]
    [InlineData("reference 536-22-1234 attached", "536-22-1234")] // the dashed form needs no cue
    public void FindsNumbersTheSsaCouldHaveIssued(string text, string ssn) => Assert.Equal([ssn], Found.Of(PiiTypes.UsSsn, text));

    [Theory]
    [InlineData("SSN: 000-12-3456")] // area 000
    [InlineData("SSN: 666-12-3456")] // area 666
    [InlineData("SSN: 912-34-5678")] // area 900-999
    [InlineData("SSN: 536-00-1234")] // group 00
    [InlineData("SSN: 536-22-0000")] // serial 0000
    [InlineData("SSN: 078-05-1120")] // the wallet sample
    public void IgnoresNumbersNeverIssued(string text) => Assert.Empty(Found.Of(PiiTypes.UsSsn, text));

    [Theory]
    [InlineData("order 536221234 shipped")] // nine digits without a cue
    [InlineData("call 536 22 1234 now")]    // spaced, without a cue
    public void NeedsACueWhenTheShapeIsCommon(string text) => Assert.Empty(Found.Of(PiiTypes.UsSsn, text));
}
