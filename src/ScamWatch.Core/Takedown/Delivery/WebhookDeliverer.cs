using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using ScamWatch.Storage;

namespace ScamWatch.Takedown.Delivery;

/// <summary>
/// Push delivery: one signed POST per request to the platform's webhook. A delivery is claimed before the call and
/// finished after it, so a node that dies mid-call leaves it claimed and the next run (on any node, once the lease is
/// over or its process is known dead) sends it again with the same <c>Idempotency-Key</c>: at-least-once sending plus
/// the receiver's dedupe on that key gives exactly one effect.
/// </summary>
public sealed class WebhookDeliverer(
    IHttpClientFactory clients,
    DeliveryStore deliveries,
    TakedownStore takedowns,
    IOptions<TakedownOptions> takedownOptions,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<WebhookDeliverer> logger)
{
    public const string HttpClientName = "takedown-webhook";
    public const string Actor = "webhook";
    private const int MaxErrorBodyChars = 300;

    private readonly DeliveryOptions _options = options.Value;

    public async Task RunAsync(string platform, PlatformDelivery settings, LeaseOwner owner, DeliveryReport report, CancellationToken ct)
    {
        await deliveries.EnqueueAsync(DeliveryChannel.Webhook, platform, clock.GetUtcNow(), ct).ConfigureAwait(false);
        foreach (var seen in await deliveries.CandidatesAsync(DeliveryChannel.Webhook, platform, clock.GetUtcNow(), _options.BatchSize, ct).ConfigureAwait(false))
        {
            ct.ThrowIfCancellationRequested();
            var now = clock.GetUtcNow();
            if (seen.State == DeliveryState.Sending && Iso.Parse(seen.NextAttemptAt) > now && !LeaseOwner.IsAbandonedHere(seen.LeaseOwner))
            {
                continue; // a live node is sending it
            }

            if (!await deliveries.TryClaimAsync(seen, owner.ToString(), now + _options.Lease, ct).ConfigureAwait(false))
            {
                continue; // another node claimed it first
            }

            if (seen.State == DeliveryState.Sending)
            {
                logger.LogWarning("Took over delivery of takedown request {RequestId} to {Platform} from {PreviousOwner}, whose lease ran out or whose process is gone",
                    seen.RequestId, platform, seen.LeaseOwner);
            }

            await DeliverOneAsync(platform, settings, seen, owner.ToString(), report, ct).ConfigureAwait(false);
        }
    }

    private async Task DeliverOneAsync(string platform, PlatformDelivery settings, DeliveryRow seen, string owner, DeliveryReport report, CancellationToken ct)
    {
        var request = await takedowns.GetAsync(seen.RequestId, ct).ConfigureAwait(false);
        if (request is null || request.State != TakedownState.Pending)
        {
            // Sent by a run that died before finishing its delivery row, or answered by the operator already: nothing to push.
            await deliveries.FinishAsync(seen.Id, owner, DeliveryState.Delivered, clock.GetUtcNow(), $"not pushed: request is {request?.State ?? "gone"}",
                clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var deadline = takedownOptions.Value.DeadlineFor(platform);
        var body = WebhookPayload.Serialize(request, deadline);
        var attempts = seen.Attempts;
        WebhookCall last;
        try
        {
            // Quick retries ride out a blip on a delivery's first round; an endpoint already failing is probed once per run,
            // so an outage of hours does not use up MaxAttempts.
            var quickRetries = attempts == 0 ? Math.Min(_options.QuickRetries, settings.MaxAttempts - 1) : 0;
            last = await Pipeline(quickRetries).ExecuteAsync(async token =>
            {
                var call = await CallAsync(settings, request, body, token, ct).ConfigureAwait(false);
                attempts++;
                await deliveries.RecordAttemptAsync(seen.Id, clock.GetUtcNow(), call.StatusCode, call.Verdict.Kind == AttemptKind.Accepted ? null : call.Verdict.Reason,
                    call.DurationMs, CancellationToken.None).ConfigureAwait(false);
                return call;
            }, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: hand it back at once rather than leave it leased.
            await deliveries.FinishAsync(seen.Id, owner, DeliveryState.Pending, clock.GetUtcNow(), "interrupted by shutdown", null, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var now = clock.GetUtcNow();
        if (last.Verdict.Kind == AttemptKind.Accepted)
        {
            // Mark the request first: if we die between the two writes, the next run sees it sent and only closes the delivery.
            await takedowns.TransitionAsync(request.Id, TakedownEvent.Sent, Actor, $"HTTP {last.StatusCode} from {settings.WebhookUrl!.Host}", now, deadline,
                ct: CancellationToken.None).ConfigureAwait(false);
            await deliveries.FinishAsync(seen.Id, owner, DeliveryState.Delivered, now, null, now, CancellationToken.None).ConfigureAwait(false);
            report.CountDelivered();
            logger.LogInformation("Delivered takedown request {RequestId} to {Platform} by webhook (HTTP {StatusCode}, attempt {Attempts})",
                request.Id, platform, last.StatusCode, attempts);
            return;
        }

        var decision = DeliveryPolicy.AfterFailure(last.Verdict, attempts, settings.MaxAttempts, now, _options.BackoffBase, _options.BackoffCap, Random.Shared.NextDouble());
        await deliveries.FinishAsync(seen.Id, owner, decision.State, decision.NextAttemptAt, decision.Reason, null, CancellationToken.None).ConfigureAwait(false);
        if (decision.State == DeliveryState.Dead)
        {
            logger.LogError("Delivery of takedown request {RequestId} to {Platform} {Reason}", request.Id, platform, decision.Reason);
        }
        else
        {
            report.Add(new DeliveryProblem("retrying", platform, DeliveryChannel.Webhook, request.Id, attempts, decision.Reason));
            logger.LogWarning("Delivery of takedown request {RequestId} to {Platform}: {Reason}", request.Id, platform, decision.Reason);
        }
    }

    private ResiliencePipeline<WebhookCall> Pipeline(int quickRetries)
    {
        var builder = new ResiliencePipelineBuilder<WebhookCall> { TimeProvider = clock };
        if (quickRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<WebhookCall>
            {
                MaxRetryAttempts = quickRetries,
                Delay = _options.QuickRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Verdict.Kind == AttemptKind.Transient),
            });
        }

        return builder.AddTimeout(_options.AttemptTimeout).Build();
    }

    private async Task<WebhookCall> CallAsync(PlatformDelivery settings, TakedownRequest request, byte[] body, CancellationToken token, CancellationToken outer)
    {
        var started = clock.GetTimestamp();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var message = new HttpRequestMessage(HttpMethod.Post, settings.WebhookUrl) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        message.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        message.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Sign(settings.WebhookSecret!, timestamp, body));
        message.Headers.TryAddWithoutValidation(WebhookSignature.IdempotencyKeyHeader, request.IdempotencyKey);
        message.Headers.TryAddWithoutValidation(WebhookSignature.RequestIdHeader, request.Id.ToString(CultureInfo.InvariantCulture));
        int? status = null;
        string? error;
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : await ErrorTextAsync(response, token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            error = ex.Message;
        }
        catch (OperationCanceledException) when (!outer.IsCancellationRequested)
        {
            error = $"no answer within {_options.AttemptTimeout.TotalSeconds:0.#} s";
        }

        return new WebhookCall(status, DeliveryPolicy.Judge(status, error), clock.GetElapsedTime(started).TotalMilliseconds);
    }

    private static async Task<string?> ErrorTextAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var buffer = new char[MaxErrorBodyChars];
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false));
        var n = await reader.ReadBlockAsync(buffer, ct).ConfigureAwait(false);
        var text = new string(buffer, 0, n).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? null : text;
    }

    private sealed record WebhookCall(int? StatusCode, AttemptVerdict Verdict, double DurationMs);

    internal static SocketsHttpHandler CreateHandler() => new()
    {
        // A signed body is never re-posted to another address.
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
