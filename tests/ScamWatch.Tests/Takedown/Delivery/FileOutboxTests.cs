using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ScamWatch.Takedown;
using ScamWatch.Takedown.Delivery;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Takedown.Delivery;

/// <summary>File delivery into a real outbox folder over a real SQLite file, on a fake clock.</summary>
public sealed class FileOutboxTests : IDisposable
{
    private const string Platform = "board-f";
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private string Folder => Path.Combine(_dir.Path, "outbox", Platform);

    private Task<ServiceProvider> ServicesAsync(string format = "jsonl")
    {
        var settings = TestHost.Sqlite(_dir.File("scamwatch.db"));
        settings["Takedown:OutboxPath"] = Path.Combine(_dir.Path, "outbox");
        settings[$"Takedown:Platforms:{Platform}:Delivery"] = "file";
        settings[$"Takedown:Platforms:{Platform}:FileFormat"] = format;
        return TestHost.MigratedAsync(settings, _clock);
    }

    private string[] Files() => Directory.Exists(Folder) ? [.. Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];

    [Fact]
    public async Task Run_WritesOneDeterministicFile_RerunWritesNothingNew()
    {
        await using var services = await ServicesAsync();
        var requests = await DeliverySeed.PendingAsync(services, Platform, 4, _clock.GetUtcNow());
        var runner = services.GetRequiredService<DeliveryRunner>();

        var report = await runner.RunOnceAsync(null, CancellationToken.None);

        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal(4, report.Delivered);
        var name = FileOutbox.BatchName(requests[0].Id, requests[^1].Id, "jsonl");
        Assert.Equal([name], Files());
        var lines = await File.ReadAllLinesAsync(Path.Combine(Folder, name));
        Assert.Equal(requests.Select(r => r.IdempotencyKey), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("idempotency_key").GetString()));
        var store = services.GetRequiredService<TakedownStore>();
        foreach (var request in requests)
        {
            Assert.Equal(TakedownState.Sent, (await store.GetAsync(request.Id))!.State);
            var sent = (await store.EventsAsync(request.Id))[^1];
            Assert.Equal((FileOutbox.Actor, name), (sent.Actor, sent.Note));
        }

        var hash = SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Folder, name)));
        var again = await runner.RunOnceAsync(null, CancellationToken.None);
        Assert.Equal(0, again.Delivered);
        Assert.Equal([name], Files());
        Assert.Equal(hash, SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Folder, name))));

        var later = await DeliverySeed.PendingAsync(services, Platform, 2, _clock.GetUtcNow());
        Assert.Equal(2, (await runner.RunOnceAsync(null, CancellationToken.None)).Delivered);
        Assert.Equal([name, FileOutbox.BatchName(later[0].Id, later[^1].Id, "jsonl")], Files());
    }

    [Fact]
    public async Task Run_CrashAfterRenameBeforeMarking_RestartMarksTheSameFileAndWritesNoOther()
    {
        await using var services = await ServicesAsync(format: "csv");
        var requests = await DeliverySeed.PendingAsync(services, Platform, 3, _clock.GetUtcNow());
        var outbox = services.GetRequiredService<FileOutbox>();
        var runner = services.GetRequiredService<DeliveryRunner>();
        outbox.AfterWrite = _ => throw new IOException("simulated crash between rename and marking");

        var crashed = await runner.RunOnceAsync(null, CancellationToken.None);
        Assert.Contains(crashed.Problems, p => p.Kind == "error");
        var name = FileOutbox.BatchName(requests[0].Id, requests[^1].Id, "csv");
        Assert.Equal([name], Files());
        var hash = SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Folder, name)));
        var store = services.GetRequiredService<TakedownStore>();
        foreach (var request in requests)
        {
            Assert.Equal(TakedownState.Pending, (await store.GetAsync(request.Id))!.State);
        }

        // Another request arrives meanwhile; it must not join (and rename) the batch already written.
        var newcomer = (await DeliverySeed.PendingAsync(services, Platform, 1, _clock.GetUtcNow()))[0];
        outbox.AfterWrite = null;
        _clock.Advance(TimeSpan.FromMinutes(6)); // the crashed run's lease (5 min) is over
        var resumed = await runner.RunOnceAsync(null, CancellationToken.None);

        Assert.True(resumed.Ok, string.Join("\n", resumed.Problems));
        Assert.Equal(4, resumed.Delivered);
        Assert.Equal([name, FileOutbox.BatchName(newcomer.Id, newcomer.Id, "csv")], Files());
        Assert.Equal(hash, SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Folder, name))));
        foreach (var request in requests.Append(newcomer))
        {
            Assert.Equal(TakedownState.Sent, (await store.GetAsync(request.Id))!.State);
            Assert.Single(await store.EventsAsync(request.Id), e => e.Event == "sent");
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
