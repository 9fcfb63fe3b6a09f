using System.Security.Cryptography;
using System.Text;
using ScamWatch.Takedown;

namespace ScamWatch.Tests.Takedown;

/// <summary>Takedown requests as the store returns them, for the format writers.</summary>
public static class TakedownSamples
{
    public static readonly byte[] Page = Encoding.UTF8.GetBytes("<html><body><h1>캄보디아 고수익 상담직 — 항공권 숙소 제공</h1><p>텔레그램 @recruit_kh</p></body></html>");

    public static string PageSha256 => Convert.ToHexStringLower(SHA256.HashData(Page));

    public static TakedownRequest Request(long id, string url = "https://albaplus.example/jobs/view?no=1001", string title = "캄보디아 고수익 상담직 (항공권·숙소 제공)") => new()
    {
        Id = id,
        PostId = id,
        Platform = "albaplus",
        Url = url,
        SitePostId = (1000 + id).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Title = title,
        ReasonCode = "trafficking",
        State = TakedownState.Pending,
        EvidenceSha256 = PageSha256,
        CapturedAt = "2026-11-20T08:15:00.000Z",
        Score = 0.9731,
        ModelVersion = "lure-20261101-abc123",
        DecidedAt = "2026-11-25T10:00:00.000Z",
        CreatedAt = "2026-11-25T10:00:00.000Z",
        UpdatedAt = "2026-11-25T10:00:00.000Z",
        IdempotencyKey = $"scamwatch-td-test-{id}",
        ContactHandles = ["@recruit_kh", "kakao-open:AbCd123", "kakao:jobkh", "tel:01012345678"],
    };

    public static async IAsyncEnumerable<TakedownRequest> Stream(params TakedownRequest[] requests)
    {
        foreach (var r in requests)
        {
            await Task.Yield();
            yield return r;
        }
    }

    public static async Task<string> WriteAsync(string format, TakedownWriteOptions options, params TakedownRequest[] requests)
    {
        using var buffer = new MemoryStream();
        await TakedownFormats.WriteAsync(buffer, format, Stream(requests), options);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
