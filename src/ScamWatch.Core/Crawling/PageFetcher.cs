using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ScamWatch.Crawling;

/// <summary>
/// Fetches one URL politely and resiliently through one HttpClient pipeline: per-host throttle, then per host a Polly
/// pipeline of total timeout → retries (exponential backoff with jitter, Retry-After honoured on 429/503) → circuit
/// breaker → per-attempt timeout. Redirects are followed by hand (bounded, loop-checked, each hop vetted) and the
/// body size limit is enforced while streaming decompressed bytes, which also defuses decompression bombs.
/// </summary>
public sealed class PageFetcher(IHttpClientFactory clients, HostThrottle throttle, TimeProvider clock, IOptions<CrawlerOptions> options, ILogger<PageFetcher> logger)
{
    public const string HttpClientName = "crawler";
    public const int MaxRedirects = 5;

    private static readonly ResiliencePropertyKey<string> UrlKey = new("url");
    private readonly CrawlerOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.OrdinalIgnoreCase);

    public async Task<FetchResult> FetchAsync(FetchRequest fetch, CancellationToken ct)
    {
        var url = fetch.Url;
        var seen = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        for (var hop = 0; ; hop++)
        {
            var result = await FetchOnceAsync(fetch with { Url = url }, ct).ConfigureAwait(false);
            if (result.StatusCode is not (301 or 302 or 303 or 307 or 308) || result.Error is not null)
            {
                return result with { Url = fetch.Url, FinalUrl = url };
            }

            var location = result.Header("location");
            if (location is null || !Uri.TryCreate(url, location, out var next))
            {
                return Failed(fetch.Url, result.StatusCode, $"redirect {result.StatusCode} without a usable Location");
            }

            if (!seen.Add(next.AbsoluteUri))
            {
                return Failed(fetch.Url, result.StatusCode, $"redirect loop: {next} was already visited");
            }

            if (hop + 1 >= MaxRedirects)
            {
                return Failed(fetch.Url, result.StatusCode, $"more than {MaxRedirects} redirects");
            }

            if (fetch.MayFollow is not null && await fetch.MayFollow(next, ct).ConfigureAwait(false) is { } refusal)
            {
                return Failed(fetch.Url, result.StatusCode, $"redirect to {next} not followed: {refusal}");
            }

            url = next;
        }
    }

    private async Task<FetchResult> FetchOnceAsync(FetchRequest fetch, CancellationToken ct)
    {
        var url = fetch.Url;
        var delay = _options.DisablePoliteness ? TimeSpan.Zero : fetch.MinDelay;
        var client = clients.CreateClient(HttpClientName);
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(UrlKey, url.AbsoluteUri);
        try
        {
            using var response = await PipelineFor(url.Host).ExecuteAsync(async ctx =>
            {
                using var slot = await throttle.EnterAsync(url.Authority, fetch.MaxConcurrency, delay, ctx.CancellationToken).ConfigureAwait(false);
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.UserAgent.ParseAdd(_options.UserAgent);
                request.Headers.AcceptLanguage.ParseAdd("ko-KR,ko;q=0.9,en;q=0.5");
                if (fetch.ETag is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", fetch.ETag);
                }

                if (fetch.LastModified is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", fetch.LastModified);
                }

                return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ctx.CancellationToken).ConfigureAwait(false);
            }, context).ConfigureAwait(false);

            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
            var status = (int)response.StatusCode;
            var contentType = response.Content.Headers.ContentType?.ToString();
            if (status is 304 or (>= 300 and < 400))
            {
                return new FetchResult(url, status, contentType, headers, [], clock.GetUtcNow(), null);
            }

            if (response.Content.Headers.ContentLength > _options.MaxPageBytes)
            {
                return Failed(url, status, $"page is {response.Content.Headers.ContentLength} bytes, more than the {_options.MaxPageBytes} allowed");
            }

            var body = await ReadLimitedAsync(response.Content, _options.MaxPageBytes, ct).ConfigureAwait(false);
            if (body is null)
            {
                return Failed(url, status, $"page exceeded {_options.MaxPageBytes} bytes while reading (decompressed); the rest was not read");
            }

            var error = status is >= 200 and < 300 or 404 or 410 ? null : $"HTTP {status}";
            return new FetchResult(url, status, contentType, headers, body, clock.GetUtcNow(), error);
        }
        catch (BrokenCircuitException)
        {
            return Failed(url, 0, $"circuit open for {url.Host}: too many recent failures, host left alone for now");
        }
        catch (TimeoutRejectedException ex)
        {
            return Failed(url, 0, "timed out: " + ex.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidDataException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return Failed(url, 0, ex.GetType().Name + ": " + ex.Message);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private FetchResult Failed(Uri url, int status, string error) =>
        new(url, status, null, new Dictionary<string, string>(), [], clock.GetUtcNow(), error);

    private ResiliencePipeline<HttpResponseMessage> PipelineFor(string host) => _pipelines.GetOrAdd(host, h =>
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }.AddTimeout(_options.TotalTimeout);
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                ShouldHandle = Transient,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    logger.LogWarning("Retrying {Url} (attempt {Attempt}) in {DelayMs} ms after {Failure}",
                        args.Context.Properties.GetValue(UrlKey, ""), args.AttemptNumber + 2, (int)args.RetryDelay.TotalMilliseconds,
                        args.Outcome.Exception?.Message ?? "HTTP " + ((int?)args.Outcome.Result?.StatusCode)?.ToString(CultureInfo.InvariantCulture));
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = _options.CircuitFailureRatio,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = _options.CircuitBreakDuration,
                ShouldHandle = Transient,
                OnOpened = args =>
                {
                    logger.LogWarning("Circuit opened for host {Host} for {BreakSeconds} s", h, args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();
    });

    private static readonly PredicateBuilder<HttpResponseMessage> Transient = new PredicateBuilder<HttpResponseMessage>()
        .Handle<HttpRequestException>()
        .Handle<TimeoutRejectedException>()
        .Handle<IOException>()
        .HandleResult(r => r.StatusCode is HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500);

    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter is null)
        {
            return null;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - clock.GetUtcNow() : TimeSpan.Zero);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait;
    }

    private static async Task<byte[]?> ReadLimitedAsync(HttpContent content, long limit, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var n = await stream.ReadAsync(chunk, ct).ConfigureAwait(false);
            if (n == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + n > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }
    }

    /// <summary>The handler every crawler HttpClient uses: automatic decompression, redirects handled by the fetcher, no cookies.</summary>
    public static HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxResponseHeadersLength = 64,
    };
}
