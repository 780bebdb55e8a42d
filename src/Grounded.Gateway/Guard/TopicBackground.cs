namespace Grounded.Gateway.Guard;

/// <summary>
/// Ordinary sentences on no topic in particular, whose mean embedding the topic policy subtracts before comparing: sentence
/// embeddings share a large common component (arctic-embed-xs puts unrelated sentences at 0.65-0.77 cosine), and removing
/// it spreads the scores so that one threshold separates on-topic from off-topic requests whatever the topics.
/// </summary>
internal static class TopicBackground
{
    public static readonly IReadOnlyList<string> Sentences =
    [
        "The weather will be sunny tomorrow.", "How do I bake bread at home?", "The meeting is moved to Thursday.", "Python is a programming language.",
        "What time does the museum open?", "I like to read books in the evening.", "The train was late again this morning.", "Can you recommend a good movie?",
        "Photosynthesis converts light into chemical energy.", "My phone battery drains quickly.", "Let's go hiking this weekend.", "The company reported higher profits.",
        "How many players are in a football team?", "Translate this sentence into French.", "The cat is sleeping on the sofa.", "What is the population of Tokyo?",
    ];
}
