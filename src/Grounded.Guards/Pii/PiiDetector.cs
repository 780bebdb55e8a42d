namespace Grounded.Guards.Pii;

/// <summary>
/// Finds personal data in process with one recognizer per entity type (patterns checked by checksums and issuing
/// rules, libphonenumber for phones, context cues and name lists for people and addresses), then resolves overlaps.
/// </summary>
public sealed class PiiDetector : IPiiDetector
{
    private readonly IPiiRecognizer[] _recognizers;
    private readonly double _minScore;

    /// <summary>Creates a detector of every supported type with the default options.</summary>
    public PiiDetector()
        : this(new PiiDetectorOptions())
    {
    }

    /// <summary>Creates a detector with <paramref name="options"/>; throws <see cref="ArgumentException"/> listing every problem with them.</summary>
    public PiiDetector(PiiDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _minScore = options.MinScore;
        _recognizers = All(options).Where(r => options.Types?.Contains(r.Type) ?? true).ToArray();
    }

    /// <summary>Gets the entity types the detector can find, named as <see cref="PiiTypes"/> names them.</summary>
    public static IReadOnlyList<string> SupportedTypes { get; } =
    [
        PiiTypes.Email, PiiTypes.Phone, PiiTypes.CreditCard, PiiTypes.Iban, PiiTypes.UsSsn, PiiTypes.IpAddress,
        PiiTypes.DateOfBirth, PiiTypes.StreetAddress, PiiTypes.Person,
    ];

    /// <inheritdoc />
    public IReadOnlyList<PiiEntity> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var candidates = new List<PiiEntity>();
        foreach (var recognizer in _recognizers)
        {
            recognizer.Recognize(text, candidates);
        }

        return EntityMerger.Merge(candidates, _minScore);
    }

    private static IEnumerable<IPiiRecognizer> All(PiiDetectorOptions options) =>
    [
        new EmailRecognizer(), new PhoneRecognizer(), new CreditCardRecognizer(), new IbanRecognizer(), new UsSsnRecognizer(),
        new IpAddressRecognizer(), new DateOfBirthRecognizer(), new StreetAddressRecognizer(), new PersonRecognizer(options.UseNameLists),
    ];
}
