using System.Text.Json;
using ScamWatch.Takedown;

namespace ScamWatch.Tests.Takedown;

public sealed class TakedownJsonLinesTests
{
    [Fact]
    public async Task Write_EachLineIsTheRecordWithEveryContractField()
    {
        var text = await TakedownSamples.WriteAsync("jsonl", new TakedownWriteOptions(), TakedownSamples.Request(1), TakedownSamples.Request(2));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        string[] fields = ["request_id", "platform", "url", "platform_post_id", "title", "reason_code", "legal_basis", "captured_at", "evidence_sha256", "score", "model_version", "decided_at"];
        using var doc = JsonDocument.Parse(lines[0]);
        foreach (var f in fields)
        {
            Assert.True(doc.RootElement.TryGetProperty(f, out var v) && v.ValueKind != JsonValueKind.Null, $"missing {f}");
        }

        Assert.Equal(4, doc.RootElement.GetProperty("contact_handles").GetArrayLength());
        // The streamed line and the Record() object the webhook serialises are the same JSON.
        Assert.Equal(JsonSerializer.Serialize(TakedownFormats.Record(TakedownSamples.Request(1)), TakedownFormats.Json), lines[0]);
    }
}
