using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScamWatch.Takedown.Delivery;

/// <summary>One delivery run over every push and file platform (or one): what the scheduled job and <c>scamwatch deliver --once</c> call.</summary>
public sealed class DeliveryRunner(
    IOptions<TakedownOptions> takedownOptions,
    WebhookDeliverer webhook,
    FileOutbox files,
    DeliveryStore deliveries,
    ILogger<DeliveryRunner> logger)
{
    /// <summary>The platforms delivered by push or file, by name.</summary>
    public IReadOnlyList<string> Platforms => [.. takedownOptions.Value.Platforms.Where(p => p.Value.Delivery is "push" or "file").Select(p => p.Key).Order(StringComparer.Ordinal)];

    public async Task<DeliveryReport> RunOnceAsync(string? platform, CancellationToken ct)
    {
        var owner = LeaseOwner.ForThisProcess();
        var report = new DeliveryReport();
        foreach (var name in Platforms.Where(p => platform is null || p == platform))
        {
            var settings = takedownOptions.Value.For(name);
            try
            {
                if (settings.Delivery == "push")
                {
                    await webhook.RunAsync(name, settings, owner, report, ct).ConfigureAwait(false);
                }
                else
                {
                    await files.RunAsync(name, settings, owner, report, ct).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One platform's trouble (an unwritable folder, a database hiccup) must not hold up the others.
                report.Add(new DeliveryProblem("error", name, settings.Delivery, null, 0, ex.Message));
                logger.LogError(ex, "Delivery run for {Platform} by {Delivery} failed", name, settings.Delivery);
            }
        }

        // Dead letters stay on the report until someone requeues them, so they cannot be missed.
        foreach (var dead in await deliveries.DeadAsync(platform, ct).ConfigureAwait(false))
        {
            report.Add(new DeliveryProblem("dead", dead.Platform, dead.Channel, dead.RequestId, dead.Attempts, dead.LastError ?? "dead-lettered"));
        }

        logger.LogInformation("Delivery run: {Delivered} takedown requests delivered, {Problems} problems", report.Delivered, report.Problems.Count);
        return report;
    }
}
