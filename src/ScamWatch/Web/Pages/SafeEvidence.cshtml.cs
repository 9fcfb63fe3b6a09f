using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScamWatch.Posts;

namespace ScamWatch.Web.Pages;

/// <summary>The captured page sanitised: its layout without anything that runs, loads or submits.</summary>
public sealed class SafeEvidenceModel(PostStore posts) : PageModel
{
    public long VersionId { get; private set; }
    public string PageUrl { get; private set; } = "";
    public string FetchedAt { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public string SafeHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long versionId, CancellationToken ct)
    {
        var found = await posts.GetEvidenceAsync(versionId, ct);
        if (found is not { } e)
        {
            return NotFound();
        }

        VersionId = versionId;
        PageUrl = e.Evidence.Url;
        FetchedAt = e.Evidence.FetchedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture);
        Sha256 = e.Sha256;
        SafeHtml = CapturedPageSanitizer.Sanitize(e.Evidence.Raw, e.Evidence.ContentType);
        return Page();
    }
}
