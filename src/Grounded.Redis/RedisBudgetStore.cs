using Grounded.Budgets;
using StackExchange.Redis;

namespace Grounded.Redis;

/// <summary>
/// Budget counters shared by every replica, kept in Redis under <c>budget:COUNTER</c> (after the deployment's prefix): each reserve is
/// one atomic script that checks spent + reserved + amount against the limit and holds the amount, so replicas never both take the
/// last dollar; each settle is one script that replaces the reservation with the actual cost. Dollars are counted in whole
/// nano-dollars, reservations rounded up. A replica that dies mid-request leaves its reservation held until the period ends: a
/// refusal too many, never a spend too many.
/// </summary>
public sealed class RedisBudgetStore : IBudgetStore
{
    private const string KeyPrefix = "budget:";
    private const decimal NanosPerDollar = 1_000_000_000m;

    // A counter outlives its period a little, so that a replica whose clock lags still finds it (and one whose clock leads cannot reset it early).
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    private readonly RedisConnection _connection;

    /// <summary>Creates a store over <paramref name="connection"/> (nothing is sent until the first call).</summary>
    public RedisBudgetStore(RedisConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    /// <inheritdoc />
    public async ValueTask<BudgetDecision> ReserveAsync(BudgetCounter counter, decimal amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        RedisValue[] arguments = [Nanos(counter.Limit, MidpointRounding.ToZero), Nanos(amount, MidpointRounding.ToPositiveInfinity), ExpireAt(counter)];
        var result = (RedisResult[])(await database.ScriptEvaluateAsync(BudgetScript.Reserve, [KeyPrefix + counter.Key], arguments)
            .WaitAsync(cancellationToken).ConfigureAwait(false))!;
        var (spent, reserved) = (Dollars((long)result[1]), Dollars((long)result[2]));
        return new BudgetDecision((long)result[0] == 1 ? new BudgetReservation(counter, amount) : null, spent, reserved);
    }

    /// <inheritdoc />
    public async ValueTask SettleAsync(BudgetReservation reservation, decimal actual, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentOutOfRangeException.ThrowIfNegative(actual);
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        RedisValue[] arguments =
        [
            -Nanos(reservation.Amount, MidpointRounding.ToPositiveInfinity), Nanos(actual, MidpointRounding.ToPositiveInfinity), ExpireAt(reservation.Counter),
        ];
        await database.ScriptEvaluateAsync(BudgetScript.Settle, [KeyPrefix + reservation.Counter.Key], arguments).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the dollars settled on the counter <paramref name="key"/> (0 when there is none).</summary>
    public async Task<decimal> SpentAsync(string key, CancellationToken cancellationToken)
    {
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var spent = await database.HashGetAsync(KeyPrefix + key, "spent").WaitAsync(cancellationToken).ConfigureAwait(false);
        return spent.IsNull ? 0 : Dollars((long)spent);
    }

    private static long Nanos(decimal dollars, MidpointRounding rounding) => (long)Math.Round(dollars * NanosPerDollar, 0, rounding);

    private static decimal Dollars(long nanos) => nanos / NanosPerDollar;

    private static long ExpireAt(BudgetCounter counter) => (counter.ResetsAt + Grace).ToUnixTimeSeconds();
}
