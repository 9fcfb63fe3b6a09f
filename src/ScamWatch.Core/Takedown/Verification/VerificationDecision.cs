using System.Globalization;
using ScamWatch.Storage;

namespace ScamWatch.Takedown.Verification;

/// <summary>
/// Gone, still up or overdue, as one pure function over the request, what the recheck saw and the time: no I/O, every
/// answer with its reason. The verifier applies the event it returns and nothing else.
/// </summary>
public static class VerificationDecision
{
    public static VerificationOutcome Decide(TakedownRequest request, PageCheck page, DateTimeOffset now)
    {
        if (!TakedownState.AwaitingRemoval.Contains(request.State))
        {
            return new VerificationOutcome(VerificationVerdict.NotDue, null, $"request is {request.State}, not awaiting removal");
        }

        switch (page.State)
        {
            case PageState.Unknown:
                return new VerificationOutcome(VerificationVerdict.Error, null, $"{page.Url}: {page.Detail}");
            case PageState.Gone:
                var (took, since) = TimeToTakedown(request, now);
                return new VerificationOutcome(VerificationVerdict.Gone, TakedownEvent.VerifiedGone,
                    $"gone ({page.Detail}) {Describe(took)} after it was {since}")
                { TimeToTakedown = took };
        }

        var deadline = Iso.ParseOrNull(request.DeadlineAt);
        if (request.State == TakedownState.Refused)
        {
            return new VerificationOutcome(VerificationVerdict.StillUp, null, $"still up ({page.Detail}); the platform refused removal");
        }

        if (deadline is null)
        {
            return new VerificationOutcome(VerificationVerdict.StillUp, null, $"still up ({page.Detail}); no deadline set");
        }

        if (now < deadline.Value)
        {
            return new VerificationOutcome(VerificationVerdict.StillUp, null,
                $"still up ({page.Detail}); deadline {request.DeadlineAt} is {Describe(deadline.Value - now)} away");
        }

        var late = now - deadline.Value;
        var claim = request.State == TakedownState.Removed ? " although the platform reported it removed" : "";
        return new VerificationOutcome(VerificationVerdict.Overdue,
            request.State is TakedownState.Sent or TakedownState.Acknowledged ? TakedownEvent.DeadlinePassed : null,
            $"still up ({page.Detail}) {Describe(late)} past the deadline {request.DeadlineAt}{claim}")
        { Overdue = late };
    }

    /// <summary>
    /// Time to takedown: from sending to the verified removal, or from the decision when the request was never sent
    /// (an operator who acted on a pulled list before we marked it sent).
    /// </summary>
    public static (TimeSpan Took, string Since) TimeToTakedown(TakedownRequest request, DateTimeOffset verifiedAt) =>
        request.SentAt is { Length: > 0 } sent
            ? (verifiedAt - Iso.Parse(sent), "sent")
            : (verifiedAt - Iso.Parse(request.DecidedAt), "decided (never sent)");

    /// <summary>A duration for people: <c>2d 3h 5m</c>, <c>45m</c>, <c>12s</c>.</summary>
    public static string Describe(TimeSpan t)
    {
        if (t < TimeSpan.Zero)
        {
            return "-" + Describe(-t);
        }

        var parts = new List<string>();
        if (t.Days > 0)
        {
            parts.Add(t.Days.ToString(CultureInfo.InvariantCulture) + "d");
        }

        if (t.Hours > 0)
        {
            parts.Add(t.Hours.ToString(CultureInfo.InvariantCulture) + "h");
        }

        if (t.Minutes > 0)
        {
            parts.Add(t.Minutes.ToString(CultureInfo.InvariantCulture) + "m");
        }

        return parts.Count > 0 ? string.Join(' ', parts) : ((int)t.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
    }
}
