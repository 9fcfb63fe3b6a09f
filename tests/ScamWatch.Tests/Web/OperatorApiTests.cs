using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Accounts;
using ScamWatch.Storage;
using ScamWatch.Takedown;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Web;

/// <summary>
/// The operator pull API over real HTTP: an operator sees and touches only its own platform's requests, cursors list
/// each request once and deliver it, malformed acknowledgements change nothing, repeats are idempotent.
/// </summary>
public sealed class OperatorApiTests : IAsyncLifetime
{
    private ReviewApp _app = null!;
    private TakedownSeed.Requests _requests = null!;
    private string _opKey = "";
    private string _op2Key = "";

    public async Task InitializeAsync()
    {
        _app = await ReviewApp.StartAsync();
        await _app.CrawlAsync();
        _requests = await TakedownSeed.ConfirmAsync(_app, 3);
        var keys = _app.App.Services.GetRequiredService<ApiKeys>();
        _opKey = await keys.CreateAsync("op", "albaplus moderation tool");
        _op2Key = await keys.CreateAsync("op2", "other-site moderation tool");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task OperatorA_NeverSeesOrTouchesPlatformB_ThroughApiDownloadsOrPage()
    {
        var before = await EventCountAsync();
        foreach (var (key, user, password, own, theirs, theirMarker) in new[]
        {
            (_opKey, "op", "operator-pass-1", _requests.Albaplus, _requests.Other, TakedownSeed.OtherHost),
            (_op2Key, "op2", "operator-pass-2", _requests.Other, _requests.Albaplus, _app.Board.Url.TrimEnd('/')),
        })
        {
            using var api = Api(key);
            var list = await api.GetAsync("/api/v1/operator/requests");
            var listed = await list.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Equal(own.Order(), Ids(listed));
            Assert.DoesNotContain(theirMarker, listed, StringComparison.Ordinal);

            var foreign = theirs[0];
            var platformB = user == "op" ? TakedownSeed.OtherSite : "albaplus";
            await AssertRefusedAsync(await api.GetAsync($"/api/v1/operator/requests?platform={platformB}"), HttpStatusCode.Forbidden, theirMarker);
            await AssertRefusedAsync(await api.GetAsync($"/api/v1/operator/requests/{foreign}"), HttpStatusCode.NotFound, theirMarker);
            await AssertRefusedAsync(await api.PostAsync($"/api/v1/operator/requests/{foreign}/ack", Json("{}")), HttpStatusCode.NotFound, theirMarker);
            await AssertRefusedAsync(await api.PostAsync($"/api/v1/operator/requests/{foreign}/outcome", Json("{\"outcome\":\"removed\"}")),
                HttpStatusCode.NotFound, theirMarker);
            // A nonexistent id answers exactly like another platform's: nothing tells the two apart.
            var missing = await api.PostAsync("/api/v1/operator/requests/999999/ack", Json("{}"));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

            using var browser = await _app.ClientAsync(user, password);
            foreach (var format in new[] { "csv", "jsonl" })
            {
                var download = await browser.GetAsync($"/operator/requests.{format}");
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.DoesNotContain(theirMarker, await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                await AssertRefusedAsync(await browser.GetAsync($"/operator/requests.{format}?platform={platformB}"), HttpStatusCode.Forbidden, theirMarker);
            }

            var page = await browser.GetAsync("/operator");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain(theirMarker, html, StringComparison.Ordinal);
            Assert.All(own, id => Assert.Contains($"id=\"request-{id}\"", html, StringComparison.Ordinal));
            await AssertRefusedAsync(await browser.GetAsync($"/operator?platform={platformB}"), HttpStatusCode.Forbidden, theirMarker);

            // The page's outcome form with another platform's id: not found, nothing recorded.
            var post = await browser.PostAsync("/operator?handler=Act", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["id"] = foreign.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["outcome"] = "removed",
                ["__RequestVerificationToken"] = ReviewApp.Token(html),
            }));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        // Only deliveries happened: each operator's listing moved its own three requests to sent, nothing else.
        Assert.Equal(before + 6, await EventCountAsync());
        var store = _app.App.Services.GetRequiredService<TakedownStore>();
        foreach (var id in _requests.Albaplus.Concat(_requests.Other))
        {
            var events = await store.EventsAsync(id);
            Assert.Equal(["created", "sent"], events.Select(e => e.Event));
        }
    }

    [Fact]
    public async Task CursorPaging_ListsEachRequestOnce_AndDeliversPendingOnesWithTheDeadline()
    {
        using var api = Api(_opKey);
        var seen = new List<long>();
        long cursor = 0;
        for (var pages = 0; pages < 10; pages++)
        {
            using var doc = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/operator/requests?cursor={cursor}&limit=2"));
            var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.All(items, i => Assert.Equal(TakedownState.Sent, i.GetProperty("state").GetString()));
            Assert.All(items, i => Assert.Equal(
                Iso.Parse(i.GetProperty("sent_at").GetString()!) + TimeSpan.FromDays(3), Iso.Parse(i.GetProperty("deadline_at").GetString()!)));
            seen.AddRange(items.Select(i => i.GetProperty("id").GetInt64()));
            cursor = doc.RootElement.GetProperty("next_cursor").GetInt64();
            if (!doc.RootElement.GetProperty("has_more").GetBoolean())
            {
                break;
            }
        }

        Assert.Equal(_requests.Albaplus.Order(), seen);
        using var empty = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/operator/requests?cursor={cursor}"));
        Assert.Equal(0, empty.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(cursor, empty.RootElement.GetProperty("next_cursor").GetInt64());

        // Listing again from the start delivers nothing twice.
        await api.GetStringAsync("/api/v1/operator/requests");
        var store = _app.App.Services.GetRequiredService<TakedownStore>();
        var sent = Assert.Single(await store.EventsAsync(seen[0]), e => e.Event == "sent");
        Assert.Equal("pull:op", sent.Actor);

        foreach (var bad in new[] { "cursor=-1", "cursor=abc", "limit=0", "limit=501", "limit=x", "state=gone" })
        {
            var response = await api.GetAsync("/api/v1/operator/requests?" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()));
        }
    }

    [Fact]
    public async Task MalformedAcksAndOutcomes_Get400WithAMessage_AndChangeNothing()
    {
        var id = _requests.Albaplus[0];
        var store = _app.App.Services.GetRequiredService<TakedownStore>();
        var stateBefore = (await store.GetAsync(id))!.State;
        var before = await EventCountAsync();
        using var api = Api(_opKey);
        var cases = new (string Path, HttpContent Body, string Expect)[]
        {
            ("outcome", Json("{\"outcome\":"), "not valid JSON"),
            ("outcome", Json("{\"outcome\":\"removed\"} {}"), "not valid JSON"),
            ("outcome", Json("[\"removed\"]"), "JSON object"),
            ("outcome", Json("{\"outcome\":\"deleted\"}"), "\"removed\" or \"refused\""),
            ("outcome", Json("{\"outcome\":1}"), "\"removed\" or \"refused\""),
            ("outcome", Json("{\"outcome\":\"removed\",\"when\":\"now\"}"), "unknown field \"when\""),
            ("outcome", Json("{\"outcome\":\"removed\",\"outcome\":\"refused\"}"), "appears twice"),
            ("outcome", Json("{\"note\":\"gone\"}"), "outcome is missing"),
            ("outcome", Json(""), "\"outcome\""),
            ("outcome", Json("{\"outcome\":\"removed\",\"note\":\"" + new string('가', 1001) + "\"}"), "at most 1000"),
            ("outcome", Json("{\"outcome\":\"removed\",\"note\":7}"), "note must be a string"),
            ("outcome", new StringContent("{\"outcome\":\"removed\"}", Encoding.UTF8, "text/plain"), "Content-Type"),
            ("outcome", new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = "removed" }), "Content-Type"),
            ("outcome", Json("{\"outcome\":\"removed\"}", "latin1"), "Content-Type"),
            ("outcome", Json(new string(' ', 17 * 1024)), "larger than"),
            ("ack", Json("{\"outcome\":\"removed\"}"), "unknown field \"outcome\""),
            ("ack", Json("{\"note\":"), "not valid JSON"),
            ("ack", new StringContent("hello", Encoding.UTF8, "text/plain"), "Content-Type"),
        };
        foreach (var (path, body, expect) in cases)
        {
            var response = await api.PostAsync($"/api/v1/operator/requests/{id}/{path}", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {expect}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(expect, JsonDocument.Parse(text).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await EventCountAsync());
        Assert.Equal(stateBefore, (await store.GetAsync(id))!.State);
    }

    [Fact]
    public async Task RepeatedAckAndOutcome_AreIdempotent_RefusedTransitionsGet409()
    {
        var id = _requests.Albaplus[1];
        using var api = Api(_opKey);
        var first = await ActAsync(api, id, "ack", "{\"note\":\"접수했습니다\"}");
        Assert.Equal((200, "acknowledged", true), first);
        Assert.Equal((200, "acknowledged", false), await ActAsync(api, id, "ack", "{\"note\":\"접수했습니다\"}"));
        Assert.Equal((200, "acknowledged", false), await ActAsync(api, id, "ack", ""));
        Assert.Equal((200, "removed", true), await ActAsync(api, id, "outcome", "{\"outcome\":\"removed\",\"note\":\"삭제 완료\"}"));
        Assert.Equal((200, "removed", false), await ActAsync(api, id, "outcome", "{\"outcome\":\"removed\"}"));

        var refused = await api.PostAsync($"/api/v1/operator/requests/{id}/outcome", Json("{\"outcome\":\"refused\"}"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using var conflict = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("cannot become refused", conflict.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("removed", conflict.RootElement.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync($"/api/v1/operator/requests/{id}/ack", Json("{}"))).StatusCode);

        var store = _app.App.Services.GetRequiredService<TakedownStore>();
        var events = await store.EventsAsync(id);
        Assert.Equal(["created", "acknowledged", "removed"], events.Select(e => e.Event));
        Assert.Equal("api:op", events[2].Actor);
        Assert.Equal("삭제 완료", (await store.GetAsync(id))!.OperatorNote);
    }

    [Fact]
    public async Task IdempotencyKey_SameKeyAndBodyGetTheSameAnswer_ADifferentBodyIsRefused()
    {
        var id = _requests.Albaplus[2];
        using var api = Api(_opKey);
        async Task<HttpResponseMessage> SendAsync(string key, string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/operator/requests/{id}/outcome") { Content = Json(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await api.SendAsync(request);
        }

        var first = await SendAsync("k-1", "{\"outcome\":\"refused\",\"note\":\"합법 광고\"}");
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(JsonDocument.Parse(firstBody).RootElement.GetProperty("changed").GetBoolean());

        var again = await SendAsync("k-1", "{\"outcome\":\"refused\",\"note\":\"합법 광고\"}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync()); // still "changed": true, the first answer
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());

        var reused = await SendAsync("k-1", "{\"outcome\":\"removed\"}");
        Assert.Equal((HttpStatusCode)422, reused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync("has space", "{\"outcome\":\"refused\"}")).StatusCode);

        // Another operator's identical key is its own key: it gets its own (here: not found) answer.
        using var api2 = Api(_op2Key);
        using var other = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/operator/requests/{id}/outcome") { Content = Json("{\"outcome\":\"refused\",\"note\":\"합법 광고\"}") };
        other.Headers.Add("Idempotency-Key", "k-1");
        Assert.Equal(HttpStatusCode.NotFound, (await api2.SendAsync(other)).StatusCode);

        var events = await _app.App.Services.GetRequiredService<TakedownStore>().EventsAsync(id);
        Assert.Equal(["created", "refused"], events.Select(e => e.Event));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheOperatorApi()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_app.Url) };
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/operator/requests").GetProperty("get").TryGetProperty("summary", out _));
        var outcome = paths.GetProperty("/api/v1/operator/requests/{id}/outcome").GetProperty("post");
        Assert.True(outcome.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Contains(outcome.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.True(outcome.GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(paths.TryGetProperty("/api/v1/operator/requests/{id}/ack", out _));
    }

    private static async Task<(int Status, string State, bool Changed)> ActAsync(HttpClient api, long id, string path, string body)
    {
        var response = await api.PostAsync($"/api/v1/operator/requests/{id}/{path}", body.Length == 0 ? null : Json(body));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, doc.RootElement.GetProperty("state").GetString()!, doc.RootElement.GetProperty("changed").GetBoolean());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode expected, string marker)
    {
        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(marker, body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"url\"", body, StringComparison.Ordinal);
    }

    private static List<long> Ids(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

    private static StringContent Json(string body, string charset = "utf-8")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = charset };
        return content;
    }

    private HttpClient Api(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(_app.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private async Task<long> EventCountAsync()
    {
        await using var connection = await _app.App.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM takedown_events");
    }
}
