using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

public sealed class GuardEvalCommandTests : IDisposable
{
    private static readonly string[] Structured = ["EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN"];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReportsPrecisionRecallAndF1PerEntityTypeAsJson()
    {
        _dir.Write("pii.json", """
            [
              {"full_text": "Please charge my credit card. Number is 4111 1111 1111 1111", "spans": [{"entity_type": "CREDIT_CARD", "entity_value": "4111 1111 1111 1111", "start_position": 40, "end_position": 59}]},
              {"full_text": "My IBAN is GB82WEST12345698765432", "spans": [{"entity_type": "IBAN_CODE", "entity_value": "GB82WEST12345698765432", "start_position": 11, "end_position": 33}]},
              {"full_text": "Write to ann.lee@example.org or Ann Lee in Oslo", "spans": [{"entity_type": "EMAIL_ADDRESS", "entity_value": "ann.lee@example.org", "start_position": 9, "end_position": 28}, {"entity_type": "GPE", "entity_value": "Oslo", "start_position": 43, "end_position": 47}]},
              {"full_text": "Here's my SSN: 000-12-3456", "spans": []}
            ]
            """);

        var result = await CliRunner.RunAsync(_dir.Path, "guard", "eval", "--guard", "pii", "--dataset", "pii.json", "--json");

        var json = IndexedStoreFixture.Json(result);
        Assert.Equal("pii", json.GetProperty("guard").GetString());
        Assert.Equal(4, json.GetProperty("items").GetInt32());
        var byType = json.GetProperty("byType");
        foreach (var type in new[] { "CREDIT_CARD", "IBAN_CODE", "EMAIL_ADDRESS" })
        {
            Assert.Equal(1.0, byType.GetProperty(type).GetProperty("f1").GetDouble());
            Assert.Equal(1, byType.GetProperty(type).GetProperty("support").GetInt32());
        }

        Assert.Equal(0, byType.GetProperty("US_SSN").GetProperty("predicted").GetInt32()); // 000 is never an area number
        var place = byType.GetProperty("GPE");
        Assert.Equal(0, place.GetProperty("recall").GetDouble());
        Assert.False(place.GetProperty("counted").GetBoolean());
        Assert.Equal(["GPE"], json.GetProperty("notCounted").EnumerateArray().Select(e => e.GetString()));
        var micro = json.GetProperty("micro");
        Assert.Equal(1.0, micro.GetProperty("recall").GetDouble()); // the place is left out of micro
        Assert.True(micro.GetProperty("precision").GetDouble() < 1.0); // "Ann Lee" is a person nobody labelled
        Assert.True(json.GetProperty("nameLists").GetBoolean());
    }

    [Fact]
    public async Task TheNameListsCanBeTurnedOffAndTheTableIsPrintedWithoutJson()
    {
        _dir.Write("pii.json", """[{"full_text": "I met Richard yesterday", "spans": [{"entity_type": "PERSON", "start_position": 6, "end_position": 13}]}]""");

        var on = IndexedStoreFixture.Json(await CliRunner.RunAsync(_dir.Path, "guard", "eval", "--guard", "pii", "--dataset", "pii.json", "--json"));
        var off = IndexedStoreFixture.Json(await CliRunner.RunAsync(_dir.Path, "guard", "eval", "--guard", "pii", "--dataset", "pii.json", "--no-name-lists", "--json"));
        var table = await CliRunner.RunAsync(_dir.Path, "guard", "eval", "--guard", "pii", "--dataset", "pii.json");

        Assert.Equal(1.0, on.GetProperty("byType").GetProperty("PERSON").GetProperty("recall").GetDouble());
        Assert.Equal(0, off.GetProperty("byType").GetProperty("PERSON").GetProperty("recall").GetDouble());
        Assert.False(off.GetProperty("nameLists").GetBoolean());
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("PERSON", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("micro (detected types)", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingDatasetIsAOneLineUserError()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "guard", "eval", "--guard", "pii", "--dataset", "nowhere.json", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: no such PII data set: nowhere.json", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task AnUnknownGuardIsAUserError()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "guard", "eval", "--guard", "toxicity", "--dataset", "x.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown guard 'toxicity' (known: pii, injection)", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OnThePresidioDevSetTheStructuredTypesReachF1OfAtLeast095()
    {
        var path = DevSet();
        Skip.If(path is null, "../shared/data/pii/dev.json (or $GROUNDED_DATA/pii/dev.json) is not present");

        var json = IndexedStoreFixture.Json(await CliRunner.RunAsync(_dir.Path, "guard", "eval", "--guard", "pii", "--dataset", path!, "--json"));

        Assert.Equal(750, json.GetProperty("items").GetInt32());
        foreach (var type in Structured)
        {
            var f1 = json.GetProperty("byType").GetProperty(type).GetProperty("f1").GetDouble();
            Assert.True(f1 >= 0.95, $"{type} F1 {f1} < 0.95");
        }
    }

    private static string? DevSet()
    {
        if (Environment.GetEnvironmentVariable("GROUNDED_DATA") is { Length: > 0 } data && File.Exists(Path.Combine(data, "pii", "dev.json")))
        {
            return Path.Combine(data, "pii", "dev.json");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Grounded.slnx")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "pii", "dev.json"));
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
