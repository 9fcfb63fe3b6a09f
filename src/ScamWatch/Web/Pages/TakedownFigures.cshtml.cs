using Microsoft.AspNetCore.Mvc.RazorPages;
using ScamWatch.Storage;

namespace ScamWatch.Web.Pages;

/// <summary>Takedown figures per platform: counts by state, median time to takedown, overdue requests.</summary>
public sealed class TakedownFiguresModel(Database database, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TakedownFigures.PlatformFigures> Platforms { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Platforms = await TakedownFigures.ComputeAsync(database, Now, ct);
    }
}
