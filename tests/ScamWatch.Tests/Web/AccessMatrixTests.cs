using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Accounts;
using ScamWatch.Review;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Web;

/// <summary>
/// Every UI page and API endpoint against every role and an anonymous caller, over real HTTP: who may do what, and
/// that a refusal (302 to login, 401, 403) never carries post data.
/// </summary>
public sealed class AccessMatrixTests : IAsyncLifetime
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
    private IReadOnlyList<ReviewItem> _items = [];

    public async Task InitializeAsync()
    {
        _app = await ReviewApp.StartAsync();
        await _app.CrawlAsync();
        _items = await _app.App.Services.GetRequiredService<ReviewQueue>().ListAsync(new QueueQuery { Limit = 20 });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task UiPages_AllowEachRoleExactlyWhatItNeeds()
    {
        var item = _items[0];
        // Expected status per caller: anonymous, operator, analyst, reviewer, admin. 302 = sent to the login page.
        var table = new (string Path, int[] Expected)[]
        {
            ("/queue", [302, 403, 200, 200, 200]),
            ("/queue?status=confirmed&order=uncertain&campaign=x", [302, 403, 200, 200, 200]),
            ($"/items/{item.Id}", [302, 403, 200, 200, 200]),
            ($"/evidence/{item.PostVersionId}", [302, 403, 200, 200, 200]),
            ($"/evidence/{item.PostVersionId}/safe", [302, 403, 200, 200, 200]),
            ("/takedowns", [302, 403, 200, 200, 200]),
            ("/audit.jsonl", [302, 403, 200, 200, 200]),
            ("/takedowns/demo-board.csv", [302, 403, 403, 200, 200]),
            ("/healthz", [200, 200, 200, 200, 200]),
            ("/openapi/v1.json", [200, 200, 200, 200, 200]),
        };
        var problems = new List<string>();
        for (var w = 0; w < Who.Length; w++)
        {
            using var client = await ClientAsync(Who[w]);
            foreach (var (path, expected) in table)
            {
                var response = await client.GetAsync(path);
                await CheckAsync(problems, Who[w], "GET " + path, response, expected[w]);
                if (expected[w] == 302)
                {
                    Assert.Contains("/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task UiDecisions_OnlyReviewersAndAdminsDecide_AnalystsReadWithoutClaiming()
    {
        var problems = new List<string>();
        var posts = new[] { "Decide", "Campaign", "Renew" };
        // Anonymous and operators are stopped before the page runs; analysts reach it and are refused by the handler.
        foreach (var who in new[] { "anonymous", "operator", "analyst" })
        {
            using var client = await ClientAsync(who);
            var token = who == "analyst" ? ReviewApp.Token(await client.GetStringAsync($"/items/{_items[0].Id}")) : "";
            foreach (var handler in posts)
            {
                var response = await client.PostAsync($"/items/{_items[0].Id}?handler={handler}", Form(token, "confirm"));
                await CheckAsync(problems, who, "POST " + handler, response, who == "anonymous" ? 302 : 403);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var queue = _app.App.Services.GetRequiredService<ReviewQueue>();
        var untouched = await queue.GetAsync(_items[0].Id);
        Assert.Equal(ReviewStatus.Open, untouched!.Status);
        Assert.Null(untouched.ClaimedBy); // the analyst's visit did not claim it
        Assert.Empty(await queue.AuditForPostAsync(_items[0].PostId));

        foreach (var (who, item) in new[] { ("reviewer", _items[1]), ("admin", _items[2]) })
        {
            using var client = await ClientAsync(who);
            var page = await client.GetStringAsync($"/items/{item.Id}");
            Assert.Contains("id=\"form-confirm\"", page, StringComparison.Ordinal);
            var response = await client.PostAsync($"/items/{item.Id}?handler=Decide", Form(ReviewApp.Token(page), "reject"));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(ReviewStatus.Rejected, (await queue.GetAsync(item.Id))!.Status);
        }
    }

    [Fact]
    public async Task Api_AllowsEachRoleExactlyWhatItNeeds()
    {
        var keys = _app.App.Services.GetRequiredService<ApiKeys>();
        var keyOf = new Dictionary<string, string?> { ["anonymous"] = null };
        foreach (var (who, account) in Accounts)
        {
            keyOf[who] = await keys.CreateAsync(account.User, "matrix");
        }

        // Expected status per caller: anonymous, operator, analyst, reviewer, admin.
        var reads = new (string Path, int[] Expected)[]
        {
            ("/api/v1/queue", [401, 403, 200, 200, 200]),
            ($"/api/v1/items/{_items[0].Id}", [401, 403, 200, 200, 200]),
            ($"/api/v1/items/{_items[0].Id}/campaign", [401, 403, 200, 200, 200]),
            ("/api/v1/audit", [401, 403, 200, 200, 200]),
            ("/api/v1/takedowns", [401, 200, 403, 200, 200]),
        };
        var problems = new List<string>();
        for (var w = 0; w < Who.Length; w++)
        {
            using var client = ApiClient(keyOf[Who[w]]);
            foreach (var (path, expected) in reads)
            {
                await CheckAsync(problems, Who[w], "GET " + path, await client.GetAsync(path), expected[w]);
            }

            // Writes: each caller gets its own item so that an allowed write does not hide the next caller's answer.
            var item = _items[3 + w];
            var writes = new (string Path, string Body, int[] Expected)[]
            {
                ($"/api/v1/items/{item.Id}/claim", "{}", [401, 403, 403, 200, 200]),
                ($"/api/v1/items/{item.Id}/decision", "{\"decision\":\"escalate\"}", [401, 403, 403, 200, 200]),
                ($"/api/v1/items/{item.Id}/campaign/decision", "{\"decision\":\"reject\"}", [401, 403, 403, 400, 400]),
            };
            foreach (var (path, body, expected) in writes)
            {
                var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
                await CheckAsync(problems, Who[w], "POST " + path, response, expected[w]);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task CheckAsync(List<string> problems, string who, string what, HttpResponseMessage response, int expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != expected)
        {
            problems.Add($"{who} {what}: {(int)response.StatusCode}, expected {expected}");
        }

        if (expected >= 300 && _items.Any(i => i.Title is { Length: > 4 } t && body.Contains(t, StringComparison.Ordinal)))
        {
            problems.Add($"{who} {what}: refused, but the response carries post data");
        }
    }

    private async Task<HttpClient> ClientAsync(string who) =>
        who == "anonymous" ? await _app.ClientAsync(null, null) : await _app.ClientAsync(Accounts[who].User, Accounts[who].Password);

    private HttpClient ApiClient(string? key)
    {
        var client = new HttpClient { BaseAddress = new Uri(_app.Url) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    private static FormUrlEncodedContent Form(string token, string decision) => new(new Dictionary<string, string>
    {
        ["decision"] = decision,
        ["reasonCode"] = "employment-fraud",
        ["__RequestVerificationToken"] = token,
    });
}
