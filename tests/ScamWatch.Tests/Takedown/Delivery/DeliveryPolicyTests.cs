using ScamWatch.Takedown.Delivery;

namespace ScamWatch.Tests.Takedown.Delivery;

public sealed class DeliveryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(200, AttemptKind.Accepted)]
    [InlineData(204, AttemptKind.Accepted)]
    [InlineData(null, AttemptKind.Transient)]
    [InlineData(500, AttemptKind.Transient)]
    [InlineData(503, AttemptKind.Transient)]
    [InlineData(408, AttemptKind.Transient)]
    [InlineData(409, AttemptKind.Transient)]
    [InlineData(429, AttemptKind.Transient)]
    [InlineData(301, AttemptKind.Permanent)]
    [InlineData(400, AttemptKind.Permanent)]
    [InlineData(401, AttemptKind.Permanent)]
    [InlineData(404, AttemptKind.Permanent)]
    [InlineData(422, AttemptKind.Permanent)]
    public void Judge_StatusCode_Kind(int? status, AttemptKind kind)
    {
        var verdict = DeliveryPolicy.Judge(status, status is null ? "connection refused" : null);
        Assert.Equal(kind, verdict.Kind);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(5, 480)]
    [InlineData(8, 3600)] // 30 s × 128 = 64 min, capped at the hour
    [InlineData(40, 3600)]
    public void Backoff_DoublesUpToTheCap(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DeliveryPolicy.Backoff(attempts, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), jitter: 0));
        var jittered = DeliveryPolicy.Backoff(attempts, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), jitter: 0.999);
        Assert.InRange(jittered.TotalSeconds, seconds * 0.8, seconds);
    }

    [Fact]
    public void AfterFailure_Transient_WaitsThenDiesAtMaxAttempts()
    {
        var transient = DeliveryPolicy.Judge(503, null);
        var retry = DeliveryPolicy.AfterFailure(transient, 3, 12, Now, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), 0);
        Assert.Equal(DeliveryState.Pending, retry.State);
        Assert.Equal(Now.AddMinutes(2), retry.NextAttemptAt);
        Assert.Contains("attempt 3 of 12", retry.Reason, StringComparison.Ordinal);

        var dead = DeliveryPolicy.AfterFailure(transient, 12, 12, Now, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), 0);
        Assert.Equal(DeliveryState.Dead, dead.State);
        Assert.Contains("after 12 of 12 attempts", dead.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterFailure_Permanent_DeadAtOnce()
    {
        var dead = DeliveryPolicy.AfterFailure(DeliveryPolicy.Judge(401, "bad signature"), 1, 12, Now, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), 0);
        Assert.Equal(DeliveryState.Dead, dead.State);
        Assert.Contains("bad signature", dead.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("host-a/42/1000/n1", "host-a", false, true)] // our machine, process gone
    [InlineData("host-a/42/1000/n1", "host-a", true, false)] // our machine, still running
    [InlineData("host-b/42/1000/n1", "host-a", false, false)] // another machine: only its lease can expire
    [InlineData("garbage", "host-a", false, false)]
    [InlineData(null, "host-a", false, false)]
    public void LeaseOwner_IsAbandoned_OnlyWhenProvablyDead(string? owner, string machine, bool running, bool abandoned) =>
        Assert.Equal(abandoned, LeaseOwner.IsAbandoned(owner, machine, (_, _) => running));

    [Fact]
    public void Signature_CheckAcceptsItsOwnAndRefusesTamperedOrStale()
    {
        var body = "{\"request\":{\"url\":\"http://x.test/1\"}}"u8.ToArray();
        var ts = Now.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign(DeliverySeed.Secret, ts, body);
        Assert.StartsWith("sha256=", signature, StringComparison.Ordinal);
        Assert.Null(WebhookSignature.Check(DeliverySeed.Secret, ts.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, body, Now, TimeSpan.FromMinutes(5)));
        body[5] ^= 1;
        Assert.NotNull(WebhookSignature.Check(DeliverySeed.Secret, ts.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, body, Now, TimeSpan.FromMinutes(5)));
        Assert.NotNull(WebhookSignature.Check(DeliverySeed.Secret, ts.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, body, Now.AddMinutes(6), TimeSpan.FromMinutes(5)));
    }
}
