using Quartz;

namespace ScamWatch.Takedown.Verification;

/// <summary>The Quartz job that rechecks every request awaiting removal (<see cref="TakedownOptions.VerifyCron"/>). One run at a time.</summary>
[DisallowConcurrentExecution]
public sealed class VerifyJob(TakedownVerifier verifier) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await verifier.RunAsync(null, cancellationToken).ConfigureAwait(false);
}
