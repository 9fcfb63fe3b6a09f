using Microsoft.Extensions.Logging;
using Quartz;

namespace ScamWatch.Takedown.Delivery;

/// <summary>The Quartz job that runs delivery on <see cref="TakedownOptions.DeliveryCron"/>. Never two runs at once in one scheduler.</summary>
[DisallowConcurrentExecution]
public sealed class DeliveryJob(DeliveryRunner runner, ILogger<DeliveryJob> logger) : IJob
{
    public static readonly JobKey Key = new("deliver", "takedown");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var report = await runner.RunOnceAsync(null, cancellationToken).ConfigureAwait(false);
        foreach (var problem in report.Problems)
        {
            logger.LogWarning("Takedown delivery problem: {Problem}", problem.ToString());
        }
    }
}
