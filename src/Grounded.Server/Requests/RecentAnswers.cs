namespace Grounded.Server.Requests;

/// <summary>
/// Answers and abstentions over the last five minutes, in one-minute buckets (a fixed few numbers, whatever the traffic):
/// what the <c>grounded.answers.abstention_rate</c> gauge reads.
/// </summary>
internal sealed class RecentAnswers(TimeProvider time)
{
    private const int Minutes = 5;
    private readonly Lock _gate = new();
    private readonly (long Minute, long Answers, long Abstentions)[] _buckets = new (long, long, long)[Minutes];

    public void Add(bool abstained)
    {
        var minute = Minute();
        lock (_gate)
        {
            ref var bucket = ref _buckets[minute % Minutes];
            if (bucket.Minute != minute)
            {
                bucket = (minute, 0, 0);
            }

            bucket.Answers++;
            bucket.Abstentions += abstained ? 1 : 0;
        }
    }

    /// <summary>Returns the share of the last five minutes' answers that abstained; null when there were none.</summary>
    public double? AbstentionRate()
    {
        var now = Minute();
        long answers = 0, abstentions = 0;
        lock (_gate)
        {
            foreach (var (minute, a, b) in _buckets)
            {
                if (minute > now - Minutes && minute <= now)
                {
                    answers += a;
                    abstentions += b;
                }
            }
        }

        return answers == 0 ? null : (double)abstentions / answers;
    }

    private long Minute() => time.GetUtcNow().ToUnixTimeSeconds() / 60;
}
