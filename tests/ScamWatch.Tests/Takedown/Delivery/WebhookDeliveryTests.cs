using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ScamWatch.Takedown;
using ScamWatch.Takedown.Delivery;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Takedown.Delivery;

/// <summary>Push delivery against a real loopback webhook and a real SQLite file, on a fake clock (no sleeps).</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Platform = "board-a";
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private FakeOperatorWebhook _hook = null!;

    public async Task InitializeAsync() => _hook = await FakeOperatorWebhook.StartAsync(DeliverySeed.Secret, _clock);

    public async Task DisposeAsync()
    {
        await _hook.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private Task<ServiceProvider> ServicesAsync(string secret = DeliverySeed.Secret, int maxAttempts = 12)
    {
        var settings = TestHost.Sqlite(_dir.File("scamwatch.db"));
        settings[$"Takedown:Platforms:{Platform}:Delivery"] = "push";
        settings[$"Takedown:Platforms:{Platform}:WebhookUrl"] = _hook.Url.ToString();
        settings[$"Takedown:Platforms:{Platform}:WebhookSecret"] = secret;
        settings[$"Takedown:Platforms:{Platform}:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings[$"Takedown:Platforms:{Platform}:Deadline"] = "2.00:00:00";
        settings["Takedown:Delivery:QuickRetryDelay"] = "00:00:00"; // Polly's delays run on the fake clock; none wanted here
        return TestHost.MigratedAsync(settings, _clock);
    }

    [Fact]
    public async Task Deliver_SignedWebhook_MovesPendingToSentWithEvents()
    {
        await using var services = await ServicesAsync();
        var requests = await DeliverySeed.PendingAsync(services, Platform, 3, _clock.GetUtcNow());
        var runner = services.GetRequiredService<DeliveryRunner>();

        var report = await runner.RunOnceAsync(null, CancellationToken.None);

        Assert.True(report.Ok, string.Join("\n", report.Problems));
        Assert.Equal(3, report.Delivered);
        Assert.Equal(3, _hook.Received.Count);
        var store = services.GetRequiredService<TakedownStore>();
        var deliveries = services.GetRequiredService<DeliveryStore>();
        foreach (var request in requests)
        {
            var receipt = Assert.Single(_hook.Received, r => r.IdempotencyKey == request.IdempotencyKey);
            Assert.True(receipt.SignatureValid && receipt.Fresh);
            Assert.Equal(request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), receipt.RequestId);
            using var body = JsonDocument.Parse(receipt.Body);
            Assert.Equal(WebhookPayload.Type, body.RootElement.GetProperty("type").GetString());
            Assert.Equal(48, body.RootElement.GetProperty("deadline_hours").GetDouble());
            Assert.Equal(request.Url, body.RootElement.GetProperty("request").GetProperty("url").GetString());

            var sent = (await store.GetAsync(request.Id))!;
            Assert.Equal(TakedownState.Sent, sent.State);
            Assert.Equal(ScamWatch.Storage.Iso.ToText(_clock.GetUtcNow().AddDays(2)), sent.DeadlineAt);
            var events = await store.EventsAsync(request.Id);
            Assert.Equal(["created", "sent"], events.Select(e => e.Event));
            Assert.Equal(WebhookDeliverer.Actor, events[^1].Actor);
            var delivery = (await deliveries.GetAsync(request.Id, DeliveryChannel.Webhook))!;
            Assert.Equal(DeliveryState.Delivered, delivery.State);
            Assert.Equal(1, delivery.Attempts);
            Assert.Equal(200, Assert.Single(await deliveries.AttemptsAsync(delivery.Id)).StatusCode);
        }

        var again = await runner.RunOnceAsync(null, CancellationToken.None);
        Assert.Equal(0, again.Delivered);
        Assert.Equal(3, _hook.Received.Count);
    }

    [Fact]
    public async Task Deliver_WrongSecret_ReceiverRefusesAndItIsDeadLetteredAtOnce()
    {
        await using var services = await ServicesAsync(secret: "not-the-operators-secret-0123456789abcdef");
        var request = (await DeliverySeed.PendingAsync(services, Platform, 1, _clock.GetUtcNow()))[0];

        var report = await services.GetRequiredService<DeliveryRunner>().RunOnceAsync(null, CancellationToken.None);

        var receipt = Assert.Single(_hook.Received); // a 401 is not retried: the same signature would fail again
        Assert.False(receipt.SignatureValid);
        Assert.Equal(401, receipt.Status);
        var problem = Assert.Single(report.Problems);
        Assert.Equal("dead", problem.Kind);
        Assert.Equal(request.Id, problem.RequestId);
        Assert.Contains("HTTP 401", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(TakedownState.Pending, (await services.GetRequiredService<TakedownStore>().GetAsync(request.Id))!.State);
        Assert.Empty(_hook.AppliedPerRequest);
    }

    [Fact]
    public async Task Deliver_WebhookDownForAnHourThenUp_EverythingDeliveredOnce()
    {
        await using var services = await ServicesAsync();
        var requests = await DeliverySeed.PendingAsync(services, Platform, 5, _clock.GetUtcNow());
        var runner = services.GetRequiredService<DeliveryRunner>();
        var store = services.GetRequiredService<TakedownStore>();
        _hook.Down();

        var downSince = _clock.GetUtcNow();
        while (_clock.GetUtcNow() - downSince < TimeSpan.FromHours(1))
        {
            var report = await runner.RunOnceAsync(null, CancellationToken.None); // what the minutely cron does
            Assert.Equal(0, report.Delivered);
            Assert.DoesNotContain(report.Problems, p => p.Kind == "dead");
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        var deliveries = services.GetRequiredService<DeliveryStore>();
        foreach (var request in requests)
        {
            // Each request kept being tried (every call logged, none reached the operator), never dead-lettered.
            var attempts = await deliveries.AttemptsAsync((await deliveries.GetAsync(request.Id, DeliveryChannel.Webhook))!.Id);
            Assert.InRange(attempts.Count, 6, 9);
            Assert.All(attempts, a => Assert.Null(a.StatusCode));
        }

        Assert.Empty(_hook.Received);
        _hook.Up();
        var upAt = _clock.GetUtcNow();
        var delivered = 0;
        while (delivered < requests.Count && _clock.GetUtcNow() - upAt <= TimeSpan.FromHours(1) + TimeSpan.FromMinutes(2))
        {
            delivered += (await runner.RunOnceAsync(null, CancellationToken.None)).Delivered;
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(requests.Count, delivered);
        foreach (var request in requests)
        {
            Assert.Equal(TakedownState.Sent, (await store.GetAsync(request.Id))!.State);
            Assert.Equal(1, _hook.AppliedPerRequest[request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            var delivery = (await deliveries.GetAsync(request.Id, DeliveryChannel.Webhook))!;
            Assert.InRange(delivery.Attempts, 7, 11); // three calls in the first round, then one per round: MaxAttempts (12) not reached
        }
    }

    [Fact]
    public async Task Deliver_AlwaysFailing_DeadLetteredAfterMaxAttempts_RequeueDeliversIt()
    {
        await using var services = await ServicesAsync(maxAttempts: 4);
        var request = (await DeliverySeed.PendingAsync(services, Platform, 1, _clock.GetUtcNow()))[0];
        var runner = services.GetRequiredService<DeliveryRunner>();
        var deliveries = services.GetRequiredService<DeliveryStore>();
        _hook.FailWith(503);

        DeliveryReport report;
        var runs = 0;
        do
        {
            report = await runner.RunOnceAsync(null, CancellationToken.None);
            _clock.Advance(TimeSpan.FromHours(1));
            runs++;
        }
        while (!report.Problems.Any(p => p.Kind == "dead") && runs < 10);

        Assert.Equal(2, runs); // three calls in the first run, the fourth in the next
        var dead = Assert.Single(report.Problems);
        Assert.Contains("after 4 of 4 attempts", dead.Detail, StringComparison.Ordinal);
        Assert.Equal(4, _hook.Received.Count);
        var delivery = (await deliveries.GetAsync(request.Id, DeliveryChannel.Webhook))!;
        Assert.Equal(DeliveryState.Dead, delivery.State);
        Assert.All(await deliveries.AttemptsAsync(delivery.Id), a => Assert.Equal(503, a.StatusCode));
        Assert.Equal(4, (await deliveries.AttemptsAsync(delivery.Id)).Count);
        Assert.False((await runner.RunOnceAsync(null, CancellationToken.None)).Ok); // a dead letter stays visible
        Assert.Equal(4, _hook.Received.Count); // and is not tried again

        _hook.Up();
        Assert.Equal(1, await deliveries.RequeueDeadAsync(Platform, _clock.GetUtcNow()));
        var after = await runner.RunOnceAsync(null, CancellationToken.None);
        Assert.True(after.Ok, string.Join("\n", after.Problems));
        Assert.Equal(TakedownState.Sent, (await services.GetRequiredService<TakedownStore>().GetAsync(request.Id))!.State);
        Assert.All(_hook.Received, r => Assert.Equal(request.IdempotencyKey, r.IdempotencyKey));
    }

    [Fact]
    public async Task Deliver_TwoNodesAtOnce_EachRequestCalledOnce()
    {
        await using var nodeA = await ServicesAsync();
        await using var nodeB = await ServicesAsync();
        var requests = await DeliverySeed.PendingAsync(nodeA, Platform, 20, _clock.GetUtcNow());

        var reports = await Task.WhenAll(
            Task.Run(() => nodeA.GetRequiredService<DeliveryRunner>().RunOnceAsync(null, CancellationToken.None)),
            Task.Run(() => nodeB.GetRequiredService<DeliveryRunner>().RunOnceAsync(null, CancellationToken.None)));

        Assert.Equal(20, reports.Sum(r => r.Delivered));
        Assert.Equal(20, _hook.Received.Count); // claims are compare-and-swap: no request was sent by both nodes
        Assert.Equal(requests.Select(r => r.IdempotencyKey).Order(), _hook.Received.Select(r => r.IdempotencyKey).Order());
    }
}
