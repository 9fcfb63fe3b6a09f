using System.Security.Claims;
using ScamWatch.Accounts;
using ScamWatch.Takedown;

namespace ScamWatch.Web;

/// <summary>
/// Which platform's takedown requests a caller may see and touch, shared by the operator API, page and downloads:
/// an operator only its own platform's; reviewers and admins read any; nobody else anything.
/// </summary>
public static class OperatorAccess
{
    /// <summary>
    /// The platform a read is scoped to. An operator asking for another platform is refused; reviewers and admins get
    /// the platform they asked for, or every platform (null) when they asked for none.
    /// </summary>
    public static (bool Allowed, string? Platform) ReadScope(ClaimsPrincipal user, string? requested)
    {
        if (user.IsInRole(Roles.Operator))
        {
            var own = user.Platform();
            return own is not null && (requested is null || requested == own) ? (true, own) : (false, null);
        }

        return user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.Admin) ? (true, requested) : (false, null);
    }

    /// <summary>Whether the request is in the scope; a request outside it is answered exactly as one that does not exist.</summary>
    public static bool InScope(TakedownRequest? request, string? scope) => request is not null && (scope is null || request.Platform == scope);

    /// <summary>
    /// An operator seeing a pending request (its client listed it, or its page showed it) is how pull delivery happens:
    /// the request becomes sent and the platform's deadline starts. Reviewers and admins reading deliver nothing.
    /// </summary>
    public static async Task<TakedownRequest> DeliverAsync(ClaimsPrincipal user, TakedownRequest request, string channel, TakedownStore store,
        TakedownOptions options, DateTimeOffset now, CancellationToken ct)
    {
        if (request.State != TakedownState.Pending || !user.IsInRole(Roles.Operator) || user.Platform() != request.Platform)
        {
            return request;
        }

        await store.TransitionAsync(request.Id, TakedownEvent.Sent, channel + ":" + user.Identity!.Name, null, now, options.DeadlineFor(request.Platform), ct: ct)
            .ConfigureAwait(false);
        return await store.GetAsync(request.Id, ct).ConfigureAwait(false) ?? request;
    }

    /// <summary>Past the platform's deadline with no outcome yet.</summary>
    public static bool IsOverdue(TakedownRequest request, DateTimeOffset now) =>
        request.DeadlineAt is not null
        && request.State is TakedownState.Sent or TakedownState.Acknowledged or TakedownState.NoResponse
        && Storage.Iso.Parse(request.DeadlineAt) < now;
}
