using System.IO.Compression;
using System.Xml;

namespace ScamWatch.Extraction;

/// <summary>
/// Reads sitemaps and sitemap indexes (sitemaps.org), plain or gzip-compressed, with DTDs refused (no XXE) and the
/// decompressed size bounded.
/// </summary>
public static class SitemapReader
{
    public sealed record Entry(string Loc, DateTimeOffset? LastModified, bool IsSitemap);

    public static IReadOnlyList<Entry> Read(byte[] bytes, long maxBytes)
    {
        using var input = IsGzip(bytes) ? Limited(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress), maxBytes) : new MemoryStream(bytes);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersInDocument = maxBytes };
        using var reader = XmlReader.Create(input, settings);
        var entries = new List<Entry>();
        string? loc = null;
        DateTimeOffset? lastmod = null;
        var inSitemap = false;
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "sitemap" or "url":
                        inSitemap = reader.LocalName == "sitemap";
                        loc = null;
                        lastmod = null;
                        break;
                    case "loc":
                        loc = reader.ReadElementContentAsString().Trim();
                        continue;
                    case "lastmod":
                        lastmod = DateTimeOffset.TryParse(reader.ReadElementContentAsString().Trim(), System.Globalization.CultureInfo.InvariantCulture,
                            System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d : null;
                        continue;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "sitemap" or "url" && loc is not null)
            {
                entries.Add(new Entry(loc, lastmod, inSitemap));
                loc = null;
            }

            reader.Read();
        }

        return entries;
    }

    private static bool IsGzip(byte[] bytes) => bytes.Length > 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    private static MemoryStream Limited(Stream source, long maxBytes)
    {
        var output = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (output.Length + n > maxBytes)
            {
                throw new InvalidDataException($"sitemap decompresses to more than {maxBytes} bytes");
            }

            output.Write(buffer, 0, n);
        }

        output.Position = 0;
        source.Dispose();
        return output;
    }
}
