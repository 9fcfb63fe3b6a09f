using System.Text.Json;
using System.Text.RegularExpressions;
using ScamWatch.Takedown;

namespace ScamWatch.Tests.Takedown;

public sealed partial class TakedownStixWriterTests
{
    private const string HostileUrl = "https://albaplus.example/view?no=1&q=' OR url:value = 'x\\' AND \"y\"";

    private static async Task<JsonDocument> BundleAsync(params TakedownRequest[] requests) =>
        JsonDocument.Parse(await TakedownSamples.WriteAsync("stix", new TakedownWriteOptions(), requests));

    private static List<JsonElement> Objects(JsonDocument doc) => [.. doc.RootElement.GetProperty("objects").EnumerateArray()];

    [Fact]
    public async Task Write_Bundle_HasStixIdsSpecVersionAndResolvableReferences()
    {
        using var doc = await BundleAsync(TakedownSamples.Request(1), TakedownSamples.Request(2));
        Assert.Equal("bundle", doc.RootElement.GetProperty("type").GetString());
        Assert.Matches(IdRegex(), doc.RootElement.GetProperty("id").GetString()!);
        Assert.StartsWith("bundle--", doc.RootElement.GetProperty("id").GetString(), StringComparison.Ordinal);
        var objects = Objects(doc);
        var ids = objects.Select(o => o.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count()); // the shared handles are written once
        foreach (var o in objects)
        {
            Assert.Equal("2.1", o.GetProperty("spec_version").GetString());
            var id = o.GetProperty("id").GetString()!;
            Assert.Matches(IdRegex(), id);
            Assert.StartsWith(o.GetProperty("type").GetString() + "--", id, StringComparison.Ordinal);
            foreach (var reference in new[] { "created_by_ref", "source_ref", "target_ref" })
            {
                if (o.TryGetProperty(reference, out var r))
                {
                    Assert.Contains(r.GetString(), ids);
                }
            }
        }

        Assert.Equal(2, objects.Count(o => o.GetProperty("type").GetString() == "indicator"));
        Assert.Single(objects, o => o.GetProperty("type").GetString() == "identity");
        Assert.Equal(2, objects.Count(o => o.GetProperty("type").GetString() == "relationship" && o.GetProperty("relationship_type").GetString() == "indicates"));
        Assert.Equal(8, objects.Count(o => o.GetProperty("type").GetString() == "relationship" && o.GetProperty("relationship_type").GetString() == "related-to"));
    }

