using Microsoft.AspNetCore.Mvc.RazorPages;
using ScamWatch.Takedown;

namespace ScamWatch.Web.Pages;

public sealed class TakedownsModel(TakedownStore store) : PageModel
{
    public IReadOnlyList<(string Platform, long Count)> Platforms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Platforms = await store.PlatformsAsync(ct);
}
