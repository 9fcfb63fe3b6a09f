using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ScamWatch.Tests.Support.TestSites;

/// <summary>
/// A fake Korean job site served on its own loopback port (so it has its own robots.txt), for crawler tests over real
/// HTTP. It logs every request, knows the ground truth (<see cref="Expected"/>), lets a test edit, delete and repost
/// posts, and can misbehave on demand through the fault switches (all off by default).
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly SiteFlavor _flavor;
    private readonly TimeProvider _clock;
    private readonly RequestLog _log = new();
    private readonly Lock _gate = new();
    private readonly HashSet<string> _deleted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _failed503 = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private IReadOnlyList<FixturePost> _posts;
    private WebApplication? _app;
    private string? _baseUrl;
    private volatile bool _fail503;
    private volatile bool _fail429;
    private int _armed429;

    private TestSite(SiteFlavor flavor, TimeProvider? clock)
    {
        _flavor = flavor;
        _clock = clock ?? TimeProvider.System;
        _posts = Sorted(flavor.Seed().Select(p => p with { Body = ReaderText.Tidy(p.Body), LastModified = flavor.InitialLastModified(p) }));
    }

    /// <summary>An old part-time board: CP949 bytes, charset only in a meta tag, table layout, <c>list.php?page=N</c>, <c>view.php?no=N</c>, no robots.txt.</summary>
    public static TestSite OldBoardEucKr(TimeProvider? clock = null) => new(new OldBoardEucKrSite(), clock);

    /// <summary>A modern career site: sitemap index, JobPosting JSON-LD in varied placements, robots.txt with a Sitemap line.</summary>
    public static TestSite JsonLdCareer(TimeProvider? clock = null) => new(new JsonLdCareerSite(), clock);

    /// <summary>A community classified board: body among ads in nested tables, comments, "다음" pagination, a strict robots.txt, removal marker instead of 404.</summary>
    public static TestSite CommunityBoard(TimeProvider? clock = null) => new(new CommunityBoardSite(), clock);

    /// <summary>A JSON API site whose definition uses cursor pagination (<c>/api/v1/jobs?cursor=</c>).</summary>
    public static TestSite JsonApi(TimeProvider? clock = null) => new(new JsonApiSite(paged: false), clock);

    /// <summary>The same JSON API site, its definition using the page-number variant (<c>/api/v2/jobs?page=</c>).</summary>
    public static TestSite JsonApiPaged(TimeProvider? clock = null) => new(new JsonApiSite(paged: true), clock);

    /// <summary>The site's name in its site definition.</summary>
    public string Name => _flavor.Name;

    /// <summary>Root URL with a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>; available after <see cref="StartAsync"/>.</summary>
    public string BaseUrl => _baseUrl ?? throw new InvalidOperationException("Start the site first.");

    /// <summary>Text the community board shows (status 200) for a deleted post; null for sites that answer 404.</summary>
    public string? RemovalMarker => _flavor.RemovalMarker;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<LoggedRequest> Requests => _log.Snapshot();

    /// <summary>Ground truth for every live post, newest first.</summary>
    public IReadOnlyList<ExpectedPost> Expected => [.. Posts.Select(p => _flavor.ToExpected(p, BaseUrl))];

    /// <summary>Robots-disallowed URLs (absolute) that the list pages link to; a correct crawler never requests them.</summary>
    public IReadOnlyList<string> DisallowedLinks => [.. _flavor.DisallowedLinks(Posts).Select(Absolute)];

    /// <summary>When on, the first request to each detail URL (each API page on the API site) gets 503 with <c>Retry-After: 1</c>.</summary>
    public bool FailFirst503WithRetryAfter
    {
        get => _fail503;
        set
        {
            _failed503.Clear();
            _fail503 = value;
        }
    }

    /// <summary>When switched on, the next list-page request (sitemap or API page on those sites) gets 429 with <c>Retry-After: 2</c>, once.</summary>
    public bool Fail429Once
    {
        get => _fail429;
        set
        {
            Volatile.Write(ref _armed429, value ? 1 : 0);
            _fail429 = value;
        }
    }

    /// <summary>Real-time delay before answering a detail request (API page on the API site).</summary>
    public int SlowDetailMs { get; set; }

    /// <summary>When above 0, the list (sitemap, API cursor chain) gains one extra detail URL that streams this many bytes.</summary>
    public long HugePageBytes { get; set; }

    /// <summary>When on, the list gains one URL answering <c>Content-Encoding: gzip</c> that inflates to ~100 MB.</summary>
    public bool GzipBomb { get; set; }

    /// <summary>When on, the list gains one URL that redirects A → B → A forever.</summary>
    public bool RedirectLoop { get; set; }

    /// <summary>When on, list pages link to <c>/calendar?month=1</c>, whose "next" link always leads to one more month.</summary>
    public bool CalendarTrap { get; set; }

    public string HugePageUrl => Absolute(_flavor.FaultPath(FaultIds.Huge));

    public string GzipBombUrl => Absolute(_flavor.FaultPath(FaultIds.Gzip));

    /// <summary>The first URL of the redirect loop (it redirects to a second one, which redirects back).</summary>
    public string RedirectLoopUrl => Absolute(_flavor.FaultPath(FaultIds.LoopA));

    public string CalendarUrl(int month) => Absolute("/calendar?month=" + month.ToString(CultureInfo.InvariantCulture));

    /// <summary>Absolute URL of a post's page (for the API site, its <c>/jobs/{id}</c> page).</summary>
    public string DetailUrl(string sitePostId) => Absolute(_flavor.DetailPath(sitePostId));

    /// <summary>The site definition a user would write for this site, with the real base URL.</summary>
    public string SiteDefinitionJson() => _flavor.DefinitionJson(BaseUrl);

    internal IReadOnlyList<FixturePost> Posts => Volatile.Read(ref _posts);

    internal IReadOnlyList<string> ListedFaultIds =>
        [.. new[] { (HugePageBytes > 0, FaultIds.Huge), (GzipBomb, FaultIds.Gzip), (RedirectLoop, FaultIds.LoopA) }.Where(f => f.Item1).Select(f => f.Item2)];

    internal TimeProvider Clock => _clock;

    public async Task StartAsync(CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Use(LogAndMisbehaveAsync);
        app.MapGet("/calendar", FaultResponses.CalendarAsync);
        _flavor.Map(app, this);
        await app.StartAsync(ct);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _baseUrl = address.TrimEnd('/') + "/";
    }

    public void ClearRequests() => _log.Clear();

    /// <summary>Replaces a post's body (reader text, <c>\n</c> line breaks); its page, ETag and Last-Modified change.</summary>
    public void EditPost(string sitePostId, string newBodyText) =>
        Replace(sitePostId, p => p with { Body = ReaderText.Tidy(newBodyText), LastModified = NextModified(p.LastModified) });

    /// <summary>Takes a post down: it leaves the lists; its page answers 404 (the community board: 200 with <see cref="RemovalMarker"/>).</summary>
    public void DeletePost(string sitePostId)
    {
        lock (_gate)
        {
            var post = Find(sitePostId) ?? throw new ArgumentException($"no live post {sitePostId} on {Name}", nameof(sitePostId));
            _deleted.Add(sitePostId);
            Volatile.Write(ref _posts, Sorted(_posts.Where(p => !ReferenceEquals(p, post))));
        }
    }

    /// <summary>Posts the same text again under a new id (both stay live; delete the old one to model a delete-and-repost).</summary>
    public void Repost(string sitePostId, string newSitePostId)
    {
        if (!long.TryParse(newSitePostId, NumberStyles.None, CultureInfo.InvariantCulture, out _) || FaultIds.IsFault(newSitePostId))
        {
            throw new ArgumentException($"\"{newSitePostId}\" is not a usable numeric post id", nameof(newSitePostId));
        }

        lock (_gate)
        {
            var post = Find(sitePostId) ?? throw new ArgumentException($"no live post {sitePostId} on {Name}", nameof(sitePostId));
            if (Find(newSitePostId) is not null)
            {
                throw new ArgumentException($"post {newSitePostId} already exists on {Name}", nameof(newSitePostId));
            }

            _deleted.Remove(newSitePostId);
            Volatile.Write(ref _posts, Sorted(_posts.Append(post with { Id = newSitePostId, LastModified = NextModified(post.LastModified) })));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    internal FixturePost? Find(string id) => Posts.FirstOrDefault(p => p.Id == id);

    internal bool WasDeleted(string id)
    {
        lock (_gate)
        {
            return _deleted.Contains(id);
        }
    }

    /// <summary>Answers a detail URL: a fault page, the post (with ETag/304), or not-found (removal marker page for deleted posts where the site has one).</summary>
    internal async Task ServeDetailAsync(HttpContext context, string id, Func<FixturePost, byte[]> render, string contentType)
    {
        if (await TryServeFaultAsync(context, id, json: false))
        {
            return;
        }

        if (Find(id) is { } post)
        {
            await HttpDocument.WriteAsync(context, render(post), contentType, post.LastModified);
        }
        else if (_flavor.RemovedPage is { } removed && WasDeleted(id))
        {
            await HttpDocument.WriteTextAsync(context, removed);
        }
        else
        {
            await HttpDocument.WriteTextAsync(context, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><p>존재하지 않는 게시물입니다.</p></body></html>", status: StatusCodes.Status404NotFound);
        }
    }

    /// <summary>Serves the fault behind a reserved id if its switch is on; false otherwise.</summary>
    internal async Task<bool> TryServeFaultAsync(HttpContext context, string faultId, bool json)
    {
        switch (faultId)
        {
            case FaultIds.Huge when HugePageBytes > 0:
                using (var linked = Linked(context))
                {
                    await FaultResponses.HugeAsync(context, HugePageBytes, json, linked.Token);
                }

                return true;
            case FaultIds.Gzip when GzipBomb:
                await FaultResponses.GzipBombAsync(context, json);
                return true;
            case FaultIds.LoopA when RedirectLoop:
                FaultResponses.Redirect(context, _flavor.FaultPath(FaultIds.LoopB));
                return true;
            case FaultIds.LoopB when RedirectLoop:
                FaultResponses.Redirect(context, _flavor.FaultPath(FaultIds.LoopA));
                return true;
            default:
                return false;
        }
    }

    private async Task LogAndMisbehaveAsync(HttpContext context, RequestDelegate next)
    {
        var entry = _log.Begin(context, _clock.GetUtcNow());
        context.Response.OnStarting(() =>
        {
            _log.Complete(entry, context.Response.StatusCode);
            return Task.CompletedTask;
        });

        if (_fail429 && _flavor.IsListRequest(context.Request) && Interlocked.Exchange(ref _armed429, 0) == 1)
        {
            context.Response.Headers.RetryAfter = "2";
            await HttpDocument.WriteTextAsync(context, "Too Many Requests", "text/plain; charset=utf-8", StatusCodes.Status429TooManyRequests);
            return;
        }

        if (_flavor.IsDetailRequest(context.Request))
        {
            if (_fail503 && _failed503.TryAdd(entry.PathAndQuery, 0))
            {
                context.Response.Headers.RetryAfter = "1";
                await HttpDocument.WriteTextAsync(context, "Service Unavailable", "text/plain; charset=utf-8", StatusCodes.Status503ServiceUnavailable);
                return;
            }

            if (SlowDetailMs > 0)
            {
                using var linked = Linked(context);
                try
                {
                    // Real time on purpose: this is network latency for the crawler's real HTTP client.
                    await Task.Delay(SlowDetailMs, linked.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        await next(context);
    }

    private CancellationTokenSource Linked(HttpContext context) =>
        CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);

    private void Replace(string id, Func<FixturePost, FixturePost> change)
    {
        lock (_gate)
        {
            var post = Find(id) ?? throw new ArgumentException($"no live post {id} on {Name}", nameof(id));
            Volatile.Write(ref _posts, Sorted(_posts.Select(p => ReferenceEquals(p, post) ? change(p) : p)));
        }
    }

    // An edit always moves Last-Modified forward, even under a frozen fake clock, so If-Modified-Since stays honest.
    private DateTimeOffset NextModified(DateTimeOffset previous)
    {
        var now = HttpDocument.TruncateToSeconds(_clock.GetUtcNow());
        return now > previous ? now : HttpDocument.TruncateToSeconds(previous).AddSeconds(1);
    }

    private string Absolute(string path) => BaseUrl + path.TrimStart('/');

    private static IReadOnlyList<FixturePost> Sorted(IEnumerable<FixturePost> posts) => [.. posts.OrderByDescending(p => p.Number)];
}
