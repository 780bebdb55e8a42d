namespace Grounded.Rag.Ingest;

/// <summary>The headings above the current position of a document, outermost first, as readers meet them.</summary>
internal sealed class HeadingTrail
{
    private readonly List<string> _headings = [];

    /// <summary>Gets a snapshot of the trail for a block.</summary>
    public string[] Current => _headings.ToArray();

    /// <summary>Records a heading of <paramref name="level"/> (1 = outermost): deeper and equal headings are left, skipped levels stay empty.</summary>
    public void Enter(int level, string title)
    {
        if (_headings.Count >= level)
        {
            _headings.RemoveRange(level - 1, _headings.Count - level + 1);
        }

        while (_headings.Count < level - 1)
        {
            _headings.Add(string.Empty);
        }

        _headings.Add(title);
    }
}
