namespace Grounded.Redis;

/// <summary>
/// The Lua script that refills and takes (or debits) a token bucket in one atomic step. The bucket is a hash of tokens (a float, so
/// refill is continuous) and ts (the server's time in milliseconds when they were counted); it expires 2 × Period after its last use,
/// by when it would be full again anyway. Time is the server's (TIME), so every replica reads one clock.
/// </summary>
internal static class TokenBucketScript
{
    /// <summary>KEYS[1] = the bucket; ARGV = capacity, period in ms, cost, "acquire" or "debit". Returns {allowed 0|1, whole tokens left, retry-after ms}.</summary>
    public const string Source = """
        local capacity = tonumber(ARGV[1])
        local period = tonumber(ARGV[2])
        local cost = tonumber(ARGV[3])
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + tonumber(clock[2]) / 1000
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
        local tokens = tonumber(state[1]) or capacity
        local ts = tonumber(state[2]) or now
        -- a clock that went back (a failover to a skewed server) refills nothing and counts on from its own now
        if now > ts then
          tokens = tokens + (now - ts) * capacity / period
        end
        tokens = math.min(tokens, capacity)
        local allowed, retry = 1, 0
        if ARGV[4] == 'acquire' then
          local need = math.max(cost, 1)
          if tokens + 1e-9 < need then
            allowed = 0
            retry = math.min(1e15, math.max(1, math.ceil((need - tokens) * period / capacity - 1e-9)))
          else
            tokens = tokens - cost
          end
        else
          tokens = math.max(-capacity, tokens - cost)
        end
        redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'ts', string.format('%.17g', now))
        redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil(2 * period)))
        local remaining = 0
        if tokens > 0 then
          remaining = math.floor(tokens + 1e-9)
        end
        return {allowed, remaining, retry}
        """;
}
