using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Accounts;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Web;

/// <summary>
/// The operator endpoints and pages against every role and an anonymous caller, over real HTTP. A refusal never
/// carries a request's URL.
/// </summary>
public sealed class OperatorAccessMatrixTests : IAsyncLifetime
{
    private static readonly string[] Who = ["anonymous", "operator", "analyst", "reviewer", "admin"];
    private static readonly Dictionary<string, (string User, string Password)> Accounts = new()
    {
        ["operator"] = ("op", "operator-pass-1"),
        ["analyst"] = ("ana", "analyst-pass-1"),
        ["reviewer"] = ("kim", "reviewer-pass-1"),
        ["admin"] = ("boss", "admin-pass-1"),
    };

    private ReviewApp _app = null!;
    private TakedownSeed.Requests _requests = null!;

    public async Task InitializeAsync()
    {
        _app = await ReviewApp.StartAsync();
        await _app.CrawlAsync();
        _requests = await TakedownSeed.ConfirmAsync(_app, 2);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Api_AllowsEachRoleExactlyWhatItNeeds()
    {
        var keys = _app.App.Services.GetRequiredService<ApiKeys>();
        var problems = new List<string>();
        var own = _requests.Albaplus[0];
        var other = _requests.Other[0];
        // Expected status per caller: anonymous, operator (of albaplus), analyst, reviewer, admin.
        var reads = new (string Path, int[] Expected)[]
        {
            ("/api/v1/operator/requests", [401, 200, 403, 200, 200]),
            ("/api/v1/operator/requests?platform=other-site", [401, 403, 403, 200, 200]),
            ($"/api/v1/operator/requests/{own}", [401, 200, 403, 200, 200]),
            ($"/api/v1/operator/requests/{other}", [401, 404, 403, 200, 200]),
            ($"/api/v1/operator/requests/{other}?platform=albaplus", [401, 404, 403, 404, 404]),
        };
        var writes = new (string Path, string Body, int[] Expected)[]
        {
            ($"/api/v1/operator/requests/{own}/ack", "{}", [401, 200, 403, 403, 403]),
            ($"/api/v1/operator/requests/{own}/outcome", "{\"outcome\":\"removed\"}", [401, 200, 403, 403, 403]),
            ($"/api/v1/operator/requests/{other}/ack", "{}", [401, 404, 403, 403, 403]),
            ($"/api/v1/operator/requests/{other}/outcome", "{\"outcome\":\"removed\"}", [401, 404, 403, 403, 403]),
        };
        for (var w = 0; w < Who.Length; w++)
        {
            using var client = new HttpClient { BaseAddress = new Uri(_app.Url) };
            if (Who[w] != "anonymous")
            {
                client.DefaultRequestHeaders.Authorization = new("Bearer", await keys.CreateAsync(Accounts[Who[w]].User, "matrix"));
            }

            foreach (var (path, expected) in reads)
            {
                await CheckAsync(problems, Who[w], "GET " + path, await client.GetAsync(path), expected[w]);
            }

            foreach (var (path, body, expected) in writes)
            {
                var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
                await CheckAsync(problems, Who[w], "POST " + path, response, expected[w]);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task UiPagesAndDownloads_AllowEachRoleExactlyWhatItNeeds()
    {
        // Expected status per caller: anonymous, operator, analyst, reviewer, admin. 302 = sent to the login page.
        var table = new (string Path, int[] Expected)[]
        {
            ("/operator", [302, 200, 403, 403, 200]),
            ("/operator?platform=other-site", [302, 403, 403, 403, 200]),
            ("/operator?state=sent", [302, 200, 403, 403, 200]),
            ("/operator/requests.csv", [302, 200, 403, 403, 200]),
            ("/operator/requests.jsonl?lang=en&state=sent", [302, 200, 403, 403, 200]),
            ("/operator/requests.csv?platform=other-site", [302, 403, 403, 403, 200]),
            ("/operator/requests.pdf", [302, 404, 403, 403, 404]),
            ("/takedowns/stats", [302, 403, 200, 200, 200]),
            ("/queue", [302, 403, 200, 200, 200]),
            ("/takedowns", [302, 403, 200, 200, 200]),
        };
        var problems = new List<string>();
        for (var w = 0; w < Who.Length; w++)
        {
            using var client = Who[w] == "anonymous" ? await _app.ClientAsync(null, null) : await _app.ClientAsync(Accounts[Who[w]].User, Accounts[Who[w]].Password);
            foreach (var (path, expected) in table)
            {
                var response = await client.GetAsync(path);
                await CheckAsync(problems, Who[w], "GET " + path, response, expected[w]);
                if (expected[w] == 302)
                {
                    Assert.Contains("/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
                }
            }

            // The operator is sent to its page, everyone else to the queue.
            var home = await client.GetAsync("/");
            Assert.Equal(Who[w] == "operator" ? "/operator" : "/queue", home.Headers.Location!.OriginalString);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Layout_ShowsOperatorsOnlyTheirPage()
    {
        using var op = await _app.ClientAsync("op", "operator-pass-1");
        var html = await op.GetStringAsync("/operator");
        var nav = html[html.IndexOf("<nav>", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];
        Assert.Contains("href=\"/operator\"", nav, StringComparison.Ordinal);
        Assert.DoesNotContain("/queue", nav, StringComparison.Ordinal);
        Assert.DoesNotContain("/takedowns", nav, StringComparison.Ordinal);

        using var boss = await _app.ClientAsync("boss", "admin-pass-1");
        var admin = await boss.GetStringAsync("/operator?platform=other-site");
        Assert.Contains(TakedownSeed.OtherHost, admin, StringComparison.Ordinal);
        Assert.Contains("id=\"platform-picker\"", admin, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Act", admin, StringComparison.Ordinal); // admins read; operators record outcomes
    }

    private static async Task CheckAsync(List<string> problems, string who, string what, HttpResponseMessage response, int expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != expected)
        {
            problems.Add($"{who} {what}: {(int)response.StatusCode}, expected {expected}");
        }

        if (expected >= 300 && (body.Contains(TakedownSeed.OtherHost, StringComparison.Ordinal) || body.Contains("/jobs/", StringComparison.Ordinal)))
        {
            problems.Add($"{who} {what}: refused, but the response carries request data");
        }
    }
}
