using System.CommandLine;

namespace ScamWatch.Cli;

/// <summary>The <c>scamwatch</c> command line: one executable, one verb per job (CONTRACTS.md).</summary>
public static class ScamWatchCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("ScamWatch: find and take down online job posts that lure people abroad into scam compounds.");
        root.Options.Add(CliContext.Config);
        root.Options.Add(CliContext.Db);
        root.Options.Add(CliContext.Verbose);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(CrawlCommand.Create());
        root.Subcommands.Add(ClassifyCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(ModelsCommand.Create());
        root.Subcommands.Add(PostsCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(DeliverCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"scamwatch: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run 'scamwatch --help' (or 'scamwatch VERB --help') for usage.").ConfigureAwait(false);
            return CliRunner.Usage;
        }

        // The hosts handle SIGINT/SIGTERM themselves (graceful stop); System.CommandLine must not race them for the signal.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }
}
