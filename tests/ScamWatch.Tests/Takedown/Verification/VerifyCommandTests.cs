using Microsoft.Extensions.DependencyInjection;
using Quartz;
using ScamWatch.Demo;
using ScamWatch.Takedown.Verification;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Takedown.Verification;

/// <summary><c>scamwatch verify --once</c> through the real executable, and the scheduled job in the served host.</summary>
public sealed class VerifyCommandTests
{
    [Fact]
    public async Task VerifyOnce_PrintsTheSummary_AndExits1WithOneLinePerCheckThatGotNoAnswer()
    {
        // The executable runs on the real clock, so the world starts an hour ago.
        await using var world = await VerificationWorld.CreateAsync(TimeProvider.System.GetUtcNow().AddHours(-1));
        var (board, site) = await world.StartBoardAsync("albaplus", VerificationWorld.DemoPosts(10023, 10045, 10004));
        var sites = Directory.CreateDirectory(Path.Combine(world.Folder, "sites")).FullName;
        await File.WriteAllTextAsync(Path.Combine(sites, "albaplus.json"), DemoBoard.SiteDefinitionJson(site.BaseUrl));
        await world.CrawlAsync(site);
        var removed = await world.ConfirmAsync("albaplus", "10023");
        var up = await world.ConfirmAsync("albaplus", "10045");
        await world.SendAsync(removed.Id, TimeSpan.FromDays(3));
        await world.SendAsync(up.Id, TimeSpan.FromDays(3));
        board.Remove(10023);

        var first = await CliProcess.RunAsync(world.Folder, null, "verify", "--once", "--db", world.DatabasePath, "--sites", sites);

        Assert.True(first.ExitCode == 0, first.Stderr);
        var lines = first.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("checked 2: 1 verified removed (median time to takedown 1h", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(", 1 still up, 0 overdue, 0 errors", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"verified-removed\trequest {removed.Id}\talbaplus\t", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"still-up\trequest {up.Id}\talbaplus\t", lines[2], StringComparison.Ordinal);

        // Nobody answers at the board's address any more: the check fails, is reported, and changes nothing.
        await world.DisposeBoardsAsync();
        var second = await CliProcess.RunAsync(world.Folder, null, "verify", "--once", "--db", world.DatabasePath, "--sites", sites, "--platform", "albaplus");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("checked 1: 0 verified removed, 0 still up, 0 overdue, 1 errors", second.Stdout, StringComparison.Ordinal);
        var problem = Assert.Single(second.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("request ", StringComparison.Ordinal));
        Assert.Contains($"request {up.Id} (albaplus): not verified: {up.Url}: ", problem, StringComparison.Ordinal);
        Assert.Equal("sent", (await world.RequestAsync(up.Id))!.State);
    }

    [Fact]
    public async Task Serve_SchedulesVerifyJobOnTheConfiguredCron()
    {
        await using var app = await ReviewApp.StartAsync(new Dictionary<string, string?> { ["Takedown:VerifyCron"] = "0 0/5 * * * ?" });

        var scheduler = await app.App.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("cron-verify", "takedown")));
        var job = await scheduler.GetJobDetail(trigger.JobKey);

        Assert.Equal("0 0/5 * * * ?", trigger.CronExpressionString);
        Assert.StartsWith(typeof(VerifyJob).FullName + ",", job!.JobType.FullName, StringComparison.Ordinal);
    }
}
