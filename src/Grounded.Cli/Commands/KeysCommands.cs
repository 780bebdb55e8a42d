using System.ComponentModel;
using System.Globalization;
using Grounded.Access;
using Grounded.Cli.Output;
using Grounded.Hosting.Access;
using Grounded.Hosting.Config;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary>The verbs that manage a store's keys as its local admin, each recorded in the audit log as <c>local</c>.</summary>
internal static class KeyActions
{
    public static Task AuditAsync(IAccessStore access, string tenant, string action, string target, string detail, CancellationToken cancellationToken) =>
        access.AppendAsync(new AuditEntry(TimeProvider.System.GetUtcNow(), CallerIdentity.Local.KeyId, tenant, action, target, $"cli@{Environment.MachineName}") { Detail = detail }, cancellationToken);

    public static void Print(KeyView key, bool json)
    {
        if (json)
        {
            JsonOutput.Write(key);
            return;
        }

        if (key.Key is { } secret)
        {
            CliConsole.Out.MarkupLine($"key        {Markup.Escape(secret)}");
            CliConsole.Out.MarkupLine("           [yellow]shown only now: store it safely[/]");
        }

        CliConsole.Out.MarkupLine($"id         {key.Id}");
        CliConsole.Out.MarkupLine($"tenant     {Markup.Escape(key.Tenant)}   role {key.Role}{(key.Groups.Count > 0 ? "   groups " + Markup.Escape(string.Join(",", key.Groups)) : "")}");
        CliConsole.Out.MarkupLine($"limits     {(key.Rpm is { } r ? r + " requests/min" : "no request limit")}, {(key.Tpm is { } t ? t + " tokens/min" : "no token limit")}");
        CliConsole.Out.MarkupLine($"created    {key.CreatedAt:u}{(key.ExpiresAt is { } e ? $"   expires {e:u}" : "")}{(key.RevokedAt is { } v ? $"   [red]revoked {v:u}[/]" : "")}");
    }

    public static UserInputException NotFound(string id) => new($"no active key with id '{id}' (grounded keys list shows them)");
}

[Description("Create an API key for a tenant and role; its secret is printed once")]
internal sealed class KeysCreateCommand : GroundedCommand<KeyCreateSettings>
{
    protected override async Task<int> RunAsync(KeyCreateSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Tenant))
        {
            throw new UserInputException("--tenant is required (e.g. --tenant acme; the default tenant is 'default')");
        }

        var role = Roles.Parse(settings.Role) ?? throw new UserInputException($"--role: '{settings.Role}' is not reader, writer or admin");
        TimeSpan? expires = null;
        if (settings.Expires is { } text)
        {
            expires = Durations.TryParse(text, out var life) && life > TimeSpan.Zero ? life : throw new UserInputException($"--expires: '{text}' is not a duration (e.g. 90d, 12h)");
        }

        var request = new NewApiKey(settings.Tenant, role)
        {
            Name = settings.Name ?? string.Empty, Groups = KeySettings.List(settings.Groups), ExpiresIn = expires,
            RequestsPerMinute = settings.Rpm, TokensPerMinute = settings.Tpm,
        };
        await using var stack = OpenStack(settings); // the keys only: no model is loaded
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var issued = await access.CreateAsync(request, cancellationToken).ConfigureAwait(false);
        await KeyActions.AuditAsync(access, issued.Key.Tenant, "key.created", issued.Key.Id, Roles.Name(issued.Key.Role), cancellationToken).ConfigureAwait(false);
        KeyActions.Print(KeyView.Of(issued.Key, issued.Secret), settings.Json);
        return ExitCodes.Success;
    }
}

