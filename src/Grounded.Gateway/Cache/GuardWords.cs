namespace Grounded.Gateway.Cache;

/// <summary>The closed classes of English words the paraphrase guard reads: general grammar, nothing fitted to a data set.</summary>
internal static class GuardWords
{
    /// <summary>Articles: the only words left out of the word-order check.</summary>
    public static readonly HashSet<string> Articles = new(["a", "an", "the"], StringComparer.Ordinal);

    /// <summary>Words that mark a statement as negated (<c>n't</c> becomes <c>not</c>).</summary>
    public static readonly HashSet<string> Negations = new(
        ["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "without", "cannot"], StringComparer.Ordinal);

    /// <summary>Words that ask what a question is about; two questions with different ones ask different things.</summary>
    public static readonly HashSet<string> QuestionWords = new(
        ["who", "whom", "whose", "what", "which", "when", "where", "why", "how"], StringComparer.Ordinal);

    /// <summary>
    /// Function words (articles, auxiliaries, pronouns, prepositions, conjunctions, question words) and courtesies:
    /// rewording moves and swaps them freely, so they are not counted as content. Those whose swap changes the
    /// meaning are checked on their own (<see cref="QuestionWords"/>, <see cref="Opposites"/>, <see cref="Negations"/>).
    /// </summary>
    public static readonly HashSet<string> Function = new(
    [
        "a", "an", "the", "'s",
        "is", "was", "are", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
        "can", "could", "would", "should", "will", "shall", "may", "might", "must",
        "it", "its", "this", "that", "these", "those", "there", "here",
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their",
        "who", "whom", "whose", "what", "which", "when", "where", "why", "how", "while",
        "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "into", "about", "after", "before", "over",
        "under", "between", "during", "through", "and", "or", "but", "than", "then", "so", "such", "also",
        "please", "thanks", "thank", "kindly", "hi", "hello", "hey", "just", "really", "actually",
    ], StringComparer.Ordinal);

    /// <summary>Function words that mean the opposite of each other: one text with one and the other with the other differ.</summary>
    public static readonly (string, string)[] Opposites =
    [
        ("before", "after"), ("above", "below"), ("over", "under"), ("more", "less"), ("most", "least"),
        ("up", "down"), ("and", "or"), ("earlier", "later"), ("min", "max"), ("minimum", "maximum"),
        ("he", "she"), ("him", "her"), ("his", "her"), ("himself", "herself"),
    ];

    /// <summary>Number words written as digits, so "five" and "5" are the same number.</summary>
    public static readonly Dictionary<string, string> Numbers = BuildNumbers();

    /// <summary>The endings of English contractions and the words they stand for.</summary>
    public static readonly Dictionary<string, string> Contractions = new(StringComparer.Ordinal)
    {
        ["s"] = "'s", ["re"] = "are", ["ve"] = "have", ["ll"] = "will", ["d"] = "would", ["m"] = "am",
    };

    private static Dictionary<string, string> BuildNumbers()
    {
        string[] units =
        [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ];
        string[] tens = ["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        string[] ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < units.Length; i++)
        {
            numbers[units[i]] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < tens.Length; i++)
        {
            numbers[tens[i]] = ((i + 3) * 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < ordinals.Length; i++)
        {
            numbers[ordinals[i]] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return numbers;
    }
}
