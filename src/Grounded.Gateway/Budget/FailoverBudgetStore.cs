using Grounded.Budgets;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Limits;

namespace Grounded.Gateway.Budget;

/// <summary>
/// Asks a shared budget store (Redis) and, while it is out, answers as <c>limits.onRedisFailure</c> says: <see cref="RateLimitFailure.Local"/>
/// counts in this process, <see cref="RateLimitFailure.Open"/> admits every request, <see cref="RateLimitFailure.Closed"/> refuses
/// every request (<see cref="BudgetUnavailableException"/>). After an outage the shared store is left alone for a back-off; then one call
/// tries it again. What a request spent while the shared store was out is added to it when the request settles, if it is back by then.
/// </summary>
public sealed class FailoverBudgetStore : IBudgetStore
{

    private readonly IBudgetStore _primary;
    private readonly Func<Exception, bool> _isOutage;
    private readonly RateLimitFailure _mode;
    private readonly TimeProvider _time;
    private readonly OutageBackOff _outage;
    private readonly InMemoryBudgetStore? _local;

    /// <summary>Wraps <paramref name="primary"/>; <paramref name="isOutage"/> says which of its exceptions mean it is out (others propagate).</summary>
    /// <param name="primary">The shared store, e.g. Redis.</param>
    /// <param name="isOutage">Returns whether an exception of the primary means it cannot be reached.</param>
    /// <param name="mode">What to answer during an outage.</param>
    /// <param name="time">The clock for the back-off and the local counters; the system clock when null.</param>
    /// <param name="backOff">How long to leave the primary alone after an outage; 1 second when null, else more than zero.</param>
    public FailoverBudgetStore(IBudgetStore primary, Func<Exception, bool> isOutage, RateLimitFailure mode, TimeProvider? time = null, TimeSpan? backOff = null)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(isOutage);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "the failure mode must be Local, Open or Closed");
        }

        _primary = primary;
        _isOutage = isOutage;
        _mode = mode;
        _time = time ?? TimeProvider.System;
        _outage = new OutageBackOff(_time, backOff);
        _local = mode == RateLimitFailure.Local ? new InMemoryBudgetStore(_time) : null;
    }

    private enum Origin
    {
        Primary,
        Local,
        Open,
    }

    /// <summary>Gets how many calls found the primary out (at most about one per back-off while an outage lasts).</summary>
    public long Outages => _outage.Outages;

    /// <inheritdoc />
    public async ValueTask<BudgetDecision> ReserveAsync(BudgetCounter counter, decimal amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counter);
        Exception? outage = null;
        if (_outage.TryPrimary())
        {
            try
            {
                var decision = await _primary.ReserveAsync(counter, amount, cancellationToken).ConfigureAwait(false);
                _outage.Recovered();
                return Wrap(decision, Origin.Primary);
            }
            catch (Exception error) when (_isOutage(error))
            {
                _outage.Out();
                outage = error;
            }
        }

        return _mode switch
        {
            RateLimitFailure.Local => Wrap(await _local!.ReserveAsync(counter, amount, cancellationToken).ConfigureAwait(false), Origin.Local),
            RateLimitFailure.Open => new BudgetDecision(new BudgetReservation(counter, 0) { State = new Held(Origin.Open, null) }, 0, 0),
            _ => throw new BudgetUnavailableException("budgets cannot be checked: the shared budget store (Redis) cannot be reached; try again in a second", outage),
        };
    }

    /// <inheritdoc />
    public async ValueTask SettleAsync(BudgetReservation reservation, decimal actual, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (reservation.State is not Held held)
        {
            throw new ArgumentException("the reservation was not made by this store", nameof(reservation));
        }

        if (held.Origin == Origin.Local)
        {
            await _local!.SettleAsync(held.Inner!, actual, cancellationToken).ConfigureAwait(false);
        }

        // A request admitted during an outage still spent its cost: the shared counter learns it if it is back (nothing was reserved there).
        // A reservation the shared store holds is always settled there, even while new requests are kept off it (another
        // request's failure may have started the back-off and the store be back already); only a settle that fails
        // leaves it held until its period ends.
        var primary = held.Origin == Origin.Primary ? held.Inner! : new BudgetReservation(reservation.Counter, 0);
        if (held.Origin == Origin.Primary || (actual > 0 && _outage.IsHealthy))
        {
            try
            {
                await _primary.SettleAsync(primary, actual, CancellationToken.None).ConfigureAwait(false); // a settle is not abandoned with its request
            }
            catch (Exception error) when (_isOutage(error))
            {
                // The reservation stays held in the shared store until its period ends: a refusal too many, never a spend too many.
                _outage.Out();
            }
        }
    }

    private static BudgetDecision Wrap(BudgetDecision decision, Origin origin) => decision.Reservation is { } inner
        ? decision with { Reservation = new BudgetReservation(inner.Counter, inner.Amount) { State = new Held(origin, inner) } }
        : decision;

    private sealed record Held(Origin Origin, BudgetReservation? Inner);
}
