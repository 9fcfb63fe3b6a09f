using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Storage;
using ScamWatch.Tests.Support;
using ScamWatch.Tests.Training.Registry;

namespace ScamWatch.Tests.Cli;

/// <summary>
/// <c>train --include-reviews</c> through the real executable: reviewer decisions in a SQLite database become
/// labelled examples in an immutable snapshot, the card records the snapshot hash and the reviewed count.
/// </summary>
public sealed class TrainWithReviewsCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task SeedAsync(string db)
    {
        await using var sp = await TestHost.MigratedAsync(TestHost.Sqlite(db));
        await using var c = await sp.GetRequiredService<Database>().OpenAsync();
        // post 1: confirmed (lure); post 2: rejected (legit); post 3: escalated only (excluded);
        // post 4: confirmed on version 1, re-queued and rejected on version 2 (conflict: the later rejection wins).
        (long Post, string Title, string Body)[] posts =
        [
            (1, "캄보디아 고객상담 월 1500", "항공권 숙소 제공 텔레그램 @kh_job 여권만 있으면 됩니다"),
            (2, "편의점 야간 알바", "시급 12,000원 4대보험 GS25 역삼점"),
            (3, "해외 마케팅", "자세한 내용은 디엠"),
            (4, "프놈펜 채팅 상담원 급구", "당일 출국 선불 가능 텔레그램 문의"),
        ];
        foreach (var (post, title, body) in posts)
        {
            await c.ExecuteAsync("INSERT INTO posts (id, site, site_post_id, url, first_seen, last_seen, current_version_id, versions) VALUES (@post, 'albaplus', @sp, @url, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', @v, 1)",
                new { post, sp = "p" + post, url = $"https://albaplus.example/{post}", v = post * 10 + 1 });
            await c.ExecuteAsync("INSERT INTO post_versions (id, post_id, version_no, content_hash, title, body, captured_at) VALUES (@id, @post, 1, @hash, @title, @body, '2026-11-01T00:00:00Z')",
                new { id = post * 10 + 1, post, hash = "h" + post, title, body });
            await c.ExecuteAsync("INSERT INTO classifications (id, post_version_id, model_version, score, threshold, flagged, reasons, classified_at) VALUES (@id, @v, 'm', 0.9, 0.3, 1, '[]', '2026-11-01T00:00:00Z')",
                new { id = post, v = post * 10 + 1 });
            await c.ExecuteAsync("INSERT INTO review_items (id, post_id, post_version_id, classification_id, status, score, model_version, enqueued_at) VALUES (@post, @post, @v, @post, 'open', 0.9, 'm', '2026-11-01T00:00:00Z')",
                new { post, v = post * 10 + 1 });
        }

        await c.ExecuteAsync("INSERT INTO post_versions (id, post_id, version_no, content_hash, title, body, captured_at) VALUES (42, 4, 2, 'h4b', '프놈펜 여행 가이드 모집', '앙코르와트 투어 가이드, 주식회사 여행사, 4대보험', '2026-11-02T00:00:00Z')");
        (long Item, long Version, string Decision, string Reviewer, string At)[] decisions =
        [
            (1, 11, "confirmed", "kim", "2026-11-01T01:00:00Z"),
            (2, 21, "rejected", "kim", "2026-11-01T01:00:00Z"),
            (3, 31, "escalated", "kim", "2026-11-01T01:00:00Z"),
            (4, 41, "confirmed", "kim", "2026-11-01T01:00:00Z"),
            (4, 42, "rejected", "lee", "2026-11-02T01:00:00Z"),
        ];
        foreach (var d in decisions)
        {
            await c.ExecuteAsync("INSERT INTO decisions (review_item_id, post_id, post_version_id, reviewer, decision, model_version, score, decided_at) VALUES (@Item, @Item, @Version, @Reviewer, @Decision, 'm', 0.9, @At)", new { d.Item, d.Version, d.Reviewer, d.Decision, d.At });
        }
    }

    [Fact]
    public async Task TrainIncludeReviews_WritesSnapshotOnceAndCardRecordsIt()
    {
        var db = _dir.File("reviews.db");
        await SeedAsync(db);
        var data = _dir.File("corpus.jsonl");
        await File.WriteAllLinesAsync(data, ModelRegistryFixture.Sample(70).Select(r => JsonSerializer.Serialize(r)));
        var snapshots = _dir.File("snapshots");
        string[] args = ["train", "--data", data, "--include-reviews", "--db", db, "--snapshots", snapshots, "--output", _dir.File("m.zip"), "--seed", "3"];

        var first = await CliProcess.RunAsync(_dir.Path, null, args);
        var second = await CliProcess.RunAsync(_dir.Path, null, [.. args[..^4], "--output", _dir.File("m2.zip")]);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("review conflict: post albaplus/p4", first.Stderr, StringComparison.Ordinal);
        using var out1 = JsonDocument.Parse(first.Stdout);
        Assert.Equal(3, out1.RootElement.GetProperty("reviewed_examples").GetInt32());
        Assert.Equal(1, out1.RootElement.GetProperty("review_conflicts").GetInt32());
        Assert.False(out1.RootElement.GetProperty("snapshot_reused").GetBoolean());

        var dir = Assert.Single(Directory.GetDirectories(snapshots));
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "manifest.json")));
        var sha = manifest.RootElement.GetProperty("sha256").GetString()!;
        Assert.Equal(3, manifest.RootElement.GetProperty("reviewed_examples").GetInt32());
        Assert.Equal(1, manifest.RootElement.GetProperty("reviewed_posts_excluded").GetInt32());
        Assert.Equal(1, manifest.RootElement.GetProperty("conflicts").GetArrayLength());
        var lines = await File.ReadAllLinesAsync(Path.Combine(dir, "data.jsonl"));
        Assert.Contains(lines, l => l.Contains("\"id\":\"review:albaplus/p4@v2\"", StringComparison.Ordinal) && l.Contains("\"label\":\"legit\"", StringComparison.Ordinal) && l.Contains("여행 가이드", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"id\":\"review:albaplus/p1@v1\"", StringComparison.Ordinal) && l.Contains("\"label\":\"lure\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("albaplus/p3", StringComparison.Ordinal));

        using var card = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("m.json")));
        Assert.Equal(sha, card.RootElement.GetProperty("training_data").GetProperty("sha256").GetString());
        Assert.Equal(3, card.RootElement.GetProperty("training_data").GetProperty("reviewed_examples").GetInt32());

        Assert.True(second.ExitCode == 0, second.Stderr);
        using var out2 = JsonDocument.Parse(second.Stdout);
        Assert.True(out2.RootElement.GetProperty("snapshot_reused").GetBoolean());
        Assert.Equal(sha, out2.RootElement.GetProperty("training_data_sha256").GetString());
        Assert.Single(Directory.GetDirectories(snapshots));
    }

    [Fact]
    public async Task TrainPromote_SmallModelWorseThanChampion_RegistersVersionButRefusesWithReasons()
    {
        var models = _dir.File("models");
        Directory.CreateDirectory(models);
        foreach (var ext in new[] { ".zip", ".json" })
        {
            File.Copy(Path.Combine(Repo.Models, ModelRegistryFixture.Champion + ext), Path.Combine(models, ModelRegistryFixture.Champion + ext));
        }

        await File.WriteAllTextAsync(Path.Combine(models, "promoted.json"), $"{{\"version\":\"{ModelRegistryFixture.Champion}\"}}\n");
        var data = _dir.File("tiny.jsonl");
        await File.WriteAllLinesAsync(data, ModelRegistryFixture.Sample(25).Select(r => JsonSerializer.Serialize(r)));

        var r = await CliProcess.RunWithEnvironmentAsync(Repo.Root, null, new Dictionary<string, string> { ["SCAMWATCH_Classifier__ModelsPath"] = models },
            "train", "--data", data, "--promote");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("not promoted", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("challenger worse", r.Stderr, StringComparison.Ordinal);
        using var output = JsonDocument.Parse(r.Stdout);
        var version = output.RootElement.GetProperty("version").GetString()!;
        Assert.False(output.RootElement.GetProperty("promoted").GetBoolean());
        Assert.True(File.Exists(Path.Combine(models, version + ".zip")));
        Assert.True(File.Exists(Path.Combine(models, version + ".json")));
        Assert.Contains(ModelRegistryFixture.Champion, await File.ReadAllTextAsync(Path.Combine(models, "promoted.json")), StringComparison.Ordinal);
    }
}
