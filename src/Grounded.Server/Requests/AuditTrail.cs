using Grounded.Access;
using Grounded.Hosting;

namespace Grounded.Server.Requests;

/// <summary>Records the administrative actions of requests in the store's append-only audit log: who (key), when, what, from where (client address).</summary>
internal sealed class AuditTrail(GroundedStack stack, TimeProvider time)
{
    public async Task RecordAsync(HttpContext http, string action, string target, string detail = "", string? tenant = null)
    {
        var caller = http.Caller();
        var entry = new AuditEntry(time.GetUtcNow(), caller.KeyId, tenant ?? caller.Tenant, action, target, http.Connection.RemoteIpAddress?.ToString() ?? "unknown")
        {
            Detail = detail,
        };
        await (await stack.GetAccessAsync(CancellationToken.None)).AppendAsync(entry, CancellationToken.None);
    }
}