    [Fact]
    public async Task Write_Indicator_CarriesPatternConfidenceAndTheRecord()
    {
        using var doc = await BundleAsync(TakedownSamples.Request(9));
        var indicator = Objects(doc).Single(o => o.GetProperty("type").GetString() == "indicator");
        Assert.Equal("[url:value = 'https://albaplus.example/jobs/view?no=1001']", indicator.GetProperty("pattern").GetString());
        Assert.Equal("stix", indicator.GetProperty("pattern_type").GetString());
        Assert.Equal("2026-11-25T10:00:00.000Z", indicator.GetProperty("valid_from").GetString());
        Assert.Equal(97, indicator.GetProperty("confidence").GetInt32());
        Assert.Contains("malicious-activity", indicator.GetProperty("indicator_types").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("캄보디아 고수익 상담직", indicator.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("trafficking", indicator.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(9, indicator.GetProperty("x_scamwatch_request_id").GetInt64());
        Assert.Equal("albaplus", indicator.GetProperty("x_scamwatch_platform").GetString());
        Assert.Equal("1009", indicator.GetProperty("x_scamwatch_platform_post_id").GetString());
        Assert.Equal(LegalBasis.For("trafficking"), indicator.GetProperty("x_scamwatch_legal_basis").GetString());
        Assert.Equal("2026-11-20T08:15:00.000Z", indicator.GetProperty("x_scamwatch_captured_at").GetString());
        Assert.Equal(TakedownSamples.PageSha256, indicator.GetProperty("x_scamwatch_evidence_sha256").GetString());
        Assert.Equal("lure-20261101-abc123", indicator.GetProperty("x_scamwatch_model_version").GetString());
        Assert.Equal("2026-11-25T10:00:00.000Z", indicator.GetProperty("x_scamwatch_decided_at").GetString());
    }

    [Fact]
    public async Task Write_HostileUrl_QuotesAndBackslashesEscapedInThePattern()
    {
        using var doc = await BundleAsync(TakedownSamples.Request(3, HostileUrl));
        var pattern = Objects(doc).Single(o => o.GetProperty("type").GetString() == "indicator").GetProperty("pattern").GetString()!;
        Assert.Equal(@"[url:value = 'https://albaplus.example/view?no=1&q=\' OR url:value = \'x\\\' AND ""y""']", pattern);
        // Reading the literal back (STIX patterning: \' and \\ are the only escapes) gives the URL unchanged.
        var literal = pattern["[url:value = '".Length..^2];
        Assert.Equal(HostileUrl, Regex.Replace(literal, @"\\(['\\])", "$1"));
        Assert.DoesNotMatch(@"(?<!\\)'(?!\])", literal.Replace(@"\\", "", StringComparison.Ordinal)); // no unescaped quote ends it early
    }

    [Fact]
    public async Task Write_Twice_SameObjectIdsNewBundleId()
    {
        using var a = await BundleAsync(TakedownSamples.Request(1), TakedownSamples.Request(2));
        using var b = await BundleAsync(TakedownSamples.Request(1), TakedownSamples.Request(2));
        Assert.Equal(Objects(a).Select(o => o.GetProperty("id").GetString()), Objects(b).Select(o => o.GetProperty("id").GetString()));
        Assert.NotEqual(a.RootElement.GetProperty("id").GetString(), b.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Write_Handles_BecomeObservablesWithSpecIds()
    {
        using var doc = await BundleAsync(TakedownSamples.Request(1));
        var objects = Objects(doc);
        // Expected ids computed independently (Python uuid.uuid5 over the RFC 8785 JSON of the id-contributing properties).
        var telegram = objects.Single(o => o.GetProperty("id").GetString() == "user-account--4d27e18b-0260-5e93-bcc9-bf1856660c98");
        Assert.Equal("telegram", telegram.GetProperty("account_type").GetString());
        Assert.Equal("recruit_kh", telegram.GetProperty("account_login").GetString());
        var openChat = objects.Single(o => o.GetProperty("id").GetString() == "url--7bee0c4a-819e-5bbc-bf5d-6b1a71f3ed38");
        Assert.Equal("https://open.kakao.com/o/AbCd123", openChat.GetProperty("value").GetString());
        var phone = objects.Single(o => o.GetProperty("type").GetString() == "user-account" && o.GetProperty("account_type").GetString() == "phone");
        Assert.Equal("+821012345678", phone.GetProperty("account_login").GetString());
        Assert.Contains(objects, o => o.GetProperty("type").GetString() == "user-account" && o.GetProperty("account_type").GetString() == "kakaotalk");
    }

    [Theory]
    [InlineData("@recruit_kh", "user-account", "telegram")]
    [InlineData("kakao:jobkh", "user-account", "kakaotalk")]
    [InlineData("line:thai_job", "user-account", "line")]
    [InlineData("tel:01012345678", "user-account", "phone")]
    [InlineData("kakao-open:AbCd123", "url", null)]
    [InlineData("boss@compound.example", "email-addr", null)]
    public void From_Handle_PicksTheStixObject(string handle, string type, string? accountType)
    {
        var o = StixObservable.From(handle);
        Assert.Equal(type, o.Type);
        Assert.Equal(accountType, o.Properties.FirstOrDefault(p => p.Key == "account_type").Value);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex IdRegex();
}
