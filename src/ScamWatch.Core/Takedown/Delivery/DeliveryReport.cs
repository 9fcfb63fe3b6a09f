namespace ScamWatch.Takedown.Delivery;

/// <summary>What one delivery run did: how many requests reached their platform, and every problem, one line each.</summary>
public sealed class DeliveryReport
{
    private readonly List<DeliveryProblem> _problems = [];

    public int Delivered { get; private set; }

    public IReadOnlyList<DeliveryProblem> Problems => _problems;

    /// <summary>True when nothing failed in this run and no dead letter waits.</summary>
    public bool Ok => _problems.Count == 0;

    internal void CountDelivered(int n = 1) => Delivered += n;

    internal void Add(DeliveryProblem problem) => _problems.Add(problem);
}

/// <summary>
/// One problem: <c>retrying</c> (failed in this run, due again later), <c>dead</c> (dead-lettered, in this run or
/// before), or <c>error</c> (a platform's run failed as a whole, e.g. the outbox folder is not writable).
/// </summary>
public sealed record DeliveryProblem(string Kind, string Platform, string Channel, long? RequestId, int Attempts, string Detail)
{
    public override string ToString() =>
        $"{Kind} {Platform} {Channel}{(RequestId is { } id ? $" request {id}" : "")}{(Attempts > 0 ? $" after {Attempts} attempt(s)" : "")}: {Detail}";
}
