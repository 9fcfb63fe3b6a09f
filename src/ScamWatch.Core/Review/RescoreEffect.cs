namespace ScamWatch.Review;

/// <summary>
/// What a new model's score means for an item already in the queue. The item always stays: a reviewer may be working
/// on it, and the old model's reason for queueing it is still on record. An item the new model scores below its
/// threshold is marked <see cref="NowBelow"/> so the queue and the analyst page can show it.
/// </summary>
public sealed record RescoreEffect(string Kind, string Reason)
{
    public const string StillAbove = "still-above";
    public const string NowBelow = "now-below";
    public const string NowAbove = "now-above";
    public const string StillBelow = "still-below";

    public static RescoreEffect For(double oldScore, double? oldThreshold, double newScore, double newThreshold)
    {
        var wasAbove = oldThreshold is null || oldScore >= oldThreshold;
        var isAbove = newScore >= newThreshold;
        return (wasAbove, isAbove) switch
        {
            (true, true) => new(StillAbove, $"score {newScore:0.####} is at or above the new threshold {newThreshold:0.####}"),
            (true, false) => new(NowBelow, $"score {newScore:0.####} fell below the new threshold {newThreshold:0.####}; the item stays queued, marked"),
            (false, true) => new(NowAbove, $"score {newScore:0.####} rose to the new threshold {newThreshold:0.####}"),
            (false, false) => new(StillBelow, $"score {newScore:0.####} is still below the threshold {newThreshold:0.####}; queued for another reason (e.g. a reappeared lure)"),
        };
    }
}
