using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScamWatch.Crawling;
using ScamWatch.Hosting;
using ScamWatch.Sites;

namespace ScamWatch.Cli;

/// <summary><c>scamwatch crawl --once [--site NAME] [--sites PATH]</c> (CONTRACTS.md).</summary>
public static class CrawlCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Run the site definitions once, now, and exit when done." };
        var site = new Option<string?>("--site") { Description = "Only this site." };
        var sites = new Option<string?>("--sites") { Description = "Site-definitions file or folder (default: Crawler:SitesPath, ./sites)." };
        var command = new Command("crawl", "Crawl job sites: classify new and changed posts and queue the flagged ones.") { once, site, sites };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            if (!parse.GetValue(once))
            {
                throw new UsageException("crawl needs --once (scheduled crawling runs inside `scamwatch serve`)");
            }

            using var host = CliContext.BuildHost(parse);
            await CliContext.MigrateAsync(host.Services, ct).ConfigureAwait(false);
            var (path, loaded) = await CliContext.LoadSitesAsync(host.Services, parse.GetValue(sites)).ConfigureAwait(false);

            var selected = loaded.Sites.Where(s => s.Enabled).ToList();
            if (parse.GetValue(site) is { } name)
            {
                selected = [.. loaded.Sites.Where(s => s.Name == name)];
                if (selected.Count == 0)
                {
                    throw new UsageException($"--site: no site named \"{name}\" in {path}");
                }
            }

            var crawler = host.Services.GetRequiredService<SiteCrawler>();
            var failures = loaded.Errors.Count;
            foreach (var definition in selected)
            {
                var report = await crawler.RunAsync(definition, ct).ConfigureAwait(false);
                foreach (var error in report.Errors)
                {
                    await Console.Error.WriteLineAsync($"{definition.Name}: {error}").ConfigureAwait(false);
                }

                failures += report.Errors.Count;
                await Console.Out.WriteLineAsync(
                    $"{definition.Name}: {report.ListPages} list pages, {report.DetailPages} detail pages, {report.NewPosts} new, {report.ChangedPosts} changed, {report.Removed} removed, {report.Flagged} flagged, {report.Errors.Count} errors").ConfigureAwait(false);
            }

            return failures == 0 ? CliRunner.Ok : CliRunner.Failed;
        });
        return command;
    }
}
