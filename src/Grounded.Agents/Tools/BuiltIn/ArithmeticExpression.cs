using System.Globalization;

namespace Grounded.Agents.Tools;

/// <summary>
/// Evaluates an arithmetic expression by recursive descent: numbers (decimals, exponents), + - * / % ^ (or **), unary minus,
/// parentheses, the functions in <see cref="ArithmeticFunctions"/> and the constants pi and e. Nothing else is read: no names
/// are looked up, no code is run. Errors name the 1-based position.
/// </summary>
internal sealed class ArithmeticExpression
{
    public const int MaxLength = 500;
    public const int MaxDepth = 50;

    private readonly string _text;
    private int _position;
    private int _depth;

    private ArithmeticExpression(string text) => _text = text;

    /// <summary>Returns the value of <paramref name="expression"/>; throws <see cref="ArithmeticException"/> with a one-line message when it cannot.</summary>
    public static double Evaluate(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Length > MaxLength)
        {
            throw new ArithmeticException($"the expression is {expression.Length} characters long; the limit is {MaxLength}");
        }

        var parser = new ArithmeticExpression(expression);
        parser.SkipSpaces();
        if (parser.AtEnd)
        {
            throw new ArithmeticException("the expression is empty");
        }

        var value = parser.Sum();
        return parser.AtEnd ? value : throw parser.Unexpected();
    }

    /// <summary>Formats a value invariantly, as short as it reads right: 4, 0.3, 1.5E+20.</summary>
    public static string Format(double value) =>
        Math.Abs(value) < 1e15 && value == Math.Floor(value)
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("G15", CultureInfo.InvariantCulture);

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private double Sum()
    {
        var value = Product();
        while (!AtEnd && Current is '+' or '-')
        {
            var at = _position;
            var op = Take();
            var right = Product();
            value = Finite(op == '+' ? value + right : value - right, at);
        }

        return value;
    }

    private double Product()
    {
        var value = Unary();
        while (!AtEnd && (Current is '*' or '/' or '%') && !IsPowerStar())
        {
            var at = _position;
            var op = Take();
            var right = Unary();
            if (op != '*' && right == 0)
            {
                throw new ArithmeticException($"division by zero at position {at + 1}");
            }

            value = Finite(op switch { '*' => value * right, '/' => value / right, _ => value % right }, at);
        }

        return value;
    }

    // Unary minus binds looser than ^, as in mathematics: -2^2 is -4.
    private double Unary()
    {
        if (!AtEnd && Current is '-' or '+')
        {
            var op = Take();
            using var _ = Deeper();
            var operand = Unary();
            return op == '-' ? -operand : operand;
        }

        return Power();
    }

    // ^ is right-associative: 2^3^2 is 2^9.
    private double Power()
    {
        var value = Primary();
        if (!AtEnd && (Current == '^' || IsPowerStar()))
        {
            var at = _position;
            _position += Current == '^' ? 1 : 2;
            SkipSpaces();
            using var _ = Deeper();
            var exponent = Unary();
            value = Finite(Math.Pow(value, exponent), at);
        }

        return value;
    }

    private double Primary()
    {
        if (AtEnd)
        {
            throw new ArithmeticException($"the expression ends early at position {_position + 1}: a number, name or '(' is missing");
        }

        if (Current == '(')
        {
            Take();
            using var _ = Deeper();
            var value = Sum();
            Expect(')');
            return value;
        }

        if (char.IsAsciiDigit(Current) || Current == '.')
        {
            return Number();
        }

        if (char.IsAsciiLetter(Current))
        {
            return Name();
        }

        throw Unexpected();
    }

    private double Number()
    {
        var start = _position;
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            _position++;
        }

        if (!AtEnd && Current == '.')
        {
            _position++;
            while (!AtEnd && char.IsAsciiDigit(Current))
            {
                _position++;
            }
        }

        if (!AtEnd && Current is 'e' or 'E' && ExponentFollows())
        {
            _position += _text[_position + 1] is '+' or '-' ? 2 : 1;
            while (!AtEnd && char.IsAsciiDigit(Current))
            {
                _position++;
            }
        }

        var token = _text[start.._position];
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new ArithmeticException($"'{token}' at position {start + 1} is not a number");
        }

        SkipSpaces();
        return Finite(value, start);
    }

    private bool ExponentFollows()
    {
        var next = _position + 1;
        if (next < _text.Length && _text[next] is '+' or '-')
        {
            next++;
        }

        return next < _text.Length && char.IsAsciiDigit(_text[next]);
    }

    private double Name()
    {
        var start = _position;
        while (!AtEnd && char.IsAsciiLetterOrDigit(Current))
        {
            _position++;
        }

        var name = _text[start.._position].ToLowerInvariant();
        SkipSpaces();
        if (AtEnd || Current != '(')
        {
            return name switch
            {
                "pi" => Math.PI,
                "e" => Math.E,
                _ => throw new ArithmeticException(ArithmeticFunctions.IsKnown(name)
                    ? $"'{name}' at position {start + 1} is a function: write {name}(...)"
                    : $"unknown name '{name}' at position {start + 1}; known: pi, e, {ArithmeticFunctions.Known}"),
            };
        }

        if (!ArithmeticFunctions.IsKnown(name))
        {
            throw new ArithmeticException($"unknown function '{name}' at position {start + 1}; known: {ArithmeticFunctions.Known}");
        }

        Take();
        using var _ = Deeper();
        var arguments = new List<double> { Sum() };
        while (!AtEnd && Current == ',')
        {
            Take();
            arguments.Add(Sum());
        }

        Expect(')');
        return Finite(ArithmeticFunctions.Apply(name, arguments, start + 1), start);
    }

    private void Expect(char expected)
    {
        if (AtEnd)
        {
            throw new ArithmeticException($"the expression ends early at position {_position + 1}: '{expected}' is missing");
        }

        if (Current != expected)
        {
            throw Unexpected();
        }

        Take();
    }

    private char Take()
    {
        var c = Current;
        _position++;
        SkipSpaces();
        return c;
    }

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _position++;
        }
    }

    private bool IsPowerStar() => Current == '*' && _position + 1 < _text.Length && _text[_position + 1] == '*';

    private ArithmeticException Unexpected() => new($"unexpected '{Current}' at position {_position + 1}");

    private DepthScope Deeper()
    {
        if (++_depth > MaxDepth)
        {
            throw new ArithmeticException($"the expression nests deeper than {MaxDepth} levels at position {_position + 1}");
        }

        return new DepthScope(this);
    }

    private static double Finite(double value, int at) => double.IsFinite(value)
        ? value
        : throw new ArithmeticException($"the result at position {at + 1} is not a finite number (too large, or outside the function's domain)");

    private readonly struct DepthScope(ArithmeticExpression parser) : IDisposable
    {
        public void Dispose() => parser._depth--;
    }
}
