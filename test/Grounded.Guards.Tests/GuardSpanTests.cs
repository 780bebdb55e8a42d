using Grounded.Guards;

namespace Grounded.Guards.Tests;

public sealed class GuardSpanTests
{
    [Fact]
    public void EndsJustPastItsLastCharacter() => Assert.Equal(12, new GuardSpan(5, 7, "EMAIL_ADDRESS").End);
}
