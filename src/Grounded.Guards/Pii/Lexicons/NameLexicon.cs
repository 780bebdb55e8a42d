using System.Collections.Frozen;

namespace Grounded.Guards.Pii;

/// <summary>The word sets the person recognizer looks words up in, built once, compared without regard to case.</summary>
internal static class NameLexicon
{
    /// <summary>Gets the common given names (<see cref="FirstNames"/>).</summary>
    public static FrozenSet<string> First { get; } = Set(FirstNames.All);

    /// <summary>Gets the common family names (<see cref="Surnames"/>).</summary>
    public static FrozenSet<string> Family { get; } = Set(Surnames.All);

    /// <summary>Gets the capitalised words that are not names (<see cref="NotNames"/>).</summary>
    public static FrozenSet<string> NotNames { get; } = Set(Pii.NotNames.All);

    /// <summary>Gets the titles written before a name ("Mr", "Dr", "Frau").</summary>
    public static FrozenSet<string> Honorifics { get; } = Set(
        "Mr Mrs Ms Miss Mx Mister Dr Doctor Prof Professor Sir Madam Madame Mme Mlle Mmes Herr Frau Fräulein Sr Sra Srta "
        + "Señor Señora Señorita Signor Signora Dame Lord Lady Rev Reverend Fr Father Capt Captain Col Colonel Gen Lt Sgt "
        + "Insp Inspector Det Detective Judge Hon Messrs");

    /// <summary>Gets the lower-case particles inside names ("van", "de", "ten").</summary>
    public static FrozenSet<string> Particles { get; } = Set("van von de der den ten ter te da di do dos das du des del della le la al el bin ibn ben af zu op");

    /// <summary>Gets the qualifications and generations written after a name ("MD", "Jr").</summary>
    public static FrozenSet<string> Suffixes { get; } = Set("MD DDS DVM PhD Jr Sr II III IV Esq CPA RN MBA");

    /// <summary>Gets the words that turn the capitalised words before them into an organisation ("Johnson Inc").</summary>
    public static FrozenSet<string> OrganisationWords { get; } = Set(
        "Inc Incorporated LLC Ltd Limited Corp Corporation Co Company Group Holdings Partners Associates Bank Insurance "
        + "University College Foundation Institute Agency Records Studios Orchestra Club GmbH AG SA SAS BV NV PLC LLP "
        + "Industries Enterprises Solutions Services Systems Technologies Labs Ventures Capital Consulting Media Foods");

    private static FrozenSet<string> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
