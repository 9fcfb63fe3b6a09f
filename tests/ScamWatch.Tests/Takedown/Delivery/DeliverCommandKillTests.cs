using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Takedown;
using ScamWatch.Takedown.Delivery;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Takedown.Delivery;

/// <summary>
/// The real executable killed in the middle of a delivery run and started again: no request lost, none sent twice
/// under a different idempotency key, every one applied once by the receiver.
/// </summary>
public sealed class DeliverCommandKillTests : IDisposable
{
    private const string Platform = "board-k";
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Deliver_KilledWhileTheWebhookHoldsACall_RestartDeliversEverythingOnce()
    {
        var db = _dir.File("scamwatch.db");
        IReadOnlyList<TakedownRequest> requests;
        await using (var seed = await TestHost.MigratedAsync(TestHost.Sqlite(db)))
        {
            requests = await DeliverySeed.PendingAsync(seed, Platform, 8, DateTimeOffset.Parse("2026-11-25T09:00:00Z", CultureInfo.InvariantCulture));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var hook = await FakeOperatorWebhook.StartAsync(DeliverySeed.Secret);
        var config = _dir.File("delivery.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            Takedown = new
            {
                Platforms = new Dictionary<string, object> { [Platform] = new { Delivery = "push", WebhookUrl = hook.Url.ToString(), WebhookSecret = DeliverySeed.Secret } },
                Delivery = new { QuickRetryDelay = "00:00:00" },
            },
        }));
        var held = hook.BlockOnNth(4);

        using (var first = Start("deliver", "--once", "--db", db, "--config", config))
        {
            var stderr = first.StandardError.ReadToEndAsync();
            _ = first.StandardOutput.ReadToEndAsync();
            var exited = first.WaitForExitAsync();
            var winner = await Task.WhenAny(held, exited).WaitAsync(TimeSpan.FromMinutes(3));
            if (winner != held)
            {
                // Read stderr only here: awaiting it in an always-evaluated assertion message would wait for the child
                // to finish its run on its own (the held call times out and is retried) before the kill below.
                Assert.Fail("the first run ended before the webhook held its fourth call: " + await stderr);
            }

            first.Kill(entireProcessTree: true);
            await exited.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(128 + 9, first.ExitCode); // ended by SIGKILL, not by finishing its run
        }

        hook.Release();
        await using (var check = await TestHost.MigratedAsync(TestHost.Sqlite(db)))
        {
            var store = check.GetRequiredService<TakedownStore>();
            var states = new List<string>();
            foreach (var r in requests)
            {
                states.Add((await store.GetAsync(r.Id))!.State);
            }

            Assert.Equal(3, states.Count(s => s == TakedownState.Sent)); // the kill came while the fourth call was held
            var held4 = (await check.GetRequiredService<DeliveryStore>().GetAsync(requests[3].Id, DeliveryChannel.Webhook))!;
            Assert.Equal(DeliveryState.Sending, held4.State); // claimed by a process that no longer exists
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var second = await CliProcess.RunAsync(_dir.Path, null, "deliver", "--once", "--db", db, "--config", config);

        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);
        Assert.Equal("", second.Stdout.Trim());
        await using var after = await TestHost.MigratedAsync(TestHost.Sqlite(db));
        var takedowns = after.GetRequiredService<TakedownStore>();
        foreach (var request in requests)
        {
            Assert.Equal(TakedownState.Sent, (await takedowns.GetAsync(request.Id))!.State);
            Assert.Single(await takedowns.EventsAsync(request.Id), e => e.Event == "sent");
            Assert.Equal(1, hook.AppliedPerRequest[request.Id.ToString(CultureInfo.InvariantCulture)]);
            Assert.All(hook.Received.Where(r => r.RequestId == request.Id.ToString(CultureInfo.InvariantCulture)), r => Assert.Equal(request.IdempotencyKey, r.IdempotencyKey));
        }

        // The held call reached the operator twice (at least once), with one key, so it took effect once.
        Assert.Equal(["accepted", "duplicate"], hook.Received.Where(r => r.IdempotencyKey == requests[3].IdempotencyKey).Select(r => r.Answer));
        Assert.Equal(requests.Count + 1, hook.Received.Count);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Deliver_WithoutOnce_IsAUsageError()
    {
        var result = await CliProcess.RunAsync(_dir.Path, null, "deliver", "--db", _dir.File("x.db"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--once", result.Stderr, StringComparison.Ordinal);
    }

    private static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Repo.ScamWatchDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["SCAMWATCH_Classifier__ModelsPath"] = Repo.Models;
        psi.Environment["SCAMWATCH_Logging__File"] = "false";
        var process = Process.Start(psi)!;
        process.StandardInput.Close();
        return process;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
