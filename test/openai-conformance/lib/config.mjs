// The gateway config every test file runs with: all models point at the one upstream (which answers them in script order).
//   small   the model most tests use (OpenAI-compatible, no fallback)
//   tiny    a small context window, for context_length_exceeded
//   primary falls back to backup, for "failover exhausted"
//   claude  the Anthropic provider
// One try per model (no gateway retries), a circuit that never opens, and a short attempt timeout keep the tests fast
// and independent of each other.
export const limits = {
  maxRequestBodyBytes: 65536,
  attemptTimeoutMs: 2000,
  tinyContextWindow: 200,
  maxOutputTokens: 16384,
};

/** Returns the YAML config for an upstream at `upstreamUrl` (no /v1), with `options.auth` as API keys and `options.guards` as the guards: block when given. */
export function gatewayConfig(upstreamUrl, options = {}) {
  const openai = (name, model, contextWindow = 128000, maxOutputTokens = limits.maxOutputTokens) => `
  - name: ${name}
    provider: openai
    endpoint: ${upstreamUrl}/v1
    model: ${model}
    contextWindow: ${contextWindow}
    maxOutputTokens: ${maxOutputTokens}`;
  const auth = options.auth ? `auth: { keys: [${options.auth.join(', ')}] }\n` : '';
  const guards = options.guards ? `guards: ${options.guards}\n` : '';
  return `models:${openai('small', 'gpt-4o-mini')}${openai('tiny', 'gpt-tiny', limits.tinyContextWindow, 100)}${openai('primary', 'gpt-primary')}${openai('backup', 'gpt-backup')}
  - name: claude
    provider: anthropic
    endpoint: ${upstreamUrl}
    model: claude-test
    contextWindow: 200000
    maxOutputTokens: 8192
fallbacks: { primary: [backup] }
resilience:
  retry: { maxAttempts: 1, baseDelay: 10ms, maxDelay: 50ms, jitter: 0 }
  circuitBreaker: { failureThreshold: 100000, breakDuration: 1s }
  attemptTimeout: ${limits.attemptTimeoutMs}ms
server: { maxRequestBodyBytes: ${limits.maxRequestBodyBytes} }
${auth}${guards}`;
}