[Description("List API keys (never their secrets)")]
internal sealed class KeysListCommand : GroundedCommand<KeyListSettings>
{
    protected override async Task<int> RunAsync(KeyListSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings); // the keys only: no model is loaded
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var keys = (await access.ListAsync(settings.Tenant, cancellationToken).ConfigureAwait(false)).Select(k => KeyView.Of(k)).ToList();
        if (settings.Json)
        {
            JsonOutput.Write(new { data = keys });
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("id", "tenant", "role", "name", "groups", "created", "last used", "state");
        foreach (var k in keys)
        {
            var state = k.RevokedAt is not null ? "revoked" : k.ExpiresAt is { } e && e <= DateTimeOffset.UtcNow ? "expired" : "active";
            table.AddRow(k.Id, Markup.Escape(k.Tenant), k.Role, Markup.Escape(k.Name), Markup.Escape(string.Join(",", k.Groups)),
                k.CreatedAt.ToString("u", CultureInfo.InvariantCulture), k.LastUsedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never", state);
        }

        CliConsole.Out.Write(table);
        return ExitCodes.Success;
    }
}

[Description("Show one API key")]
internal sealed class KeysShowCommand : GroundedCommand<KeyIdSettings>
{
    protected override async Task<int> RunAsync(KeyIdSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings); // the keys only: no model is loaded
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var key = await access.GetAsync(settings.Id, cancellationToken).ConfigureAwait(false) ?? throw KeyActions.NotFound(settings.Id);
        KeyActions.Print(KeyView.Of(key), settings.Json);
        return ExitCodes.Success;
    }
}

[Description("Replace an API key's secret (the old one stops working at once); the new secret is printed once")]
internal sealed class KeysRotateCommand : GroundedCommand<KeyIdSettings>
{
    protected override async Task<int> RunAsync(KeyIdSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings); // the keys only: no model is loaded
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var issued = await access.RotateAsync(settings.Id, cancellationToken).ConfigureAwait(false) ?? throw KeyActions.NotFound(settings.Id);
        await KeyActions.AuditAsync(access, issued.Key.Tenant, "key.rotated", issued.Key.Id, string.Empty, cancellationToken).ConfigureAwait(false);
        KeyActions.Print(KeyView.Of(issued.Key, issued.Secret), settings.Json);
        return ExitCodes.Success;
    }
}

[Description("Revoke an API key: every server refuses it within a second")]
internal sealed class KeysRevokeCommand : GroundedCommand<KeyIdSettings>
{
    protected override async Task<int> RunAsync(KeyIdSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings); // the keys only: no model is loaded
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var revoked = await access.RevokeAsync(settings.Id, cancellationToken).ConfigureAwait(false) ?? throw KeyActions.NotFound(settings.Id);
        await KeyActions.AuditAsync(access, revoked.Tenant, "key.revoked", revoked.Id, string.Empty, cancellationToken).ConfigureAwait(false);
        KeyActions.Print(KeyView.Of(revoked), settings.Json);
        return ExitCodes.Success;
    }
}

[Description("Show the audit log: key changes, deleted documents, who did them, when and from where")]
internal sealed class AuditCommand : GroundedCommand<AuditSettings>
{
    protected override async Task<int> RunAsync(AuditSettings settings, CancellationToken cancellationToken)
    {
        if (!Durations.TryParse(settings.Since, out var window))
        {
            throw new UserInputException($"--since: '{settings.Since}' is not a duration (e.g. 7d, 12h)");
        }

        await using var stack = OpenStack(settings); // the keys only: no model is loaded
        var access = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var entries = await access.ReadAsync(DateTimeOffset.UtcNow - window, settings.Tenant, Math.Clamp(settings.Limit, 1, 100_000), cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(new { data = entries });
            return ExitCodes.Success;
        }

        foreach (var e in entries)
        {
            CliConsole.Out.MarkupLine(Markup.Escape($"{e.At:u}  {e.Action,-18} {e.Target,-14} tenant={e.Tenant} by={e.Actor} from={e.Origin}{(e.Detail.Length > 0 ? "  " + e.Detail : "")}"));
        }

        if (entries.Count == 0)
        {
            CliConsole.Out.MarkupLine($"no audit entries in the last {Markup.Escape(settings.Since)}");
        }

        return ExitCodes.Success;
    }
}
