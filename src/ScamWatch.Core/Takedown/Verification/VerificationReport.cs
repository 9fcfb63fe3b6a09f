namespace ScamWatch.Takedown.Verification;

/// <summary>What one verification run found, request by request, with the totals the CLI and the logs print.</summary>
public sealed class VerificationReport
{
    private readonly List<VerificationItem> _items = [];

    public IReadOnlyList<VerificationItem> Items => _items;

    public int Checked => _items.Count;

    public IEnumerable<VerificationItem> Removed => Of(VerificationVerdict.Gone);

    public IEnumerable<VerificationItem> StillUp => Of(VerificationVerdict.StillUp);

    public IEnumerable<VerificationItem> Overdue => Of(VerificationVerdict.Overdue);

    /// <summary>Checks that gave no answer (nothing was changed for them).</summary>
    public IEnumerable<VerificationItem> Errors => Of(VerificationVerdict.Error);

    /// <summary>Median time to takedown of the removals verified in this run.</summary>
    public TimeSpan? MedianTimeToTakedown
    {
        get
        {
            var times = Removed.Select(i => i.Outcome.TimeToTakedown).OfType<TimeSpan>().Order().ToList();
            return times.Count == 0 ? null
                : times.Count % 2 == 1 ? times[times.Count / 2]
                : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        }
    }

    public void Add(VerificationItem item) => _items.Add(item);

    private IEnumerable<VerificationItem> Of(VerificationVerdict verdict) => _items.Where(i => i.Outcome.Verdict == verdict);
}
