using System.Text.RegularExpressions;
using Grounded.Testing.Upstream;
using Grounded.Web.Tests.Support;
using Microsoft.Playwright;

namespace Grounded.Web.Tests.Chat;

[Collection(WebAppCollection.Name)]
public sealed class ChatPageTests(WebAppHost host)
{
    private const string OspreyQuestion = "How often does the Osprey relay station restart its beacon?";

    [SkippableFact]
    public async Task A_streamed_answer_from_a_model_has_a_citation_that_opens_the_passage_with_the_cited_sentence_marked()
    {
        host.Upstream.Reset();
        host.Upstream.Default = new Step.Ok("The Osprey relay station restarts its beacon every 40 minutes [1].");
        var page = await host.OpenAsync("#/chat");
        await page.GetByLabel("Model").SelectOptionAsync("small");

        await AskAsync(page, OspreyQuestion);

        var citation = page.Locator(".reply").GetByRole(AriaRole.Button, new() { Name = "Source 1: docs/osprey.md" });
        await Assertions.Expect(page.Locator(".reply .answer")).ToContainTextAsync("restarts its beacon every 40 minutes");
        await citation.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading)).ToContainTextAsync("docs/osprey.md");
        await Assertions.Expect(dialog.Locator("mark")).ToHaveTextAsync("The Osprey relay station restarts its beacon every 40 minutes.");

        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(citation).ToBeFocusedAsync();
        Assert.Contains(host.Upstream.Bodies, b => b.Contains("Osprey", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The_local_extractive_answer_cites_its_source_and_the_citation_opens_it()
    {
        host.Upstream.Reset();
        var page = await host.OpenAsync("#/chat", host.ReaderKey);

        await AskAsync(page, OspreyQuestion);

        await Assertions.Expect(page.Locator(".reply .answer")).ToContainTextAsync("40 minutes");
        await page.Locator(".reply button.cite").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog).Locator("mark")).ToContainTextAsync("40 minutes");
        Assert.Equal(0, host.Upstream.Requests); // no model was picked: the extractive answerer wrote it
    }

    [SkippableFact]
    public async Task A_question_the_documents_do_not_answer_shows_the_abstention_and_what_was_searched()
    {
        host.Upstream.Reset();
        var page = await host.OpenAsync("#/chat");

        await AskAsync(page, "Which composer wrote the Moonlight Sonata?");

        var abstained = page.Locator(".abstained");
        await Assertions.Expect(abstained).ToContainTextAsync("The documents do not answer this.");
        await Assertions.Expect(abstained).ToContainTextAsync("Which composer wrote the Moonlight Sonata?");
        await Assertions.Expect(page.Locator(".reply button.cite")).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task Thumbs_up_sends_feedback_on_the_answer_and_stays_pressed()
    {
        host.Upstream.Reset();
        var page = await host.OpenAsync("#/chat", host.ReaderKey);
        await AskAsync(page, OspreyQuestion);
        var up = page.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true });
        var sent = page.WaitForResponseAsync(r => r.Url.EndsWith("/v1/feedback", StringComparison.Ordinal));

        await up.ClickAsync();

        Assert.Equal(204, (await sent).Status);
        await Assertions.Expect(up).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator(".feedback [role=status]")).ToHaveTextAsync("Thanks for the feedback.");
    }

    [SkippableFact]
    public async Task A_failing_model_shows_one_readable_line()
    {
        host.Upstream.Reset();
        host.Upstream.Default = new Step.Fail(500, Message: "upstream exploded");
        var page = await host.OpenAsync("#/chat");
        await page.GetByLabel("Model").SelectOptionAsync("small");

        await AskAsync(page, OspreyQuestion);

        await Assertions.Expect(page.Locator(".chat-error")).ToHaveTextAsync(new Regex("^(The answer failed|The server refused|The service is unavailable).+"));
        await Assertions.Expect(page.GetByLabel("Question")).ToBeEnabledAsync();
    }

    [SkippableFact]
    public async Task Stop_ends_an_answer_that_is_still_being_written()
    {
        host.Upstream.Reset();
        host.Upstream.Default = new Step.Hang();
        var page = await host.OpenAsync("#/chat");
        await page.GetByLabel("Model").SelectOptionAsync("small");
        await page.GetByLabel("Question").FillAsync(OspreyQuestion);
        await page.GetByLabel("Question").PressAsync("Enter");
        var stop = page.GetByRole(AriaRole.Button, new() { Name = "Stop" });

        await stop.ClickAsync();

        await Assertions.Expect(page.Locator(".reply").Last).ToContainTextAsync("Stopped.");
        await Assertions.Expect(stop).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".chat-error")).ToBeEmptyAsync();
        host.Upstream.Reset();
    }

    [SkippableFact]
    public async Task At_a_phone_width_the_chat_does_not_scroll_sideways()
    {
        host.Upstream.Reset();
        var page = await host.OpenAsync("#/chat", host.ReaderKey, width: 390);

        await AskAsync(page, OspreyQuestion);

        await Assertions.Expect(page.Locator(".reply .answer")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390px");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ask" })).ToBeInViewportAsync();
    }

    // Types the question and presses Enter, as a person would.
    private static async Task AskAsync(IPage page, string question)
    {
        var box = page.GetByLabel("Question");
        await Assertions.Expect(box).ToBeEnabledAsync();
        await box.FillAsync(question);
        await box.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".reply").Last).ToHaveAttributeAsync("aria-busy", "false");
    }
}
