using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using ScamWatch.Extraction;
using ScamWatch.Posts;

namespace ScamWatch.Crawling.Adapters;

/// <summary>
/// Kind <c>api</c>: posts read straight from a JSON list endpoint with cursor or page pagination and field paths.
/// Each item's JSON is its evidence. When a listing reaches its natural end, posts it no longer contains are removed.
/// </summary>
public sealed class ApiSiteAdapter(PostIngestor ingestor, PostStore posts, TimeProvider clock) : ISiteAdapter
{
    public string Kind => "api";

    public async Task DiscoverAsync(CrawlRun run, CancellationToken ct)
    {
        var api = run.Site.Api!;
        var cursorMode = api.ListUrl.Contains("{cursor}", StringComparison.Ordinal);
        string? cursor = "";
        var page = api.FirstPage;
        var complete = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var requests = 0; requests < api.MaxPages; requests++)
        {
            var relative = cursorMode
                ? api.ListUrl.Replace("{cursor}", Uri.EscapeDataString(cursor ?? ""), StringComparison.Ordinal)
                : api.ListUrl.Replace("{page}", page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var url = new Uri(run.BaseUri, relative);
            run.ListPages++;
            var response = await run.FetchAsync(url, "list", null, ct).ConfigureAwait(false);
            if (response is null || !response.IsSuccess)
            {
                return;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(response.Body, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                run.Fail(url, "response is not valid JSON: " + ex.Message.Split(" LineNumber")[0]);
                return;
            }

            using (doc)
            {
                var items = JsonPath.Select(doc.RootElement, api.ItemsPath);
                if (items is not { ValueKind: JsonValueKind.Array } array)
                {
                    run.Fail(url, $"no array at \"{api.ItemsPath}\"");
                    return;
                }

                var count = 0;
                foreach (var item in array.EnumerateArray())
                {
                    count++;
                    await IngestItemAsync(run, item, response, seen, ct).ConfigureAwait(false);
                }

                if (cursorMode)
                {
                    cursor = JsonPath.Text(doc.RootElement, api.NextCursorPath);
                    if (string.IsNullOrEmpty(cursor) || count == 0)
                    {
                        complete = true;
                        break;
                    }
                }
                else
                {
                    var total = JsonPath.Text(doc.RootElement, api.TotalPagesPath);
                    var last = int.TryParse(total, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) && page >= t + api.FirstPage - 1;
                    if (count == 0 || last)
                    {
                        complete = true;
                        break;
                    }

                    page++;
                }
            }
        }

        if (complete && run.Errors.Count == 0)
        {
            foreach (var (url, sitePostId) in await posts.ActivePostsAsync(run.Site.Name, ct).ConfigureAwait(false))
            {
                if (!seen.Contains(url) && await posts.MarkRemovedAsync(run.Site.Name, sitePostId, clock.GetUtcNow(), ct).ConfigureAwait(false))
                {
                    run.Removed++;
                }
            }
        }
    }

    public (ExtractedPost? Post, string? Problem) Extract(CrawlRun run, IDocument page, Uri url, string sitePostId) =>
        (null, "API sites have no detail pages");

    private async Task IngestItemAsync(CrawlRun run, JsonElement item, FetchResult response, HashSet<string> seen, CancellationToken ct)
    {
        var fields = run.Site.Api!.Fields;
        string? F(string name) => fields.TryGetValue(name, out var path) ? Clean(JsonPath.Text(item, path)) : null;

        var id = F("id");
        var urlText = F("url") ?? (id is not null && run.Site.Api.UrlTemplate is { } template ? template.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal) : null);
        var url = urlText is not null && Uri.TryCreate(run.BaseUri, urlText, out var u) ? u : null;
        if (id is null && url is null)
        {
            run.Fail(response.Url, "an item has neither an id nor a url at the configured paths");
            return;
        }

        url ??= new Uri(run.BaseUri, "#" + id);
        var sitePostId = id ?? run.PostId(url);
        var post = new ExtractedPost
        {
            SitePostId = sitePostId,
            Url = url.AbsoluteUri,
            Title = F("title"),
            Body = F("body") is { } body ? HtmlText.Tidy(body) : null,
            Company = F("company"),
            Location = F("location"),
            Salary = F("salary"),
            EmploymentType = F("employmentType"),
            Contact = F("contact"),
            PostedAt = F("postedAt"),
        };
        if (post.Title is null && post.Body is null)
        {
            run.Fail(url, "item has no title or body at the configured paths");
            return;
        }

        seen.Add(url.AbsoluteUri);
        run.DetailPages++;
        var raw = Encoding.UTF8.GetBytes(item.GetRawText());
        var evidence = new Evidence(url.AbsoluteUri, response.FetchedAt, response.StatusCode, "application/json", JsonSerializer.Serialize(response.Headers), raw);
        var outcome = await ingestor.IngestAsync(run.Site.Name, post, evidence, ct).ConfigureAwait(false);
        run.NewPosts += outcome.Stored.IsNewPost ? 1 : 0;
        run.ChangedPosts += outcome.Stored.IsChanged && !outcome.Stored.IsNewPost ? 1 : 0;
        run.Flagged += outcome.Verdict?.Flagged == true ? 1 : 0;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
