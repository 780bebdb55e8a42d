namespace Grounded.Guards.Pii;

/// <summary>
/// Capitalised words that are not people's names: function words and other words that start sentences, days and
/// months, titles and roles, words of organisations, places and addresses, countries, nationalities and continents,
/// and the common nouns and adjectives that titles of works capitalise. A run of capitalised words made of these is
/// not taken for a name (when a name list is on, a listed surname after a listed first name still is).
/// </summary>
internal static class NotNames
{
    /// <summary>The words, separated by spaces.</summary>
    public const string All =
        // function words, pronouns, sentence openers
        "I Me My Mine Myself You Your Yours He Him His She Her Hers It Its We Us Our They Them Their Who Whom Whose What "
        + "Which When Where Why How The A An This That These Those There Here And Or But Nor So Yet If Then Than Because "
        + "Although Though While Whereas Unless Until Since As At By For From In Into Of Off On Onto Out Over Per To Up "
        + "Upon Via With Within Without About Above Across After Against Along Among Around Before Behind Below Beneath "
        + "Beside Besides Between Beyond Despite Down During Except Inside Like Near Outside Past Through Throughout Toward "
        + "Towards Under Underneath Unlike Is Are Was Were Be Been Being Am Do Does Did Done Have Has Had Can Could May "
        + "Might Must Shall Should Will Would Not No Yes Yeah Ok Okay All Any Both Each Every Either Neither Few Many Much "
        + "More Most Other Others Another Some Such Only Own Same Very Just Also Too Even Still Already Again Ever Never "
        + "Always Often Sometimes Usually Maybe Perhaps Please Thanks Thank Sorry Hi Hello Hey Dear Regards Sincerely Best "
        + "Cheers Welcome Goodbye Bye Note See Let Lets Get Got Make Made Take Took Give Gave Keep Kept Tell Told Ask Asked "
        + "Call Called Send Sent Need Want Find Found Check Update Change Add Remove Cancel Block Stop Start Use Try Help "
        + "Follow Meet Read Write Wrote Go Went Come Came Look Looking Think Know Knew Say Said Says Show Shows Played "
        + "However Therefore Meanwhile Moreover Furthermore Otherwise Instead Anyway Unfortunately Fortunately Hopefully "
        + "Actually Basically Finally First Second Third Last Next New Old Today Tomorrow Yesterday Tonight Now Later Soon "
        + "Once Twice Everyone Everybody Someone Somebody Anyone Anybody Nobody Nothing Something Anything Everything "
        + "One Two Three Four Five Six Seven Eight Nine Ten Hundred Thousand Million Billion None Whatever Wherever "
        // time
        + "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri Sat Sun January February March "
        + "April June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
        + "Spring Summer Autumn Fall Winter Christmas Easter Halloween Thanksgiving Ramadan Morning Afternoon Evening Night "
        + "Day Days Week Weekend Month Year Years Decade Century Today's "
        // titles, roles
        + "Mr Mrs Ms Miss Mx Dr Prof Professor Sir Madam Madame Mme Mlle Lord Lady Dame Rev Reverend Father Sister Brother "
        + "Captain Capt Colonel Col General Gen Lieutenant Lt Sergeant Sgt Major Officer Agent Detective Judge Justice "
        + "President Vice Chairman Chair CEO CFO CTO COO Director Manager Head Chief Senior Junior Jr Sr Esq PhD MD DDS "
        + "MBA CPA RN Producer Singer Songwriter Author Writer Editor Reporter Player Coach Minister Secretary Senator "
        + "Governor Mayor King Queen Prince Princess Duke Pope Saint St Bot User Customer Client Patient Guest Admin "
        + "Support Team Staff Member Members Speaker Host Name Names Address Phone Email Mail Website Date Time Subject "
        + "Re Fwd Fw Cc Bcc Attn Attention Ref Order Invoice Account Card Number Code Password Login Total Amount Price "
        // organisations
        + "Inc Incorporated LLC Ltd Limited Corp Corporation Co Company Companies Group Holdings Partners Associates "
        + "International Global Worldwide Industries Enterprises Solutions Services Systems Technologies Technology Tech "
        + "Software Labs Lab Consulting Capital Ventures Investments Financial Finance Bank Banks Insurance Trust Fund "
        + "Foundation Institute Institution Association Society Union Federation Council Committee Commission Board "
        + "Agency Authority Administration Department Ministry Office Bureau Service Government Parliament Congress "
        + "Senate Court Police Army Navy Force Forces Border Guard University College School Academy Hospital Clinic "
        + "Center Centre Museum Library Gallery Theatre Theater Studio Studios Records Media Network News Press Times "
        + "Post Journal Review Magazine Weekly Daily Radio TV Television Channel Film Films Movie Pictures Entertainment "
        + "Music Band Orchestra Choir Club Church Cathedral Temple Mosque Airlines Airways Motors Energy Power Oil Gas "
        + "Electric Water Health Care Medical Pharma Foods Food Restaurant Cafe Coffee Hotel Hotels Resort Store Stores "
        + "Shop Market Markets Mall Brands Products Data Public Private Explorer Google Microsoft Apple Amazon Facebook "
        + "Meta Twitter Netflix Uber Tesla Intel Oracle Samsung Sony IBM Visa Mastercard PayPal Wikipedia YouTube "
        // places and addresses
        + "Street St Road Rd Avenue Ave Boulevard Blvd Lane Drive Court Place Square Way Highway Apt Apartment Suite "
        + "Unit Floor Box PO PSC APO FPO DPO City Town Village County District Province State States Region Republic "
        + "Kingdom Empire United Federal National North South East West Northern Southern Eastern Western Central Upper "
        + "Lower Greater Grand Great Big Little Royal Saint Mount Lake River Sea Ocean Bay Island Islands Beach Coast "
        + "Valley Hills Hill Park Garden Gardens Bridge Tower Airport Station Port Harbor Harbour Downtown Uptown Capitol "
        + "America American Americas Europe European Asia Asian Africa African Australia Australian Antarctica Arctic "
        + "Atlantic Pacific Mediterranean Caribbean Latin Middle Far Near Afghanistan Albania Algeria Andorra Angola "
        + "Argentina Armenia Austria Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan "
        + "Bolivia Bosnia Botswana Brazil Brunei Bulgaria Burkina Burundi Cambodia Cameroon Canada Chile China "
        + "Colombia Comoros Congo Croatia Cuba Cyprus Czech Czechia Denmark Djibouti Dominica Ecuador Egypt "
        + "England Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece "
        + "Greenland Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland "
        + "Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Korea Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon "
        + "Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta "
        + "Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia "
        + "Nauru Nepal Netherlands Zealand Nicaragua Niger Nigeria Macedonia Norway Oman Pakistan Palau Palestine Panama "
        + "Papua Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Arabia Senegal Serbia "
        + "Seychelles Singapore Slovakia Slovenia Solomon Somalia Spain Lanka Sudan Suriname Sweden "
        + "Switzerland Syria Taiwan Tajikistan Tanzania Thailand Timor Togo Tonga Trinidad Tobago Tunisia Turkey "
        + "Turkmenistan Tuvalu Uganda Ukraine Emirates Britain Kingdom Scotland Wales Uruguay Uzbekistan Vanuatu Vatican "
        + "Venezuela Vietnam Yemen Zambia Zimbabwe Greek Greeks Greenlander English British Irish Scottish Welsh French "
        + "German Germans Dutch Flemish Belgian Swiss Austrian Italian Spanish Portuguese Danish Swedish Norwegian Finnish "
        + "Icelandic Polish Czech Slovak Hungarian Romanian Bulgarian Serbian Croatian Slovenian Bosnian Albanian "
        + "Russian Ukrainian Belarusian Estonian Latvian Lithuanian Turkish Armenian Georgian Persian Iranian Iraqi "
        + "Arab Arabic Israeli Jewish Egyptian Moroccan Tunisian Algerian Nigerian Kenyan Ethiopian Chinese Japanese "
        + "Korean Vietnamese Thai Indian Pakistani Bangladeshi Indonesian Filipino Malaysian Mexican Brazilian Argentine "
        + "Argentinian Chilean Colombian Peruvian Venezuelan Cuban Canadian Chechen Catalan Basque Kurdish Muslim "
        + "Catholic Protestant Buddhist Hindu London Paris Berlin Rome Madrid Moscow Tokyo Beijing York "
        + "Los Angeles Chicago Boston Washington Toronto Sydney Dubai Amsterdam Brussels Vienna Prague Warsaw Budapest "
        + "Stockholm Oslo Copenhagen Helsinki Dublin Lisbon Athens Istanbul Cairo Delhi Mumbai Seoul Shanghai "
        // common nouns and adjectives of titles
        + "Guilty Pleasures Pleasure Tales Tale Story Stories History Book Books Song Songs Album Track Tracks Show Series "
        + "Season Episode Chapter Part Volume Edition Version Article Section Title Act Law Rights Civil Human World "
        + "Life Love Death War Peace Man Men Woman Women Boy Boys Girl Girls Child Children Kids Family People Friends "
        + "Home House Heart Soul Mind Body Blood Fire Ice Light Dark Black White Red Blue Green Yellow Golden Silver "
        + "Gold Star Stars Sun Moon Sky Earth Land Wind Rain Snow Storm Stone Rock Roll Pop Jazz Blues Soul Hip Hop "
        + "Dance Party Night Nights Dream Dreams Secret Secrets Best Top Greatest Last Final Free Happy Sad Good Bad "
        + "Wild Sweet Hot Cold High Low Long Short Young True Real Right Left Open Closed Total Full Half Zero Hero "
        + "Heroes Monster Monsters Ghost Angel Angels Devil Baby Mama Papa Mother Daddy Lady Ladies Gentleman Gentlemen "
        + "Business Money Cash Credit Debit Bitcoin Internet Web Online Digital Smart Mobile Cloud Cyber Social Media "
        + "Project Program Programme Plan Policy Report Study Research Science Art Arts Design Education Training "
        + "Sales Marketing Product Customers Clients Partner Partners Contact Info Information Personal Details Summary "
        + "Notes Question Questions Answer Answers Problem Issue Issues Error Errors Warning Request Response Message "
        + "E-mail Mobile Desk Fax Tel Telephone Cell Website Url Link Location Status Type Category Source Genre Rating Cast "
        + "Directed Starring Written Produced Action Adventure Animation Comedy Drama Mystery Suspense Horror Thriller "
        + "Romance Documentary Fantasy Family Billing Shipping Personal Info Where Website Company Title Position "
        + "Welcome Introduction Conclusion Overview Background Abstract Results Methods Discussion Appendix Figure Table";
}
