using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScamWatch.Crawling;
using ScamWatch.Hosting;
using ScamWatch.Sites;
using ScamWatch.Takedown.Verification;

namespace ScamWatch.Cli;

/// <summary>
/// <c>scamwatch verify --once [--platform NAME] [--sites PATH]</c>: recheck every takedown request awaiting removal,
/// print what was found, exit 1 (one line per problem on stderr) when some checks got no answer.
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Recheck now, once, and exit (scheduled rechecks run inside `scamwatch serve`)." };
        var platform = new Option<string?>("--platform") { Description = "Only this platform's requests (the site name)." };
        var sites = new Option<string?>("--sites") { Description = "Site-definitions file or folder (default: Crawler:SitesPath, ./sites)." };
        var command = new Command("verify", "Recheck sent takedown requests: verified removed, still up, or overdue.") { once, platform, sites };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            if (!parse.GetValue(once))
            {
                throw new UsageException("verify needs --once (scheduled rechecks run inside `scamwatch serve`)");
            }

            using var host = CliContext.BuildHost(parse);
            await CliContext.MigrateAsync(host.Services, ct).ConfigureAwait(false);
            var (path, loaded) = await CliContext.LoadSitesAsync(host.Services, parse.GetValue(sites)).ConfigureAwait(false);

            host.Services.GetRequiredService<SiteRegistry>().Set(loaded.Sites);
            var report = await host.Services.GetRequiredService<TakedownVerifier>().RunAsync(parse.GetValue(platform), ct).ConfigureAwait(false);
            await PrintAsync(report).ConfigureAwait(false);
            return loaded.Errors.Count == 0 && !report.Errors.Any() ? CliRunner.Ok : CliRunner.Failed;
        });
        return command;
    }

    private static async Task PrintAsync(VerificationReport report)
    {
        var median = report.MedianTimeToTakedown is { } m ? $" (median time to takedown {VerificationDecision.Describe(m)})" : "";
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"checked {report.Checked}: {report.Removed.Count()} verified removed{median}, {report.StillUp.Count()} still up, {report.Overdue.Count()} overdue, {report.Errors.Count()} errors")).ConfigureAwait(false);
        foreach (var i in report.Removed)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"verified-removed\trequest {i.RequestId}\t{i.Platform}\t{i.Url}\t{VerificationDecision.Describe(i.Outcome.TimeToTakedown ?? TimeSpan.Zero)}\t{i.Outcome.Reason}")).ConfigureAwait(false);
        }

        foreach (var i in report.Overdue)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"overdue\trequest {i.RequestId}\t{i.Platform}\t{i.Url}\t{i.StateAfter}\t{i.Outcome.Reason}")).ConfigureAwait(false);
        }

        foreach (var i in report.StillUp)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"still-up\trequest {i.RequestId}\t{i.Platform}\t{i.Url}\t{i.StateAfter}\t{i.Outcome.Reason}")).ConfigureAwait(false);
        }

        foreach (var i in report.Errors)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"request {i.RequestId} ({i.Platform}): not verified: {i.Outcome.Reason}")).ConfigureAwait(false);
        }
    }
}
