namespace ScamWatch.Takedown.Delivery;

/// <summary>What one webhook call's answer means.</summary>
public enum AttemptKind
{
    /// <summary>2xx: the receiver has the request.</summary>
    Accepted,

    /// <summary>Worth repeating: no answer, 5xx, 408, 409, 425, 429.</summary>
    Transient,

    /// <summary>Refused for good: repeating the same signed body would get the same answer.</summary>
    Permanent,
}

/// <summary>One call's verdict, with its reason.</summary>
public sealed record AttemptVerdict(AttemptKind Kind, string Reason);

/// <summary>Where a delivery goes after a failed call: back to <c>pending</c> at a later time, or <c>dead</c>; and why.</summary>
public sealed record DeliveryDecision(string State, DateTimeOffset NextAttemptAt, string Reason);

/// <summary>
/// The retry rules as pure functions. Failures the receiver can get over (no answer, 5xx, 408 timeout, 409 "same key
/// still in progress", 425, 429 rate limit) are retried: a few times at once, then across runs with a doubling wait
/// capped at <see cref="DeliveryOptions.BackoffCap"/>, until <see cref="PlatformDelivery.MaxAttempts"/>. Any other 4xx
/// (a bad signature 401/403, a missing endpoint 404/410, a body it cannot take 400/413/422) and redirects (a signed
/// body is not re-posted to another address) are dead-lettered at once: the request, the secret or the URL has to be
/// fixed by a person, and hammering an endpoint that said no only fills its logs. Once fixed,
/// <c>scamwatch deliver --once --requeue-dead</c> sends them again with the same idempotency keys.
/// </summary>
public static class DeliveryPolicy
{
    public static AttemptVerdict Judge(int? statusCode, string? error) => statusCode switch
    {
        >= 200 and < 300 => new(AttemptKind.Accepted, $"HTTP {statusCode} accepted"),
        null => new(AttemptKind.Transient, error ?? "no answer"),
        408 or 425 or 429 => new(AttemptKind.Transient, $"HTTP {statusCode}: the receiver asks us to come back later{Detail(error)}"),
        409 => new(AttemptKind.Transient, $"HTTP 409: the receiver is still processing a request with this idempotency key{Detail(error)}"),
        >= 300 and < 400 => new(AttemptKind.Permanent, $"HTTP {statusCode}: redirects are not followed with a signed body; configure the final WebhookUrl"),
        >= 400 and < 500 => new(AttemptKind.Permanent, $"HTTP {statusCode}: the receiver refused this request (signature, body or endpoint); retrying would not change its answer{Detail(error)}"),
        _ => new(AttemptKind.Transient, $"HTTP {statusCode}{Detail(error)}"),
    };

    /// <summary>After a failed call that was attempt number <paramref name="attempts"/>; <paramref name="jitter"/> is in [0, 1).</summary>
    public static DeliveryDecision AfterFailure(AttemptVerdict last, int attempts, int maxAttempts, DateTimeOffset now, TimeSpan backoffBase, TimeSpan backoffCap, double jitter)
    {
        if (last.Kind == AttemptKind.Permanent)
        {
            return new(DeliveryState.Dead, now, $"dead-lettered: {last.Reason}");
        }

        if (attempts >= maxAttempts)
        {
            return new(DeliveryState.Dead, now, $"dead-lettered after {attempts} of {maxAttempts} attempts: {last.Reason}");
        }

        var wait = Backoff(attempts, backoffBase, backoffCap, jitter);
        return new(DeliveryState.Pending, now + wait, $"attempt {attempts} of {maxAttempts} failed ({last.Reason}); next try in {wait:g}");
    }

    /// <summary>
    /// <paramref name="backoffBase"/> doubled per attempt, capped, then shortened by up to 20 % at random so deliveries
    /// that failed together do not all come back in the same second. Never longer than the cap.
    /// </summary>
    public static TimeSpan Backoff(int attempts, TimeSpan backoffBase, TimeSpan backoffCap, double jitter)
    {
        var doubled = backoffBase.TotalSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var capped = Math.Min(doubled, backoffCap.TotalSeconds);
        return TimeSpan.FromSeconds(capped * (1 - (0.2 * Math.Clamp(jitter, 0, 1))));
    }

    private static string Detail(string? error) => string.IsNullOrWhiteSpace(error) ? "" : $" ({error})";
}
