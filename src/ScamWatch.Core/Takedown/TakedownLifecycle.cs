namespace ScamWatch.Takedown;

/// <summary>The states of a takedown request.</summary>
public static class TakedownState
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Acknowledged = "acknowledged";
    public const string Removed = "removed";
    public const string Refused = "refused";
    public const string NoResponse = "no-response";
    public const string VerifiedRemoved = "verified-removed";
    public const string Reappeared = "reappeared";

    public static readonly IReadOnlyList<string> All = [Pending, Sent, Acknowledged, Removed, Refused, NoResponse, VerifiedRemoved, Reappeared];

    /// <summary>States in which the post is expected to come down and a recheck is due.</summary>
    public static readonly IReadOnlyList<string> AwaitingRemoval = [Sent, Acknowledged, Removed, NoResponse, Refused];
}

/// <summary>What can happen to a takedown request.</summary>
public enum TakedownEvent
{
    /// <summary>Delivered to the platform (webhook accepted, batch file written, or listed by the operator's client).</summary>
    Sent,

    /// <summary>The operator says it has the request.</summary>
    Acknowledged,

    /// <summary>The operator says it removed the post.</summary>
    Removed,

    /// <summary>The operator refuses to remove it.</summary>
    Refused,

    /// <summary>The platform's deadline passed without an outcome.</summary>
    DeadlinePassed,

    /// <summary>Our own recheck found the post gone (404/410/removal marker).</summary>
    VerifiedGone,

    /// <summary>The post, or a near-duplicate of it, is up again.</summary>
    Reappeared,
}

/// <summary>The outcome of asking for a transition: the new state, or why not. Pure data, no side effects.</summary>
public sealed record TakedownTransition(bool Allowed, bool Changed, string From, string To, string Reason)
{
    public static TakedownTransition Refuse(string from, string reason) => new(false, false, from, from, reason);
}

/// <summary>
/// The takedown state machine as one pure function:
/// pending → sent → acknowledged → removed | refused | no-response → verified-removed | reappeared.
/// Repeating the event that led to the current state is accepted and changes nothing, so an operator's client may
/// safely retry an acknowledgement.
/// </summary>
public static class TakedownLifecycle
{
    public static string EventName(TakedownEvent e) => e switch
    {
        TakedownEvent.Sent => "sent",
        TakedownEvent.Acknowledged => "acknowledged",
        TakedownEvent.Removed => "removed",
        TakedownEvent.Refused => "refused",
        TakedownEvent.DeadlinePassed => "deadline-passed",
        TakedownEvent.VerifiedGone => "verified-gone",
        TakedownEvent.Reappeared => "reappeared",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static TakedownTransition Next(string from, TakedownEvent e)
    {
        var (to, allowedFrom) = e switch
        {
            TakedownEvent.Sent => (TakedownState.Sent, new[] { TakedownState.Pending }),
            TakedownEvent.Acknowledged => (TakedownState.Acknowledged, new[] { TakedownState.Pending, TakedownState.Sent, TakedownState.NoResponse }),
            TakedownEvent.Removed => (TakedownState.Removed, new[] { TakedownState.Pending, TakedownState.Sent, TakedownState.Acknowledged, TakedownState.NoResponse }),
            TakedownEvent.Refused => (TakedownState.Refused, new[] { TakedownState.Pending, TakedownState.Sent, TakedownState.Acknowledged, TakedownState.NoResponse }),
            TakedownEvent.DeadlinePassed => (TakedownState.NoResponse, new[] { TakedownState.Sent, TakedownState.Acknowledged }),
            TakedownEvent.VerifiedGone => (TakedownState.VerifiedRemoved,
                new[] { TakedownState.Sent, TakedownState.Acknowledged, TakedownState.Removed, TakedownState.Refused, TakedownState.NoResponse, TakedownState.Reappeared }),
            TakedownEvent.Reappeared => (TakedownState.Reappeared, new[] { TakedownState.VerifiedRemoved, TakedownState.Removed }),
            _ => throw new ArgumentOutOfRangeException(nameof(e)),
        };

        if (from == to)
        {
            return new TakedownTransition(true, false, from, to, $"already {to}");
        }

        return allowedFrom.Contains(from)
            ? new TakedownTransition(true, true, from, to, $"{from} → {to} on {EventName(e)}")
            : TakedownTransition.Refuse(from, $"a request that is {from} cannot become {to} ({EventName(e)} is allowed only from {string.Join(", ", allowedFrom)})");
    }
}
