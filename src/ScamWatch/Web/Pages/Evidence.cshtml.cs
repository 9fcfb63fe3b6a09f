using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScamWatch.Extraction;
using ScamWatch.Posts;

namespace ScamWatch.Web.Pages;

/// <summary>The captured page as text only: nothing from the hostile page can run or load in the reviewer's browser.</summary>
public sealed class EvidenceModel(PostStore posts) : PageModel
{
    public string PageUrl { get; private set; } = "";
    public string FetchedAt { get; private set; } = "";
    public int Status { get; private set; }
    public string Sha256 { get; private set; } = "";
    public int Bytes { get; private set; }
    public string Text { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long versionId, CancellationToken ct)
    {
        var found = await posts.GetEvidenceAsync(versionId, ct);
        if (found is not { } e)
        {
            return NotFound();
        }

        PageUrl = e.Evidence.Url;
        FetchedAt = e.Evidence.FetchedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture);
        Status = e.Evidence.StatusCode;
        Sha256 = e.Sha256;
        Bytes = e.Evidence.Raw.Length;
        var decoded = CharsetDecoder.Decode(e.Evidence.Raw, e.Evidence.ContentType);
        using var doc = HtmlExtractor.Parse(decoded.Text ?? "");
        Text = HtmlText.Of(doc.Body);
        return Page();
    }
}
