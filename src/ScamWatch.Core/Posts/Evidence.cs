using System.IO.Compression;
using System.Security.Cryptography;

namespace ScamWatch.Posts;

/// <summary>What was received for a page, kept as proof: raw bytes (gzip-compressed at rest), headers, SHA-256, time.</summary>
public sealed record Evidence(string Url, DateTimeOffset FetchedAt, int StatusCode, string? ContentType, string HeadersJson, byte[] Raw)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Raw));

    public byte[] Compress()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Raw);
        }

        return output.ToArray();
    }

    public static byte[] Decompress(byte[] gzipped)
    {
        using var input = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
