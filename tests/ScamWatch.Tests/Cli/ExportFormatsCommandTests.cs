using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Demo;
using ScamWatch.Review;
using ScamWatch.Sites;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Cli;

/// <summary>export --format xarf|stix and --stats on what the pipeline stored, through the real executable.</summary>
public sealed class ExportFormatsCommandTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private string _db = "";

    public async Task InitializeAsync()
    {
        _db = _dir.File("pipeline.db");
        await using var board = await DemoBoardServer.StartAsync();
        var settings = TestHost.Sqlite(_db);
        settings["Crawler:DisablePoliteness"] = "true";
        await using var services = await TestHost.MigratedAsync(settings);
        await services.GetRequiredService<ScamWatch.Crawling.SiteCrawler>().RunAsync(SiteDefinitionLoader.Parse(DemoBoard.SiteDefinitionJson(board.Url)), CancellationToken.None);
        var queue = services.GetRequiredService<ReviewQueue>();
        foreach (var item in await queue.ListAsync(new QueueQuery { Limit = 2 }))
        {
            await queue.DecideAsync(item.Id, "kim", DecisionKind.Confirm, "employment-fraud", null, DateTimeOffset.Parse("2026-11-25T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ExportXarf_OneReportPerRequestWithTheCapturedPageAsEvidence()
    {
        var result = await CliProcess.RunAsync(_dir.Path, null, "export", "--db", _db, "--format", "xarf", "--output", "out.xarf.jsonl");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = await File.ReadAllLinesAsync(_dir.File("out.xarf.jsonl"));
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            Assert.Equal("fraud", root.GetProperty("type").GetString());
            Assert.Equal("employment", root.GetProperty("fraud_type").GetString());
            var evidence = root.GetProperty("evidence")[0];
            var page = evidence.GetProperty("payload").GetBytesFromBase64();
            var sha = Convert.ToHexStringLower(SHA256.HashData(page));
            Assert.Equal("sha256:" + sha, evidence.GetProperty("hash").GetString());
            Assert.Equal(sha, root.GetProperty("scamwatch").GetProperty("evidence_sha256").GetString());
            Assert.Equal("ScamWatch", root.GetProperty("reporter").GetProperty("org").GetString());
        }
    }

    [Fact]
    public async Task ExportStix_OneBundleWithAnIndicatorPerRequest()
    {
        var result = await CliProcess.RunAsync(_dir.Path, null, "export", "--db", _db, "--format", "stix", "--platform", "albaplus", "--output", "-");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.StartsWith("bundle--", doc.RootElement.GetProperty("id").GetString(), StringComparison.Ordinal);
        var indicators = doc.RootElement.GetProperty("objects").EnumerateArray().Where(o => o.GetProperty("type").GetString() == "indicator").ToList();
        Assert.Equal(2, indicators.Count);
        Assert.All(indicators, i => Assert.StartsWith("[url:value = 'http://127.0.0.1:", i.GetProperty("pattern").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportStats_TableByDefaultJsonOnRequest()
    {
        var table = await CliProcess.RunAsync(_dir.Path, null, "export", "--db", _db, "--stats");
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("median decided→removed", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("decided-at", table.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"albaplus\s+2\s+2\s", table.Stdout);

        var json = await CliProcess.RunAsync(_dir.Path, null, "export", "--db", _db, "--stats", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Stderr);
        using var doc = JsonDocument.Parse(json.Stdout);
        var platform = Assert.Single(doc.RootElement.GetProperty("platforms").EnumerateArray().ToList());
        Assert.Equal("albaplus", platform.GetProperty("platform").GetString());
        Assert.Equal(2, platform.GetProperty("by_state").GetProperty("pending").GetInt32());
        Assert.Equal(JsonValueKind.Null, platform.GetProperty("median_seconds_decided_to_removed").ValueKind);
        Assert.Equal(0, platform.GetProperty("overdue").GetArrayLength());

        var wrong = await CliProcess.RunAsync(_dir.Path, null, "export", "--db", _db, "--stats", "--format", "xarf");
        Assert.Equal(2, wrong.ExitCode);
        var missing = await CliProcess.RunAsync(_dir.Path, null, "export", "--db", _db, "--format", "stix");
        Assert.Equal(2, missing.ExitCode);
    }
}
