using System.Text.RegularExpressions;
using Grounded.Testing.Upstream;
using Grounded.Web.Tests.Support;
using Microsoft.Playwright;

namespace Grounded.Web.Tests.Approvals;

[Collection(WebAppCollection.Name)]
public sealed class ApprovalsPageTests(WebAppHost host)
{
    [SkippableFact]
    public async Task A_writer_sees_the_tool_call_a_run_waits_on_approves_it_and_sees_the_run_complete()
    {
        Chromium.Require();
        var task = await PausedRunAsync();

        var page = await host.OpenAsync("#/approvals", host.WriterKey);
        var run = page.GetByRole(AriaRole.Article, new() { NameRegex = new Regex(Regex.Escape(task)) });
        await Assertions.Expect(run).ToContainTextAsync("Wants to call calculate");
        await Assertions.Expect(run).ToContainTextAsync("6*7");
        await run.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Assertions.Expect(run).ToContainTextAsync("completed");
        await Assertions.Expect(run).ToContainTextAsync("It is 42.");
        await Assertions.Expect(run.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex(Regex.Escape(task)) })).ToContainTextAsync("completed");
    }

    [SkippableFact]
    public async Task A_reader_sees_a_waiting_run_but_no_approve_or_reject_button()
    {
        Chromium.Require();
        var task = await PausedRunAsync();

        var page = await host.OpenAsync("#/approvals", host.ReaderKey);
        var run = page.GetByRole(AriaRole.Article, new() { NameRegex = new Regex(Regex.Escape(task)) });

        await Assertions.Expect(run).ToContainTextAsync("Wants to call calculate");
        await Assertions.Expect(run.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        await Assertions.Expect(run.GetByRole(AriaRole.Button, new() { Name = "Reject" })).ToHaveCountAsync(0);
    }

    // Starts a run of the careful agent that stops at its calculate call (which needs approval); returns its task.
    private async Task<string> PausedRunAsync()
    {
        host.Upstream.Reset();
        host.Upstream.Then(new Step.ToolCalls([new ToolCall("calculate", """{"expression": "6*7"}""")]), new Step.Ok("It is 42."));
        var task = $"What is six times seven? ({Guid.NewGuid():N})";
        var run = await host.PostAsync("/v1/agent-runs", new { agent = "careful", task }, host.WriterKey);
        Assert.Equal("waiting_approval", run.GetProperty("status").GetString());
        return task;
    }
}
