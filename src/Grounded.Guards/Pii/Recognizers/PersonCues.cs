using System.Text.RegularExpressions;

namespace Grounded.Guards.Pii;

/// <summary>
/// The phrases around a name that say it is one; each pattern is matched against a short window next to the name. The
/// ones that must end where the name starts are matched right to left, so a miss costs one attempt instead of one per
/// character of the window.
/// </summary>
internal static partial class PersonCues
{
    /// <summary>Introductions and greetings just before a name: "my name is", "Name:", "I'm", "Dear", "signed".</summary>
    [GeneratedRegex(@"(?:\bmy name is|\bname is|\bnames? ?:|\bname\?|\bi am|\bi'm|\bi’m|\bthis is|\b(?:calls?|called|named) (?:me|him|her|them|it)|\bcalled|\bnamed|\bdear|\bhi|\bhello|\bhey|\bsigned(?: by)?|\bregards|\bsincerely|\battn|\battention|\bcontact ?:|\bfrom ?:|\bto ?:|\bcc ?:)[\s:,.]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    public static partial Regex Introduction();

    /// <summary>A relation, role or verb of speech just before a name: "my kid", "her husband", "producer", "directed by", "said".</summary>
    [GeneratedRegex(@"(?:\b(?:my|his|her|our|their|your)\s+(?:(?:great\s+)*(?:grand)?(?:kid|son|daughter|child|wife|husband|brother|sister|mother|father|mom|mum|dad|parent|friend|partner|boss|colleague|uncle|aunt|cousin|nephew|niece|boyfriend|girlfriend|fianc[ée]e?|neighbou?r|manager|doctor|lawyer|teacher|grandfather|grandmother)s?)|\b(?:producer|player|singer|songwriter|commenter|author|writer|director|actor|actress|artist|composer|guitarist|drummer|chef|coach|founder|speaker|host|reporter|journalist|nurse|officer|agent|senator|governor|mayor|minister|colleague|mr|mrs|ms)|\b(?:said|says|asked|told|replied|wrote|thanked|according to|directed by|written by|produced by|sung by|performed by|starring|featuring|speak (?:to|with)|talk (?:to|with)|ask for|change it to|correct it to))[\s:,]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    public static partial Regex Relation();

    /// <summary>Words that come before people and things alike ("with", "by", "under", "meet"): they count for names of two words or more.</summary>
    [GeneratedRegex(@"\b(?:with|by|under|meet|met|add|invite|email|e-mail|call|text|thank|to|and)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    public static partial Regex Preposition();

    /// <summary>A verb of speech or of a person's doing right after a name: "says", "explained", "lives", "is from".</summary>
    [GeneratedRegex(@"^,?\s+(?:said|says|explained|told|asked|replied|wrote|added|noted|argued|thinks|believes|laughed|smiled|lives|lived|began|spent|listed|flew|joined|works|worked|had given|has given|was born|is from|will be talking|speaks?)\b", RegexOptions.CultureInvariant)]
    public static partial Regex ActAfter();

    /// <summary>What often follows a full name but also a company's or a place's: "is a", "is the", "will be".</summary>
    [GeneratedRegex(@"^,?\s+(?:is a|is the|is very|was a|will be|from [A-Z])\b", RegexOptions.CultureInvariant)]
    public static partial Regex StateAfter();

    /// <summary>A place or organisation is more likely than a person right after these: "in", "from", "at", "near", "of".</summary>
    [GeneratedRegex(@"\b(?:in|from|at|near|of)\s+$", RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    public static partial Regex PlaceBefore();

    /// <summary>A name addressed directly: at the start, then a comma and a question ("Cora, can I ..."), or at the end (", Lori!").</summary>
    [GeneratedRegex(@"^,\s+(?:can|could|would|will|please|i|you|we|do|did|are|is|have|how|what|where|why|when|let's|thanks|thank)\b", RegexOptions.CultureInvariant)]
    public static partial Regex VocativeAfter();

}
