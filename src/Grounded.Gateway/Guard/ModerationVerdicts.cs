using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Grounded.Gateway.Guard;

/// <summary>
/// The moderation guard's verdicts, kept in memory by a hash of the policy version, the categories and the text (never
/// the text itself), up to a cap: past it, the oldest half is forgotten. A model's verdict on a text does not change, so
/// a repeated request costs no second classification.
/// </summary>
internal sealed class ModerationVerdicts(int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _verdicts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public int Count => _verdicts.Count;

    // The model is in the key: two policies that moderate with different models do not answer for each other.
    public static string Key(string model, string text, IReadOnlyList<string> categories) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ModerationPolicy.Version}\u0000{model}\u0000{string.Join(',', categories)}\u0000{text}")));

    public bool TryGet(string key, out IReadOnlyList<string> flagged) => _verdicts.TryGetValue(key, out flagged!);

    public void Add(string key, IReadOnlyList<string> flagged)
    {
        if (!_verdicts.TryAdd(key, flagged))
        {
            return;
        }

        _order.Enqueue(key);
        if (_verdicts.Count > capacity)
        {
            for (var i = 0; i < capacity / 2 && _order.TryDequeue(out var old); i++)
            {
                _verdicts.TryRemove(old, out _);
            }
        }
    }
}
