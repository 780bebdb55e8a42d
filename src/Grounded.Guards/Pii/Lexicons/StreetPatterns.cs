namespace Grounded.Guards.Pii;

/// <summary>
/// The pieces of the street-address patterns, in two cases: "Cased" for ordinary text, where street and place names
/// are capitalised, and "AnyCase" for text typed all in lower case, where only the street words can anchor a match.
/// </summary>
internal static class StreetPatterns
{
    /// <summary>The lower-case particles inside street and place names ("de", "van").</summary>
    public const string Particles = "de|del|della|di|da|do|dos|das|du|des|la|le|les|el|al|e|y|van|von|der|den|ten|ter|z|u|na|nad|pod|am|an|im|sur|of|the|op|aan|bei|en|i";

    /// <summary>A word of a street name: capitalised ("Rissik", "St.") or a lower-case particle ("de", "van").</summary>
    public const string WordCased = @"(?:\p{Lu}[\p{L}\p{M}'’-]*\.?|(?:" + Particles + @")(?=[ ]))";

    /// <summary>A word of a street name in text without capitals.</summary>
    public const string WordAnyCase = @"(?:\p{L}[\p{L}\p{M}'’-]*\.?)";

    /// <summary>A word of a place name: capitalised or in capitals ("Grand", "KOKKOLA"), in brackets ("(Greek)"), or a particle.</summary>
    public const string PlaceWord = @"(?:\p{Lu}[\p{L}\p{M}'’.-]*|\([\p{L} ]{1,20}\)|(?:" + Particles + @")(?=[ ]))";

    /// <summary>One or two house numbers ("2202 ", "17031 2202 "), each possibly with a letter ("12B ").</summary>
    public const string Lead = @"\d{1,6}[A-Za-z]?[ ](?:\d{1,6}[A-Za-z]?[ ])?";

    /// <summary>A house number after the street name (", 12", " 7/3"), not followed by more letters or digits.</summary>
    public const string Tail = @",?[ ]\d{1,5}[A-Za-z]?(?:[/-]\d{1,4})?(?![\p{L}\p{N}])";

    /// <summary>A postal code: 4 to 6 digits (ZIP+4), "123 45", Canadian "B0J 2H0", British "SW1A 1AA".</summary>
    public const string PostCode = @"(?:\d{4,6}(?:-\d{4})?|\d{3}[ ]\d{2}|[A-Z]\d[A-Z][ ]?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2})(?![\p{L}\p{N}])";

    /// <summary>A unit within a building ("Apt. 120", "Suite 442", "#12").</summary>
    public const string Unit = @"(?:" + StreetWords.Units + @")[ ]?[A-Za-z]?\d{1,5}[A-Za-z]?(?![\p{L}\p{N}])";

    // The street words themselves (suffixes, first words, compound endings) are looked up in StreetLexicon's sets, not
    // written into these patterns: as alternations of hundreds of words they made tens of thousands of lines of
    // generated code that took the JIT seconds to compile.

    /// <summary>House numbers, then up to five words, then maybe a house number: "2437 Main St", "33 avenue de Provence 4".</summary>
    public const string NumberThenWords = @"\G(?<![\p{L}\p{N}])" + Lead + @"(?<w>" + WordAnyCase + @")(?:[ ](?<w>" + WordAnyCase + @")){0,4}(?<tail>" + Tail + @")?";

    /// <summary>A first street word (checked by the caller), then capitalised words and a house number: "Via Roma 131", "ul. Zakrzowska 92".</summary>
    public const string PrefixedStreetCased = @"\G\S+[ ](?:" + WordCased + @"[ ]){0,4}" + WordCased + Tail;

    /// <summary>The same for text without capitals.</summary>
    public const string PrefixedStreetAnyCase = @"\G\S+[ ](?:" + WordAnyCase + @"[ ]){0,3}" + WordAnyCase + Tail;

    /// <summary>Capitalised words ending in a compound street name (checked by the caller) and a house number: "Populierenstraat 374", "Villacher Strasse 89".</summary>
    public const string CompoundStreetCased = @"\G(?<![\p{L}\p{N}])(?:" + Lead + @")?(?:(?<w>" + WordCased + @")[ ]){0,3}(?<w>" + WordAnyCase + @")" + Tail;

    /// <summary>The same for text without capitals.</summary>
    public const string CompoundStreetAnyCase = @"\G(?<![\p{L}\p{N}])(?:" + Lead + @")?(?<w>" + WordAnyCase + @")" + Tail;

    /// <summary>Post-office boxes, US military mail (PSC/Unit ... Box, APO/FPO/DPO) and ships' addresses.</summary>
    public const string Box = @"(?<![\p{L}\p{N}])(?:(?:\d{1,6}[ ])?(?:P\.?[ ]?O\.?[ ]?Box|Post[ ]?Office[ ]Box|Postbox|Postfach|Apartado(?:[ ]de[ ]Correos)?)[ ]\d{1,6}|(?:PSC|CMR|Unit)[ ]\d{3,5},?[ ]Box[ ]\d{1,5}(?:[ ]*\n?[ \t>?]*(?:APO|FPO|DPO)[ ](?:AA|AE|AP)[ ]\d{5})?|(?:USNS|USNV|USS|USCGC)[ ]\p{L}[\p{L}\p{M}'’-]*(?:[ ]\p{L}[\p{L}\p{M}'’-]*)?[ ]*\n[ \t>?]*(?:APO|FPO|DPO)[ ](?:AA|AE|AP)[ ]\d{5})(?![\p{L}\p{N}])";

