using Grounded.Gateway.Cache;

namespace Grounded.Gateway.Tests.Cache;

public sealed class WordOrderTests
{
    [Theory]
    [InlineData(5, 7)]
    [InlineData(63, 64)]
    [InlineData(64, 65)]
    [InlineData(150, 130)]
    [InlineData(400, 420)]
    public void TheBitParallelSubsequenceMatchesTheTextbookOne(int firstLength, int secondLength)
    {
        var random = new Random(firstLength * 1000 + secondLength);
        for (var round = 0; round < 20; round++)
        {
            var vocabulary = random.Next(2, 30);
            var first = Enumerable.Range(0, firstLength).Select(_ => $"w{random.Next(vocabulary)}").ToList();
            var second = Enumerable.Range(0, secondLength).Select(_ => $"w{random.Next(vocabulary)}").ToList();

            Assert.Equal(Textbook(first, second), WordOrder.LongestCommonSubsequence(first, second));
        }
    }

    [Fact]
    public void SharedWordsInTheSameOrderAreNotOutOfOrderWhateverIsAddedAround()
    {
        Assert.Equal(0, WordOrder.OutOfOrder(["how", "do", "i", "reset", "password"], ["please", "how", "can", "i", "reset", "my", "password", "now"]));
    }

    [Fact]
    public void ASwapPutsWordsOutOfOrder()
    {
        Assert.Equal(2, WordOrder.OutOfOrder(["did", "alice", "call", "bob"], ["did", "bob", "call", "alice"]));
    }

    private static int Textbook(List<string> a, List<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Count, b.Count];
    }
}
