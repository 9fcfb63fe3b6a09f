using System.IO.Compression;
using System.Text;
using ScamWatch.Extraction;

namespace ScamWatch.Tests.Extraction;

public sealed class SitemapReaderTests
{
    [Fact]
    public void Read_Index_ReturnsSitemapsWithLastmod()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://a.test/s1.xml</loc><lastmod>2026-11-01</lastmod></sitemap>
              <sitemap><loc>https://a.test/s2.xml</loc></sitemap>
            </sitemapindex>
            """;
        var entries = SitemapReader.Read(Encoding.UTF8.GetBytes(xml), 1 << 20);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.True(e.IsSitemap));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), entries[0].LastModified);
    }

    [Fact]
    public void Read_GzippedUrlset_ReturnsUrls()
    {
        var xml = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://a.test/jobs/1</loc></url><url><loc>https://a.test/jobs/2</loc></url></urlset>";
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes(xml));
        }

        var entries = SitemapReader.Read(ms.ToArray(), 1 << 20);
        Assert.Equal(["https://a.test/jobs/1", "https://a.test/jobs/2"], entries.Select(e => e.Loc));
        Assert.All(entries, e => Assert.False(e.IsSitemap));
    }

    [Fact]
    public void Read_Dtd_IsRefused()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><urlset><url><loc>&e;</loc></url></urlset>";
        Assert.Throws<System.Xml.XmlException>(() => SitemapReader.Read(Encoding.UTF8.GetBytes(xml), 1 << 20));
    }

    [Fact]
    public void Read_GzipBomb_IsStoppedAtTheLimit()
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++)
            {
                gz.Write(zeros);
            }
        }

        Assert.Throws<InvalidDataException>(() => SitemapReader.Read(ms.ToArray(), 1 << 20));
    }
}
