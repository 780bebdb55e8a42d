using System.Text.Json;

namespace Grounded.Rag.Tests.Embed;

/// <summary>
/// Real English text for embedding checks: COVID-QA questions and paper passages when ../shared/data is present,
/// else a built-in set of sentences and short passages, so the checks run everywhere.
/// </summary>
internal static class EmbeddingSampleTexts
{
    /// <summary>Returns <paramref name="count"/> texts and where they came from.</summary>
    public static (IReadOnlyList<string> Texts, string Source) Load(int count = 50)
    {
        var path = CovidQaPath();
        if (path is null)
        {
            return (BuiltIn.Take(count).ToList(), "built-in sentences");
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var texts = new List<string>(count);
        foreach (var paper in json.RootElement.GetProperty("data").EnumerateArray().Take(count / 2))
        {
            var paragraph = paper.GetProperty("paragraphs")[0];
            texts.Add(paragraph.GetProperty("qas")[0].GetProperty("question").GetString()!);
            var words = paragraph.GetProperty("context").GetString()!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

            // Skip the title and author lines; vary the length between 60 and 240 words.
            var length = 60 + (texts.Count * 37 % 180);
            texts.Add(string.Join(' ', words.Skip(Math.Min(120, words.Length / 3)).Take(length)));
        }

        return (texts, path);
    }

    private static string? CovidQaPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Grounded.slnx")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "covidqa", "covidqa.json"));
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }

    private static readonly string[] BuiltIn =
    [
        "The quick brown fox jumps over the lazy dog.",
        "How do I reset my password if I no longer have access to my email?",
        "Photosynthesis converts light energy into chemical energy stored in glucose.",
        "The Treaty of Westphalia in 1648 ended the Thirty Years' War and reshaped the map of Europe.",
        "What is the boiling point of water at high altitude?",
        "A mortgage is a loan secured by real estate, repaid with interest over a fixed term.",
        "The mitochondria is often called the powerhouse of the cell because it produces most of its ATP.",
        "Our quarterly revenue grew by twelve percent, driven mainly by subscriptions in Europe.",
        "Please remember to water the plants on the balcony while I am away next week.",
        "Vaccines train the immune system to recognise a pathogen without causing the disease.",
        "The recipe calls for two cups of flour, one egg, and a pinch of salt.",
        "Which programming language should I learn first for data analysis?",
        "The Great Barrier Reef is the world's largest coral reef system, off the coast of Queensland.",
        "Interest rates were left unchanged as inflation continued to ease toward the target.",
        "She played the cello in the city orchestra for almost twenty years.",
        "To install the package, run the installer and follow the instructions on the screen.",
        "Black holes form when massive stars collapse under their own gravity at the end of their lives.",
        "The museum is closed on Mondays and public holidays.",
        "Why does the sky look blue during the day and red at sunset?",
        "Regular exercise lowers the risk of heart disease, type 2 diabetes and some cancers.",
        "The contract may be terminated by either party with thirty days' written notice.",
        "Shakespeare wrote Hamlet around the year 1600.",
        "Rainfall in the region has dropped sharply over the past decade, threatening local farms.",
        "Can I bring a laptop in my carry-on luggage on international flights?",
        "The defendant pleaded not guilty to all charges and was released on bail.",
        "Electric cars produce no tailpipe emissions, but their batteries require mining lithium and cobalt.",
        "The library lends books, films and music, and offers free internet access.",
        "A balanced diet includes vegetables, fruit, whole grains and enough protein.",
        "The bridge was closed for repairs after engineers found cracks in its supports.",
        "What are the symptoms of dehydration in young children?",
        "Database indexes speed up reads at the cost of slower writes and extra storage.",
        "The team won the championship after a dramatic penalty shoot-out.",
        "Honeybees communicate the location of flowers to each other through a waggle dance.",
        "The new policy requires all employees to complete security training every year.",
        "Mount Everest, on the border of Nepal and China, is the highest mountain above sea level.",
        "How long should I boil an egg to get a soft yolk?",
        "The company recalled thousands of cars because of a faulty airbag sensor.",
        "Antibiotics do not work against viral infections such as the common cold.",
        "Meditation can reduce stress and improve concentration when practised regularly.",
        "The court ruled that the law violated the constitutional right to free speech.",
        "Retrieval-augmented generation grounds a language model's answers in documents fetched at query time. " +
        "A retriever embeds the question, finds the nearest passages in a vector index, and the model is asked to " +
        "answer only from those passages, citing them, so that its claims can be checked.",
        "The Amazon rainforest spans nine countries and holds about ten percent of all known species on Earth. " +
        "Deforestation for cattle ranching and soy farming has removed a large share of its area since the 1970s, " +
        "and scientists warn that parts of it may turn into savanna if the loss continues.",
        "Sleep is regulated by two processes: a circadian rhythm that follows the day and night cycle, and a sleep " +
        "pressure that builds the longer we stay awake. Caffeine works by blocking adenosine, one of the signals of " +
        "that pressure, which is why coffee late in the day can delay sleep.",
        "The printing press, developed by Johannes Gutenberg around 1440, made books far cheaper to produce. " +
        "Literacy spread, ideas travelled faster across Europe, and the Reformation owed much of its reach to pamphlets.",
        "When the kettle is switched on, an element heats the water until a thermostat detects boiling and cuts the power.",
        "Compound interest means that interest is earned on previously earned interest, so savings grow faster over time.",
        "The hospital opened a new wing for children with space for sixty beds and a rooftop garden.",
        "Glaciers store about sixty-nine percent of the world's fresh water, and many are retreating as temperatures rise.",
        "The train to Edinburgh leaves from platform four at half past nine.",
        "Good documentation explains why a design was chosen, not just what the code does.",
    ];
}
