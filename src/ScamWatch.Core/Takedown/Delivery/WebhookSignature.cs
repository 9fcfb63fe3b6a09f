using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ScamWatch.Takedown.Delivery;

/// <summary>
/// The webhook's headers and signature: <c>X-ScamWatch-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))</c>
/// over the exact body bytes, with the unix-seconds timestamp in <c>X-ScamWatch-Timestamp</c>. A receiver checks the
/// signature in constant time and refuses timestamps far from its clock, so a captured call cannot be replayed later;
/// a replay inside the window carries an idempotency key it has already seen.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-ScamWatch-Timestamp";
    public const string SignatureHeader = "X-ScamWatch-Signature";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string RequestIdHeader = "X-ScamWatch-Request-Id";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + "."));
        hmac.AppendData(body);
        return "sha256=" + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>What a receiver does; null when the call is genuine and fresh, else why not.</summary>
    public static string? Check(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return $"missing or malformed {TimestampHeader}";
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return $"{TimestampHeader} is more than {tolerance.TotalSeconds:0} s from now";
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        var given = Encoding.ASCII.GetBytes(signature ?? "");
        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : $"{SignatureHeader} does not match the body";
    }
}
