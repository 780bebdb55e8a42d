namespace Grounded.Redis;

/// <summary>
/// The Lua scripts of budget counters. A counter is a hash of spent and reserved in whole nano-dollars: integers, so HINCRBY is exact,
/// passed as the client wrote them (never through Lua's number formatting), and compared exactly by Lua's doubles up to 2^53, about
/// nine million dollars. It expires a while after its period ends (EXPIREAT), by when no request counts on it; a settle arriving later
/// recreates it already expired, so it vanishes again.
/// </summary>
internal static class BudgetScript
{
    /// <summary>KEYS[1] = the counter; ARGV = limit, amount, expire-at (Unix seconds). Returns {reserved 0|1, spent, reserved} (before the call).</summary>
    public const string Reserve = """
        local state = redis.call('HMGET', KEYS[1], 'spent', 'reserved')
        local spent = tonumber(state[1]) or 0
        local reserved = tonumber(state[2]) or 0
        if spent + reserved + tonumber(ARGV[2]) > tonumber(ARGV[1]) then
          return {0, spent, reserved}
        end
        redis.call('HINCRBY', KEYS[1], 'reserved', ARGV[2])
        redis.call('EXPIREAT', KEYS[1], ARGV[3])
        return {1, spent, reserved}
        """;

    /// <summary>KEYS[1] = the counter; ARGV = minus the reservation's amount, the actual cost, expire-at (Unix seconds). Returns the spent total.</summary>
    public const string Settle = """
        local reserved = redis.call('HINCRBY', KEYS[1], 'reserved', ARGV[1])
        if reserved < 0 then
          redis.call('HSET', KEYS[1], 'reserved', 0)
        end
        local spent = redis.call('HINCRBY', KEYS[1], 'spent', ARGV[2])
        redis.call('EXPIREAT', KEYS[1], ARGV[3])
        return spent
        """;
}
