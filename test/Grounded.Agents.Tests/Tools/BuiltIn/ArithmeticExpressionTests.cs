using System.Globalization;
using CsCheck;
using Grounded.Agents.Tools;

namespace Grounded.Agents.Tests.Tools.BuiltIn;

public sealed class ArithmeticExpressionTests
{
    [Theory]
    [InlineData("2 + 2", "4")]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("(12.5 * 4 - 3) / 2", "23.5")]
    [InlineData("2 ^ 3 ^ 2", "512")]
    [InlineData("2 ** 10", "1024")]
    [InlineData("-2 ^ 2", "-4")]
    [InlineData("(-2) ^ 2", "4")]
    [InlineData("--3", "3")]
    [InlineData("7 % 3", "1")]
    [InlineData("1.5e3 + 2E-1", "1500.2")]
    [InlineData(".5 * 4", "2")]
    [InlineData("sqrt(16) + abs(-3)", "7")]
    [InlineData("round(2.5) + floor(1.9) + ceil(1.1)", "6")]
    [InlineData("round(3.14159, 2)", "3.14")]
    [InlineData("min(4, 2, 8) * max(1, 3)", "6")]
    [InlineData("log(1000) + ln(e) + log(8, 2)", "7")]
    [InlineData("exp(0) + sin(0) + cos(0) + tan(0)", "2")]
    [InlineData("round(pi, 4)", "3.1416")]
    [InlineData("SQRT(4)", "2")]
    [InlineData("1e20", "1E+20")]
    [InlineData("1 / 3", "0.333333333333333")]
    public void EvaluatesArithmetic(string expression, string expected) =>
        Assert.Equal(expected, ArithmeticExpression.Format(ArithmeticExpression.Evaluate(expression)));

    [Theory]
    [InlineData("1 / 0", "division by zero at position 3")]
    [InlineData("5 % (2 - 2)", "division by zero at position 3")]
    [InlineData("2 +", "the expression ends early at position 4: a number, name or '(' is missing")]
    [InlineData("(1 + 2", "the expression ends early at position 7: ')' is missing")]
    [InlineData("1 + 2)", "unexpected ')' at position 6")]
    [InlineData("2 # 3", "unexpected '#' at position 3")]
    [InlineData("1.2.3", "unexpected '.' at position 4")]
    [InlineData("foo(1)", "unknown function 'foo' at position 1; known: sqrt, abs, round, floor, ceil, min, max, log, ln, exp, sin, cos, tan")]
    [InlineData("x + 1", "unknown name 'x' at position 1; known: pi, e, sqrt, abs, round, floor, ceil, min, max, log, ln, exp, sin, cos, tan")]
    [InlineData("sqrt", "'sqrt' at position 1 is a function: write sqrt(...)")]
    [InlineData("sqrt(1, 2)", "sqrt at position 1 takes 1 argument, got 2")]
    [InlineData("sqrt(-1)", "the result at position 1 is not a finite number (too large, or outside the function's domain)")]
    [InlineData("10 ^ 400", "the result at position 4 is not a finite number (too large, or outside the function's domain)")]
    [InlineData("", "the expression is empty")]
    public void SaysWhatIsWrongAndWhere(string expression, string expected) =>
        Assert.Equal(expected, Assert.Throws<ArithmeticException>(() => ArithmeticExpression.Evaluate(expression)).Message);

    [Fact]
    public void RefusesExpressionsLongerThanTheLimit() =>
        Assert.Equal(
            "the expression is 501 characters long; the limit is 500",
            Assert.Throws<ArithmeticException>(() => ArithmeticExpression.Evaluate(new string('1', 501))).Message);

    [Fact]
    public void RefusesNestingDeeperThanTheLimit()
    {
        var deep = new string('(', 60) + "1" + new string(')', 60);
        Assert.StartsWith("the expression nests deeper than 50 levels", Assert.Throws<ArithmeticException>(() => ArithmeticExpression.Evaluate(deep)).Message, StringComparison.Ordinal);
        Assert.Equal(1, ArithmeticExpression.Evaluate(new string('(', 40) + "1" + new string(')', 40)));
    }

    [Fact]
    public void RefusesLongChainsOfSignsAndPowersLikeDeepNesting()
    {
        Assert.Throws<ArithmeticException>(() => ArithmeticExpression.Evaluate(new string('-', 200) + "1"));
        Assert.Throws<ArithmeticException>(() => ArithmeticExpression.Evaluate(string.Join("^", Enumerable.Repeat("1", 200))));
    }

    [Fact]
    public void AnyTextGivesANumberOrAOneLineErrorNeverAnotherException()
    {
        var characters = Gen.Char["0123456789.+-*/%^(), eEpiqrtsabxlgnmcfo#"];
        Gen.String[characters, 0, 80].Sample(text =>
        {
            try
            {
                Assert.True(double.IsFinite(ArithmeticExpression.Evaluate(text)));
            }
            catch (ArithmeticException e)
            {
                Assert.DoesNotContain('\n', e.Message);
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        });
    }

    [Fact]
    public void ArbitraryUnicodeNeverThrowsAnythingButAnArithmeticError() =>
        Gen.String.Sample(text =>
        {
            try
            {
                ArithmeticExpression.Evaluate(text);
            }
            catch (ArithmeticException)
            {
            }
        });

    [Fact]
    public void SumsAndProductsOfIntegersAreExact() =>
        Gen.Int[-1_000_000, 1_000_000].Select(Gen.Int[-1_000_000, 1_000_000]).Sample((a, b) =>
        {
            Assert.Equal(((long)a + b).ToString(CultureInfo.InvariantCulture), ArithmeticExpression.Format(ArithmeticExpression.Evaluate($"{a} + {b}")));
            Assert.Equal(((long)a * b).ToString(CultureInfo.InvariantCulture), ArithmeticExpression.Format(ArithmeticExpression.Evaluate($"{a} * ({b})")));
        });
}