    /// <summary>A house number, a capitalised name and another number: "3657 Laukaantie 80" (no street word; weaker).</summary>
    public const string NumberNameNumber = @"(?<![\p{L}\p{N}.,/:-])" + Lead + @"(?:" + NameNotFunctionWord + @"[ ]){0,2}" + NameNotFunctionWord + @"[ ]\d{1,5}(?![\p{L}\p{N}]|[.,:/-]\d)";

    // A capitalised word that is not a capitalised function word ("Of The 70s" is a title, not a street).
    private const string NameNotFunctionWord = @"(?!(?:The|Of|And|For|To|In|On|At|An?|Is|Are|Was|Were|By|With|From|Or|My|Our|Your|Top|Best|Only)\b)\p{Lu}[\p{L}\p{M}'’-]*";

    /// <summary>Capitalised words and a street word, no number: "Berg Hills Street" (weakest).</summary>
    public const string UnnumberedStreet = @"(?<![\p{L}\p{N}])(?=\p{Lu})(?:" + WordCased + @"[ ]){1,3}(?:" + StreetWords.StrongSuffixes + @")(?![\p{L}\p{N}])";

    /// <summary>A phrase just before an address: "lives at", "address is", "Address:", "sent to", "the corner of" (anchored at the end of the text searched).</summary>
    public const string CueBefore = @"\b(?:(?:address(?:es)?|addr\.?|lives?|living|lived|resides?|residing|located|situated|moved|sent|send|ship(?:ped)?|deliver(?:ed)?|mail(?:ed)?|return(?:ed)?|forward(?:ed)?|meet(?:ing)?|drops?|stop|arrived|offices?|headquarters|billing|shipping|postal|station|venue)\b[^.\n?!]{0,25}?(?:(?:\b(?:at|on|in|to|is|of)\b|:)[ ]*)+|corner of)[ \t:]*(?:\n[ \t>?]*)?$";

    /// <summary>After a cue: an optional unit and house numbers, a name, and a number: "Pärna 33", "5049 Harjukuja 54".</summary>
    public const string AfterCue = @"(?:(?:Apt\.?|Suite)[ ]\d{1,5}[ ])?(?:" + Lead + @")?(?:" + WordCased + @"[ ]){0,3}(?=\p{Lu})" + WordCased + Tail;

    /// <summary>A unit after the street, on the same line or the next: " Apt. 050", "\n Suite 442".</summary>
    public const string MoreUnit = @"\G\.?,?[ ]*(?:\n[ \t>?]*)?" + Unit;

    /// <summary>A postal code after the street or place: ", 44939", " 60810".</summary>
    public const string MorePostCode = @"\G,?[ ]" + PostCode;

    /// <summary>A place on the same line: ", Nicosia", " Coalville South Africa", ", Mora de Rubielos, Spain 16200".</summary>
    public const string MorePlaceCased = @"\G(?:,[ ]?|[ ])" + PlaceWord + @"(?:[ ]" + PlaceWord + @"){0,2}(?:,?[ ](?:[A-Z]{2}|" + PlaceWord + @"(?:[ ]" + PlaceWord + @")?))?(?:,?[ ]" + PostCode + @")?";

    /// <summary>A place on the same line after a comma, in text without capitals: ", mohács, hungary 24743".</summary>
    public const string MorePlaceAnyCase = @"\G,[ ]?\p{L}[\p{L}\p{M}'’.-]*(?:[ ]\p{L}[\p{L}\p{M}'’.-]*){0,2}(?:,?[ ]\d{4,6})?";

    /// <summary>The next line of an address block: a unit, a place (and postal code), a short code (", NS"), or a postal code alone.</summary>
    public const string NextLine = @"\G\.?[ \t]*,?[ \t]*\n[ \t>?]*(?:" + Unit + @"|" + PlaceWord + @"(?:[ ]" + PlaceWord + @"){0,3}(?:,?[ ](?:[A-Z]{2}|nan))?(?:,?[ ]" + PostCode + @")?|,[ ]?[\p{L}\p{N}]{1,3}(?=[ \t]*(?:\n|$))|" + PostCode + @"(?=[ \t]*(?:\n|$|[.,;?!])))";

    /// <summary>A country and postal code after a blank line, which ends an address block: "\n\n Brazil 81581".</summary>
    public const string AfterBlankLine = @"\G[ \t]*\n[ \t]*\n[ \t>?]*(?:" + PlaceWord + @"[ ]){1,3}" + PostCode;

    /// <summary>The second street of a corner: " and Mathias Pass", " and Radolič Harbor".</summary>
    public const string CornerSecond = @"\G\.?[ ]and[ ](?:" + WordCased + @"[ ]?){1,4}(?:" + Tail + @")?";
}
