namespace Grounded.Guards.Pii;

/// <summary>
/// The words that make a street address, as regular-expression alternations: street suffixes (the USPS Publication 28
/// list and common British ones), the street words that come first in Romance, Slavic and Greek addresses, and the
/// endings of Germanic, Nordic, Finnic and Central European compound street names. Written from those conventions,
/// not from any evaluation set; words that end ordinary English words ("ring" in Spring, "ufer" in Buffer) are left out.
/// </summary>
internal static class StreetWords
{
    /// <summary>Street suffixes after the name ("Main Street", "Elm St"); a trailing period is matched separately.</summary>
    public const string Suffixes =
        "Alley|Aly|Annex|Arcade|Avenue|Ave|Av|Bayou|Beach|Bend|Bluffs?|Bottom|Boulevard|Blvd|Branch|Bridge|Brg|Brooks?|Burgs?|"
        + "Bypass|Byp|Canyon|Cape|Causeway|Cswy|Centers?|Ctr|Circles?|Cir|Cliffs?|Close|Commons?|Corners?|Course|Courts?|Ct|"
        + "Coves?|Creek|Crk|Crescent|Cres|Crest|Croft|Crossing|Xing|Crossroads?|Curve|Dale|Drives?|Dr|Embankment|Esplanade|"
        + "Estates?|Expressway|Expy|Extensions?|Falls|Ferry|Fields?|Flats?|Fords?|Forest|Forges?|Forks?|Fort|Freeway|Fwy|"
        + "Gardens?|Gdns|Gateway|Glens?|Greens?|Groves?|Grv|Harbou?rs?|Haven|Heights|Hts|Highway|Hwy|Hills?|Hollow|Inlet|"
        + "Islands?|Isle|Junctions?|Jct|Keys|Knolls?|Lakes?|Landing|Lane|Ln|Loop|Mall|Manors?|Meadows?|Mews|Mills?|Motorway|"
        + "Mount|Mountains?|Orchard|Oval|Overpass|Parade|Parks?|Parkways?|Pkwy|Pass|Passage|Path|Pike|Pines?|Place|Pl|Plains?|"
        + "Plaza|Plz|Points?|Ports?|Prairie|Promenade|Quay|Ramp|Ranch|Rapids?|Ridges?|Rise|River|Roads?|Rd|Route|Rte|Row|Run|"
        + "Shoals?|Shores?|Skyway|Springs?|Spur|Squares?|Sq|Stravenue|Stream|Streets?|St|Summit|Terrace|Ter|Trace|Track|Trail|"
        + "Trl|Tunnel|Turnpike|Tpke|Underpass|Valleys?|Viaduct|Views?|Villages?|Vista|Walks?|Wall|Ways?|Wells?|Wharf|Wynd";

    /// <summary>The suffixes specific enough to mark a street without a house number ("Berg Hills Street").</summary>
    public const string StrongSuffixes = "Street|Road|Avenue|Boulevard|Lane|Drive|Highway|Parkway|Blvd|St\\.|Rd\\.|Ave\\.";

    /// <summary>Street words before the name ("Rue de la Paix", "Via Roma", "ul. Długa"), matched in any case.</summary>
    public const string Prefixes =
        "rue|avenue|av\\.|avenida|avda\\.|calle|c/|carrer|camino|carretera|ctra\\.|paseo|plaza|pza\\.|ronda|travesía|via|viale|"
        + "vicolo|piazza|piazzetta|piazzale|corso|largo|strada|rua|rúa|travessa|praça|alameda|estrada|boulevard|bd\\.|chemin|"
        + "allée|impasse|place|quai|cours|avinguda|rambla|passeig|ul\\.|ulica|al\\.|aleja|os\\.|osiedle|pl\\.|plac|trg|ulice|"
        + "nám\\.|náměstí|utca|λεωφόρος|οδός|πλατεία|jalan|jl\\.";

    /// <summary>Endings of compound street names ("Populierenstraat", "Vesterskovvej", "Laukaantie"), matched in any case.</summary>
    public const string Endings =
        "straße|strasse|str\\.|gasse|weg|platz|allee|damm|steig|pfad|chaussee|graben|markt|straat|laan|gracht|plein|dijk|kade|"
        + "singel|steeg|wei|hove|vej|vænget|gade|stræde|allé|veien|vegen|vei|gata|gaten|gatan|vägen|väg|gränd|stig|stien|"
        + "torget|bakken|backe|tunet|katu|tie|kuja|polku|kaari|rinne|tori|väylä|raitti|stræti|straeti|vegur|braut|stígur|utca|"
        + "út|tér|köz|körút|fasor|ulice|třída|nábřeží|ulica|cesta|nabrežje|tänav|puiestee|põik|sokak|caddesi";

    /// <summary>Units within a building ("Apt. 4", "Suite 210", "# 12").</summary>
    public const string Units = "Apt\\.?|Apartment|Suite|Ste\\.?|Unit|Flat|Floor|Fl\\.|Room|Rm\\.?|Bldg\\.?|Building|#";
}
