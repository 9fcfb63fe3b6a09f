using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Demo;
using ScamWatch.Review;
using ScamWatch.Sites;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Cli;

/// <summary>posts and export read what the pipeline stored, through the real executable.</summary>
public sealed class PostsAndExportCommandTests : IAsyncLifetime
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
        var top = (await queue.ListAsync(new QueueQuery { Limit = 1 }))[0];
        await queue.DecideAsync(top.Id, "kim", DecisionKind.Confirm, "employment-fraud", null, DateTimeOffset.Parse("2026-11-25T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Posts_WritesEveryPostWithContractFields()
    {
        var result = await CliProcess.RunAsync(_dir.Path, null, "posts", "--db", _db, "--output", "-");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(100, lines.Length);
        string[] fields = ["id", "site", "url", "title", "body", "company", "location", "salary", "contact", "posted_at", "first_seen", "last_seen",
            "removed", "removed_at", "versions", "duplicate_of", "score", "flagged", "model"];
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            foreach (var field in fields)
            {
                Assert.True(doc.RootElement.TryGetProperty(field, out _), $"missing {field}");
            }

            Assert.Equal("albaplus", doc.RootElement.GetProperty("site").GetString());
            Assert.False(doc.RootElement.GetProperty("removed").GetBoolean());
            Assert.Equal(1, doc.RootElement.GetProperty("versions").GetInt32());
        }
    }

    [Fact]
    public async Task ExportAudit_WritesEveryDecisionWithEvidenceAndModel()
    {
        var result = await CliProcess.RunAsync(_dir.Path, null, "export", "--db", _db, "--audit", "--output", "-");
        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var doc = JsonDocument.Parse(line);
        Assert.Equal("kim", doc.RootElement.GetProperty("reviewer").GetString());
        Assert.Equal("confirmed", doc.RootElement.GetProperty("decision").GetString());
        Assert.Equal(64, doc.RootElement.GetProperty("evidence_sha256").GetString()!.Length);
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("model_version").GetString()));
    }

    [Fact]
    public async Task Export_PlatformCsv_HasBomHeaderAndTheConfirmedPost()
    {
        var result = await CliProcess.RunAsync(_dir.Path, null, "export", "--db", _db, "--platform", "albaplus", "--lang", "en", "--output", "out.csv");
        Assert.Equal(0, result.ExitCode);
        var bytes = await File.ReadAllBytesAsync(_dir.File("out.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("request_id,platform,url,platform_post_id", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);

        var other = await CliProcess.RunAsync(_dir.Path, null, "export", "--db", _db, "--platform", "nobody", "--format", "jsonl", "--output", "-");
        Assert.Equal(0, other.ExitCode);
        Assert.Equal("", other.Stdout.Trim());
    }
}
