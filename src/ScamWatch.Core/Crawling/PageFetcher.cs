using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using ScamWatch.Sites;

namespace ScamWatch.Crawling;

/// <summary>
/// Fetches one URL politely and resiliently: per-host throttle, Polly retries with exponential backoff and jitter
/// (Retry-After honoured), a per-attempt timeout, and a body size limit enforced while streaming (which also stops
/// decompression bombs, since the limit applies to decompressed bytes).
/// </summary>
public sealed class PageFetcher
{
    public const string HttpClientName = "crawler";

    private readonly IHttpClientFactory _clients;
    private readonly HostThrottle _throttle;
    private readonly TimeProvider _clock;
    private readonly CrawlerOptions _options;
    private readonly ILogger<PageFetcher> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public PageFetcher(IHttpClientFactory clients, HostThrottle throttle, TimeProvider clock, IOptions<CrawlerOptions> options, ILogger<PageFetcher> logger)
    {
        _clients = clients;
        _throttle = throttle;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, _options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode is HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    _logger.LogWarning("Retrying {Url} (attempt {Attempt}) after {DelayMs} ms: {Why}",
                        args.Context.Properties.GetValue(UrlKey, ""), args.AttemptNumber + 1, (int)args.RetryDelay.TotalMilliseconds,
                        args.Outcome.Exception?.Message ?? ((int?)args.Outcome.Result?.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();
        if (_options.MaxRetries == 0)
        {
            _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }.AddTimeout(_options.AttemptTimeout).Build();
        }
    }

    private static readonly ResiliencePropertyKey<string> UrlKey = new("url");

    public async Task<FetchResult> FetchAsync(Uri url, SiteDefinition site, CancellationToken ct)
    {
        var delay = _options.DisablePoliteness ? TimeSpan.Zero : TimeSpan.FromMilliseconds(site.Politeness.MinDelayMs);
        var client = _clients.CreateClient(HttpClientName);
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(UrlKey, url.AbsoluteUri);
        try
        {
            using var response = await _pipeline.ExecuteAsync(async ctx =>
            {
                using var slot = await _throttle.EnterAsync(url.Host, site.Politeness.MaxConcurrency, delay, ctx.CancellationToken).ConfigureAwait(false);
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.UserAgent.ParseAdd(_options.UserAgent);
                request.Headers.AcceptLanguage.ParseAdd("ko-KR,ko;q=0.9");
                return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ctx.CancellationToken).ConfigureAwait(false);
            }, context).ConfigureAwait(false);

            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key.ToLowerInvariant(), g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
            var status = (int)response.StatusCode;
            var contentType = response.Content.Headers.ContentType?.ToString();
            if (status is >= 300 and < 400)
            {
                return new FetchResult(url, status, contentType, headers, [], _clock.GetUtcNow(), $"redirect limit exceeded or redirect loop (last status {status})");
            }

            if (response.Content.Headers.ContentLength > _options.MaxPageBytes)
            {
                return new FetchResult(url, status, contentType, headers, [], _clock.GetUtcNow(),
                    $"page is {response.Content.Headers.ContentLength} bytes, more than the {_options.MaxPageBytes} allowed");
            }

            var (body, tooLarge) = await ReadLimitedAsync(response.Content, _options.MaxPageBytes, ct).ConfigureAwait(false);
            if (tooLarge)
            {
                return new FetchResult(url, status, contentType, headers, [], _clock.GetUtcNow(),
                    $"page exceeded {_options.MaxPageBytes} bytes while reading (decompressed); rest not read");
            }

            var error = status is >= 200 and < 300 or 404 or 410 ? null : $"HTTP {status}";
            return new FetchResult(url, status, contentType, headers, body, _clock.GetUtcNow(), error);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or IOException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return new FetchResult(url, 0, null, new Dictionary<string, string>(), [], _clock.GetUtcNow(), ex.GetType().Name + ": " + ex.Message);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter is null)
        {
            return null;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - _clock.GetUtcNow() : TimeSpan.Zero);
        if (wait < TimeSpan.Zero)
        {
            wait = TimeSpan.Zero;
        }

        return wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait;
    }

    private static async Task<(byte[] Body, bool TooLarge)> ReadLimitedAsync(HttpContent content, long limit, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false);
            if (n == 0)
            {
                return (buffer.ToArray(), false);
            }

            if (buffer.Length + n > limit)
            {
                return ([], true);
            }

            buffer.Write(chunk, 0, n);
        }
    }

    /// <summary>The handler every crawler HttpClient uses: automatic decompression, a small redirect limit, no cookies.</summary>
    public static HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 5,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    internal static MediaTypeHeaderValue? ParseContentType(string? value) =>
        MediaTypeHeaderValue.TryParse(value, out var parsed) ? parsed : null;
}
