return await ScamWatch.Cli.ScamWatchCli.RunAsync(args);
