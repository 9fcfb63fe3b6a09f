using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScamWatch.Crawling.Robots;

/// <summary>
/// robots.txt per origin, fetched once and kept for <see cref="CrawlerOptions.RobotsTtl"/>. Per RFC 9309: a 4xx means
/// no rules (allow all); a 5xx or an unreachable server means disallow all until the next try.
/// </summary>
public sealed class RobotsCache(IHttpClientFactory clients, TimeProvider clock, IOptions<CrawlerOptions> options, ILogger<RobotsCache> logger)
{
    private readonly ConcurrentDictionary<string, (RobotsTxt Robots, DateTimeOffset Expires)> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The product token matched against User-agent lines: the User-Agent up to the first '/' or space.</summary>
    public string ProductToken { get; } = options.Value.UserAgent.Split('/', ' ')[0];

    public async Task<RobotsTxt> GetAsync(Uri url, CancellationToken ct)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        if (_cache.TryGetValue(origin, out var cached) && cached.Expires > clock.GetUtcNow())
        {
            return cached.Robots;
        }

        var gate = _locks.GetOrAdd(origin, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_cache.TryGetValue(origin, out cached) && cached.Expires > clock.GetUtcNow())
            {
                return cached.Robots;
            }

            var (robots, ttl) = await FetchAsync(new Uri(origin + "/robots.txt"), ct).ConfigureAwait(false);
            _cache[origin] = (robots, clock.GetUtcNow() + ttl);
            return robots;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<RobotsDecision> CheckAsync(Uri url, CancellationToken ct) =>
        (await GetAsync(url, ct).ConfigureAwait(false)).Check(ProductToken, url.PathAndQuery);

    private async Task<(RobotsTxt Robots, TimeSpan Ttl)> FetchAsync(Uri robotsUrl, CancellationToken ct)
    {
        var ttl = options.Value.RobotsTtl;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.AttemptTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, robotsUrl);
            request.Headers.UserAgent.ParseAdd(options.Value.UserAgent);
            using var response = await clients.CreateClient(PageFetcher.HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                var buffer = new byte[RobotsTxt.MaxBytes];
                var read = 0;
                int n;
                while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token).ConfigureAwait(false)) > 0)
                {
                    read += n;
                }

                logger.LogInformation("Read {RobotsUrl} ({Bytes} bytes)", robotsUrl, read);
                return (RobotsTxt.Parse(System.Text.Encoding.UTF8.GetString(buffer, 0, read)), ttl);
            }

            if (status is >= 400 and < 500)
            {
                logger.LogInformation("{RobotsUrl} answered {Status}: no restrictions", robotsUrl, status);
                return (RobotsTxt.AllowAll($"robots.txt answered {status}: no restrictions"), ttl);
            }

            logger.LogWarning("{RobotsUrl} answered {Status}: the site is treated as fully disallowed for now", robotsUrl, status);
            return (RobotsTxt.DisallowAll($"robots.txt answered {status}: disallow all until retried"), options.Value.RobotsRetry);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("{RobotsUrl} unreachable ({Error}): the site is treated as fully disallowed for now", robotsUrl, ex.Message);
            return (RobotsTxt.DisallowAll($"robots.txt unreachable ({ex.GetType().Name}): disallow all until retried"), options.Value.RobotsRetry);
        }
    }
}
