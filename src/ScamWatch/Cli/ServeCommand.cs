using System.CommandLine;
using Microsoft.Extensions.Options;
using ScamWatch.Crawling;
using ScamWatch.Hosting;
using ScamWatch.Sites;

namespace ScamWatch.Cli;

/// <summary><c>scamwatch serve [--urls URL]</c>: the review web app and the scheduled crawler.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Listen address(es).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var sites = new Option<string?>("--sites") { Description = "Site-definitions file or folder (default: Crawler:SitesPath, ./sites)." };
        var command = new Command("serve", "Run the review UI and API with the scheduled crawler until stopped (Ctrl-C).") { urls, sites };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            var configuration = CliContext.Configuration(parse);
            var sitesPath = parse.GetValue(sites) ?? configuration[$"{CrawlerOptions.Section}:{nameof(CrawlerOptions.SitesPath)}"] ?? "sites";
            var loaded = Directory.Exists(sitesPath) || File.Exists(sitesPath) ? SiteDefinitionLoader.Load(sitesPath) : new SiteDefinitionLoader.LoadResult([], []);
            foreach (var error in loaded.Errors)
            {
                await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            }

            await using var app = WebHost.Build(configuration, parse.GetValue(urls)!, loaded.Sites, crawlAtStart: false, parse.GetValue(CliContext.Verbose));
            await WebHost.PrepareAsync(app, ct).ConfigureAwait(false);
            await app.RunAsync(ct).ConfigureAwait(false);
            return CliRunner.Ok;
        });
        return command;
    }
}
