using System.Security.Cryptography;
using System.Text.Json;
using Json.Schema;
using ScamWatch.Takedown;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Takedown;

public sealed class TakedownXarfWriterTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Repo.Root, "tests", "ScamWatch.Tests", "Takedown", "xarf-v4-content-fraud.schema.json")));

    private static readonly TakedownWriteOptions WithPages = new()
    {
        Reporter = new TakedownReporter("ScamWatch Korea", "abuse@scamwatch.example", "scamwatch.example"),
        CapturedPage = (r, _) => Task.FromResult<CapturedPage?>(new CapturedPage(TakedownSamples.Page, "text/html; charset=utf-8")),
    };

    private static void AssertValid(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var result = Schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))));
    }

    [Fact]
    public async Task Write_EveryReport_ValidatesAgainstTheXarfV4Schema()
    {
        var text = await TakedownSamples.WriteAsync("xarf", WithPages,
            TakedownSamples.Request(1), TakedownSamples.Request(2, "https://jobs.example/view?no=7&q=\"x\" y", "English title"), TakedownSamples.Request(3));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        foreach (var line in lines)
        {
            AssertValid(line);
        }
    }

    [Fact]
    public async Task Write_Report_CarriesTheFraudFieldsEvidenceAndOurRecord()
    {
        var line = (await TakedownSamples.WriteAsync("xarf", WithPages, TakedownSamples.Request(42))).TrimEnd('\n');
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        Assert.Equal("4.0.0", root.GetProperty("xarf_version").GetString());
        Assert.Equal("content", root.GetProperty("category").GetString());
        Assert.Equal("fraud", root.GetProperty("type").GetString());
        Assert.Equal("employment", root.GetProperty("fraud_type").GetString());
        Assert.Equal("https://albaplus.example/jobs/view?no=1001", root.GetProperty("url").GetString());
        Assert.Equal(0.9731, root.GetProperty("confidence").GetDouble());
        Assert.Equal("ScamWatch Korea", root.GetProperty("reporter").GetProperty("org").GetString());

        var evidence = Assert.Single(root.GetProperty("evidence").EnumerateArray().ToList());
        var payload = evidence.GetProperty("payload").GetBytesFromBase64();
        Assert.Equal(TakedownSamples.Page, payload);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(payload)), evidence.GetProperty("hash").GetString());

        var ours = root.GetProperty("scamwatch");
        Assert.Equal(42, ours.GetProperty("request_id").GetInt64());
        Assert.Equal("albaplus", ours.GetProperty("platform").GetString());
        Assert.Equal("1042", ours.GetProperty("platform_post_id").GetString());
        Assert.Equal("캄보디아 고수익 상담직 (항공권·숙소 제공)", ours.GetProperty("title").GetString());
        Assert.Equal("trafficking", ours.GetProperty("reason_code").GetString());
        Assert.Equal(LegalBasis.For("trafficking"), ours.GetProperty("legal_basis").GetString());
        Assert.Equal("2026-11-20T08:15:00.000Z", ours.GetProperty("captured_at").GetString());
        Assert.Equal(TakedownSamples.PageSha256, ours.GetProperty("evidence_sha256").GetString());
        Assert.Equal("lure-20261101-abc123", ours.GetProperty("model_version").GetString());
        Assert.Equal("2026-11-25T10:00:00.000Z", ours.GetProperty("decided_at").GetString());
        Assert.Contains("캄보디아", line, StringComparison.Ordinal); // Hangul written as text, not \u escapes
    }

    [Fact]
    public async Task Write_KoreanDomain_WrittenAsALabelsAsXarfRequires()
    {
        // JsonSchema.Net's "hostname" check refuses every xn-- label, so this case is asserted directly rather than
        // through the schema: content-base.json asks for IDNs "in A-label (Punycode, xn--) form".
        var line = await TakedownSamples.WriteAsync("xarf", WithPages, TakedownSamples.Request(2, "https://잡보드.example/view?no=7&q=\"x\""));
        using var doc = JsonDocument.Parse(line);
        Assert.Equal("xn--hy1bm7mi8i.example", doc.RootElement.GetProperty("domain").GetString());
        Assert.Equal("https://xn--hy1bm7mi8i.example/view?no=7&q=%22x%22", doc.RootElement.GetProperty("url").GetString());
        Assert.Equal("https://잡보드.example/view?no=7&q=\"x\"", doc.RootElement.GetProperty("scamwatch").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Write_Twice_GivesTheSameReportId()
    {
        var a = await TakedownSamples.WriteAsync("xarf", WithPages, TakedownSamples.Request(5));
        var b = await TakedownSamples.WriteAsync("xarf", WithPages, TakedownSamples.Request(5));
        Assert.Equal(a, b);
        using var doc = JsonDocument.Parse(a);
        Assert.True(Guid.TryParse(doc.RootElement.GetProperty("report_id").GetString(), out var id));
        Assert.Equal(5, id.Version);
    }

    [Fact]
    public async Task Write_WithoutCapturedPages_StillValidAndKeepsTheHash()
    {
        var line = (await TakedownSamples.WriteAsync("xarf", new TakedownWriteOptions(), TakedownSamples.Request(7))).TrimEnd('\n');
        AssertValid(line);
        using var doc = JsonDocument.Parse(line);
        Assert.False(doc.RootElement.TryGetProperty("evidence", out _));
        Assert.Equal(TakedownSamples.PageSha256, doc.RootElement.GetProperty("scamwatch").GetProperty("evidence_sha256").GetString());
    }

    [Fact]
    public void Schema_RejectsAReportMissingFraudTypeOrWithABadHash()
    {
        var bad = """{"xarf_version":"4.0.0","report_id":"550e8400-e29b-41d4-a716-446655440000","timestamp":"2026-01-01T00:00:00Z","reporter":{"org":"a","contact":"a@b.example","domain":"b.example"},"sender":{"org":"a","contact":"a@b.example","domain":"b.example"},"source_identifier":"x","category":"content","type":"fraud","url":"https://x.example/","evidence":[{"content_type":"text/html","payload":"eA==","hash":"sha256:zz"}]}""";
        using var doc = JsonDocument.Parse(bad);
        Assert.False(Schema.Evaluate(doc.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid);
    }
}
