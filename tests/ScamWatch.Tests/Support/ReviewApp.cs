using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Accounts;
using ScamWatch.Demo;
using ScamWatch.Hosting;
using ScamWatch.Sites;

namespace ScamWatch.Tests.Support;

/// <summary>The real review web app on a free loopback port, with the demo board crawled into a fresh SQLite file.</summary>
public sealed partial class ReviewApp : IAsyncDisposable
{
    private readonly TempDir _dir = new();

    public WebApplication App { get; private set; } = null!;

    public DemoBoardServer Board { get; private set; } = null!;

    public SiteDefinition Site { get; private set; } = null!;

    public string Url { get; private set; } = "";

    public static async Task<ReviewApp> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var r = new ReviewApp();
        r.Board = await DemoBoardServer.StartAsync();
        r.Site = SiteDefinitionLoader.Parse(DemoBoard.SiteDefinitionJson(r.Board.Url));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = r._dir.File("review.db"),
            ["Classifier:ModelsPath"] = Repo.Models,
            ["Crawler:DisablePoliteness"] = "true",
            ["Web:KeysPath"] = r._dir.File("keys"),
            ["Logging:File"] = "false",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        r.App = WebHost.Build(configuration, "http://127.0.0.1:0", [r.Site], crawlAtStart: false, verbose: false);
        await WebHost.PrepareAsync(r.App, CancellationToken.None);
        await r.App.StartAsync();
        r.Url = DemoBoardServer.ServerUrl(r.App);
        var users = r.App.Services.GetRequiredService<UserStore>();
        await users.UpsertAsync("kim", "reviewer-pass-1", Roles.Reviewer, null);
        await users.UpsertAsync("lee", "reviewer-pass-2", Roles.Reviewer, null);
        await users.UpsertAsync("op", "operator-pass-1", Roles.Operator, "albaplus");
        await users.UpsertAsync("op2", "operator-pass-2", Roles.Operator, "other-site");
        await users.UpsertAsync("ana", "analyst-pass-1", Roles.Analyst, null);
        await users.UpsertAsync("boss", "admin-pass-1", Roles.Admin, null);
        return r;
    }

    public async Task CrawlAsync() =>
        await App.Services.GetRequiredService<ScamWatch.Crawling.SiteCrawler>().RunAsync(Site, CancellationToken.None);

    /// <summary>An HTTP client with its own cookie jar, signed in as the user (or anonymous when user is null).</summary>
    public async Task<HttpClient> ClientAsync(string? user, string? password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(Url) };
        if (user is not null)
        {
            var login = await client.GetStringAsync("/login");
            var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = user,
                ["password"] = password!,
                ["__RequestVerificationToken"] = Token(login),
            }));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"login as {user} failed: {(int)response.StatusCode}");
            }
        }

        return client;
    }

    public static string Token(string html) => TokenRegex().Match(html).Groups[1].Value;

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Board.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
