using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ScamWatch.Takedown;

/// <summary>
/// Streams takedown requests as CSV: UTF-8 with BOM (spreadsheet programs then read Hangul correctly), Korean or
/// English headers, one row per request, constant memory.
/// </summary>
public static class TakedownCsvWriter
{
    public static readonly string[] EnglishHeaders =
        ["request_id", "platform", "url", "platform_post_id", "title", "reason_code", "legal_basis", "state", "captured_at", "evidence_sha256", "score", "model_version", "decided_at"];

    public static readonly string[] KoreanHeaders =
        ["요청번호", "플랫폼", "URL", "게시물번호", "제목", "사유코드", "법적근거", "상태", "수집일시", "증거SHA256", "점수", "모델버전", "판정일시"];

    public static async Task<int> WriteAsync(Stream output, IAsyncEnumerable<TakedownRequest> requests, bool korean, CancellationToken ct = default)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n", InjectionOptions = InjectionOptions.Escape };
            await using var csv = new CsvWriter(writer, config);
            foreach (var h in korean ? KoreanHeaders : EnglishHeaders)
            {
                csv.WriteField(h);
            }

            await csv.NextRecordAsync().ConfigureAwait(false);
            var n = 0;
            await foreach (var r in requests.WithCancellation(ct).ConfigureAwait(false))
            {
                csv.WriteField(r.Id);
                csv.WriteField(r.Platform);
                csv.WriteField(r.Url);
                csv.WriteField(r.SitePostId);
                csv.WriteField(r.Title ?? "");
                csv.WriteField(r.ReasonCode);
                csv.WriteField(LegalBasis.For(r.ReasonCode));
                csv.WriteField(r.State);
                csv.WriteField(r.CapturedAt);
                csv.WriteField(r.EvidenceSha256 ?? "");
                csv.WriteField(r.Score.ToString("0.####", CultureInfo.InvariantCulture));
                csv.WriteField(r.ModelVersion);
                csv.WriteField(r.DecidedAt);
                await csv.NextRecordAsync().ConfigureAwait(false);
                n++;
            }

            await csv.FlushAsync().ConfigureAwait(false);
            return n;
        }
    }
}
