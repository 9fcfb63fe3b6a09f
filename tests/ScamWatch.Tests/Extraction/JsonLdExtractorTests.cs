using ScamWatch.Extraction;

namespace ScamWatch.Tests.Extraction;

public sealed class JsonLdExtractorTests
{
    private static ExtractedPost? Read(string head) =>
        JsonLdExtractor.Read(HtmlExtractor.Parse($"<html><head>{head}</head><body><p>visible</p></body></html>"), new Uri("https://jobs.test/jobs/7"), "7");

    [Fact]
    public void Read_GraphWithOrganization_FindsJobPostingAndItsFields()
    {
        var post = Read("""
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"Organization","name":"다른회사"},
              {"@type":"JobPosting","title":"해외 CS 상담원","description":"<p>업무 안내</p><ul><li>채팅 상담</li><li>항공권 제공</li></ul>문의: hr@abc.test",
               "hiringOrganization":{"@type":"Organization","name":"에이비씨(주)"},
               "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"프놈펜","addressCountry":"KH"}},
               "baseSalary":{"@type":"MonetaryAmount","currency":"KRW","value":{"@type":"QuantitativeValue","minValue":8000000,"maxValue":12000000,"unitText":"MONTH"}},
               "datePosted":"2026-11-02","employmentType":["FULL_TIME","CONTRACTOR"]}]}
            </script>
            """);
        Assert.NotNull(post);
        Assert.Equal("해외 CS 상담원", post.Title);
        Assert.Equal("업무 안내\n\n채팅 상담\n항공권 제공\n문의: hr@abc.test", post.Body);
        Assert.Equal("에이비씨(주)", post.Company);
        Assert.Equal("프놈펜, KH", post.Location);
        Assert.Equal("KRW 8,000,000~12,000,000 / MONTH", post.Salary);
        Assert.Equal("hr@abc.test", post.Contact);
        Assert.Equal("2026-11-02", post.PostedAt);
        Assert.Equal("FULL_TIME, CONTRACTOR", post.EmploymentType);
    }

    [Fact]
    public void Read_SecondScriptAndArray_FindsJobPostingAfterBrokenScript()
    {
        var post = Read("""
            <script type="application/ld+json">{ broken json </script>
            <script type="application/ld+json">{"@type":"BreadcrumbList","itemListElement":[]}</script>
            <script type="application/ld+json">[{"@type":"WebPage"},{"@type":["Thing","JobPosting"],"title":"주방 보조","description":"설거지"}]</script>
            """);
        Assert.Equal("주방 보조", post!.Title);
        Assert.Equal("설거지", post.Body);
    }

    [Fact]
    public void Read_NoJobPosting_ReturnsNull()
    {
        Assert.Null(Read("""<script type="application/ld+json">{"@type":"Organization","name":"x"}</script>"""));
    }

    [Fact]
    public void Read_DeeplyNestedHostileJson_DoesNotThrow()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        Assert.Null(Read($"""<script type="application/ld+json">{deep}</script>"""));
    }
}
