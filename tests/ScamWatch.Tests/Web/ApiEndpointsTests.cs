using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Accounts;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Web;

/// <summary>The JSON API over real HTTP: API keys, roles, and the same queue rules as the UI.</summary>
public sealed class ApiEndpointsTests : IAsyncLifetime
{
    private ReviewApp _app = null!;
    private string _reviewerKey = "";
    private string _operatorKey = "";

    public async Task InitializeAsync()
    {
        _app = await ReviewApp.StartAsync();
        await _app.CrawlAsync();
        var keys = _app.App.Services.GetRequiredService<ApiKeys>();
        _reviewerKey = await keys.CreateAsync("kim", "test client");
        _operatorKey = await keys.CreateAsync("op", "platform tool");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = new Uri(_app.Url) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    [Theory]
    [InlineData("GET", "/api/v1/queue")]
    [InlineData("GET", "/api/v1/items/1")]
    [InlineData("POST", "/api/v1/items/1/claim")]
    [InlineData("GET", "/api/v1/takedowns")]
    public async Task Anonymous_OrBadKey_Gets401AndNoData(string method, string path)
    {
        foreach (var key in new[] { null, "sw_000000000000_nope", "garbage" })
        {
            using var client = Client(key);
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task Operator_CannotReadQueueOrDecide_ButSeesOwnTakedowns()
    {
        using var op = Client(_operatorKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/api/v1/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsJsonAsync("/api/v1/items/1/decision", new { decision = "confirm" })).StatusCode);
        var takedowns = await op.GetAsync("/api/v1/takedowns?platform=someone-else");
        Assert.Equal(HttpStatusCode.OK, takedowns.StatusCode);
    }

    [Fact]
    public async Task Reviewer_ClaimsAndConfirms_ThenOperatorSeesTheRequest()
    {
        using var kim = Client(_reviewerKey);
        using var queue = JsonDocument.Parse(await kim.GetStringAsync("/api/v1/queue?order=uncertain"));
        var items = queue.RootElement.GetProperty("items");
        Assert.True(items.GetArrayLength() >= 14);
        var id = items[0].GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await kim.PostAsync($"/api/v1/items/{id}/claim", null)).StatusCode);
        using var detail = JsonDocument.Parse(await kim.GetStringAsync($"/api/v1/items/{id}"));
        Assert.NotEmpty(detail.RootElement.GetProperty("reasons").EnumerateArray());

        var decided = await kim.PostAsJsonAsync($"/api/v1/items/{id}/decision", new { decision = "confirm", reason_code = "employment-fraud", note = "API" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var again = await kim.PostAsJsonAsync($"/api/v1/items/{id}/decision", new { decision = "reject" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var op = Client(_operatorKey);
        using var takedowns = JsonDocument.Parse(await op.GetStringAsync("/api/v1/takedowns"));
        Assert.Equal(1, takedowns.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Campaign_DemoActorPostingTwice_IsGroupedAndConfirmedInOneAction()
    {
        using var kim = Client(_reviewerKey);
        using var queue = JsonDocument.Parse(await kim.GetStringAsync("/api/v1/queue?limit=100"));
        var actor = queue.RootElement.GetProperty("items").EnumerateArray()
            .Where(i => (i.GetProperty("contact").GetString() ?? "").Contains("dalbit_hr24", StringComparison.Ordinal)).ToList();
        Assert.True(actor.Count == 2, string.Join(" / ", queue.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("contact").GetString() + " :: " + i.GetProperty("title").GetString())));
        var id = actor[0].GetProperty("id").GetInt64();

        using var campaign = JsonDocument.Parse(await kim.GetStringAsync($"/api/v1/items/{id}/campaign"));
        var member = Assert.Single(campaign.RootElement.EnumerateArray());
        Assert.Equal(actor[1].GetProperty("id").GetInt64(), member.GetProperty("itemId").GetInt64());
        Assert.Equal("@dalbit_hr24", member.GetProperty("shared").GetString());

        // Opening the page claims the item for its reviewer (kim, the key's account), so kim may then decide it.
        using var browser = await _app.ClientAsync("kim", "reviewer-pass-1");
        var page = await browser.GetStringAsync($"/items/{id}");
        Assert.Contains("같은 캠페인", page, StringComparison.Ordinal);
        Assert.Contains($"/items/{actor[1].GetProperty("id").GetInt64()}", page, StringComparison.Ordinal);

        var decided = await kim.PostAsJsonAsync($"/api/v1/items/{id}/campaign/decision", new { decision = "confirm", reason_code = "employment-fraud" });
        decided.EnsureSuccessStatusCode();
        using var results = JsonDocument.Parse(await decided.Content.ReadAsStringAsync());
        Assert.Equal(2, results.RootElement.EnumerateArray().Count(r => r.GetProperty("accepted").GetBoolean()));
    }

    [Fact]
    public async Task BrowserCookie_DoesNotAuthenticateTheApi()
    {
        using var browser = await _app.ClientAsync("kim", "reviewer-pass-1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/queue")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        using var client = Client(null);
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/queue", out _));
        Assert.True(paths.TryGetProperty("/api/v1/items/{id}/decision", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-docs/index.html")).StatusCode);
    }
}
