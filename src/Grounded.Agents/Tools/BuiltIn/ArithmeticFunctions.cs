namespace Grounded.Agents.Tools;

/// <summary>The functions <see cref="ArithmeticExpression"/> knows, each with how many arguments it takes.</summary>
internal static class ArithmeticFunctions
{
    public const string Known = "sqrt, abs, round, floor, ceil, min, max, log, ln, exp, sin, cos, tan";

    public static bool IsKnown(string name) => name is "sqrt" or "abs" or "round" or "floor" or "ceil" or "min" or "max"
        or "log" or "ln" or "exp" or "sin" or "cos" or "tan";

    /// <summary>Applies <paramref name="name"/> to <paramref name="args"/>; throws <see cref="ArithmeticException"/> for a wrong argument count.</summary>
    public static double Apply(string name, List<double> args, int position) => name switch
    {
        "sqrt" => One(name, args, position, Math.Sqrt),
        "abs" => One(name, args, position, Math.Abs),
        "floor" => One(name, args, position, Math.Floor),
        "ceil" => One(name, args, position, Math.Ceiling),
        "ln" => One(name, args, position, Math.Log),
        "exp" => One(name, args, position, Math.Exp),
        "sin" => One(name, args, position, Math.Sin),
        "cos" => One(name, args, position, Math.Cos),
        "tan" => One(name, args, position, Math.Tan),
        "min" => args.Min(),
        "max" => args.Max(),
        "round" => args.Count switch
        {
            1 => Math.Round(args[0], MidpointRounding.AwayFromZero),
            2 when args[1] is >= 0 and <= 15 && args[1] == Math.Floor(args[1]) => Math.Round(args[0], (int)args[1], MidpointRounding.AwayFromZero),
            2 => throw new ArithmeticException($"round at position {position}: the digits must be a whole number from 0 to 15"),
            _ => throw Count(name, "1 or 2 arguments (value, digits)", args.Count, position),
        },
        "log" => args.Count switch
        {
            1 => Math.Log10(args[0]),
            2 => Math.Log(args[0], args[1]),
            _ => throw Count(name, "1 or 2 arguments (value, base; base 10 by default)", args.Count, position),
        },
        _ => throw new ArithmeticException($"unknown function '{name}' at position {position}"),
    };

    private static double One(string name, List<double> args, int position, Func<double, double> function) =>
        args.Count == 1 ? function(args[0]) : throw Count(name, "1 argument", args.Count, position);

    private static ArithmeticException Count(string name, string expected, int got, int position) =>
        new($"{name} at position {position} takes {expected}, got {got}");
}
