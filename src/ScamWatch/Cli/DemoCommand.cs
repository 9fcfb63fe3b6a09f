using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScamWatch.Accounts;
using ScamWatch.Demo;
using ScamWatch.Hosting;
using ScamWatch.Sites;

namespace ScamWatch.Cli;

/// <summary>
/// <c>scamwatch demo</c>: the whole pipeline on loopback — the demo job board, the crawler pointed at it, the shipped
/// model, and the review UI — with a demo reviewer account. Data goes to <c>./data/demo.db</c> unless <c>--db</c> says otherwise.
/// </summary>
public static class DemoCommand
{
    public const string DemoUser = "reviewer";
    public const string DemoPassword = "scamwatch-demo";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Review UI port on 127.0.0.1.", DefaultValueFactory = _ => 5080 };
        var boardPort = new Option<int>("--board-port") { Description = "Demo job board port on 127.0.0.1.", DefaultValueFactory = _ => 5081 };
        var command = new Command("demo", "Run the demo: a built-in Korean job board, the crawler, the classifier and the review UI, all on 127.0.0.1.") { port, boardPort };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            var extra = new Dictionary<string, string?>();
            if (parse.GetValue(CliContext.Db) is null)
            {
                extra["Storage:SqlitePath"] = Path.Combine("data", "demo.db");
            }

            var configuration = CliContext.Configuration(parse, extra);
            var boardUrl = $"http://127.0.0.1:{parse.GetValue(boardPort)}";
            var uiUrl = $"http://127.0.0.1:{parse.GetValue(port)}";
            var board = new DemoBoard(DemoBoard.LoadEmbedded());
            await using var boardApp = await board.StartAsync(boardUrl, ct).ConfigureAwait(false);
            var site = SiteDefinitionLoader.Parse(DemoBoard.SiteDefinitionJson(boardUrl));

            await using var app = WebHost.Build(configuration, uiUrl, [site], crawlAtStart: true, parse.GetValue(CliContext.Verbose));
            await WebHost.PrepareAsync(app, ct).ConfigureAwait(false);
            await app.Services.GetRequiredService<UserStore>().UpsertAsync(DemoUser, DemoPassword, Roles.Reviewer, null, ct).ConfigureAwait(false);
            await app.StartAsync(ct).ConfigureAwait(false);
            app.Services.GetRequiredService<ILogger<DemoBoard>>().LogInformation(
                "Demo running: review UI {UiUrl} (login {DemoUser} / {DemoPassword}), demo job board {BoardUrl}; the first crawl has started. Ctrl-C stops.",
                uiUrl, DemoUser, DemoPassword, boardUrl);
            await Console.Out.WriteLineAsync($"""

                ScamWatch demo
                  Review UI:      {uiUrl}   (login: {DemoUser} / {DemoPassword})
                  Demo job board: {boardUrl}
                  The crawler is reading the board now; flagged posts appear in the queue within a minute.
                  Ctrl-C stops everything.

                """).ConfigureAwait(false);
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            return CliRunner.Ok;
        });
        return command;
    }
}
