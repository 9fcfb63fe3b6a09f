using System.Security.Cryptography;
using System.Text;
using Dapper;
using ScamWatch.Storage;

namespace ScamWatch.Web;

/// <summary>
/// Answers given to operator clients under an <c>Idempotency-Key</c> header, kept per user: the same key with the same
/// request gets the same answer again (even when the first one changed state and a repeat would not), the same key
/// with a different request is refused.
/// </summary>
public sealed class OperatorReplies(Database database)
{
    /// <summary>A stored answer: the hash of the request it answered, its status code and JSON body.</summary>
    public sealed class Reply
    {
        public string RequestHash { get; init; } = "";
        public int StatusCode { get; init; }
        public string Body { get; init; } = "";
    }

    public static string Hash(string method, string path, ReadOnlySpan<byte> body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(method + " " + path + "\n"));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public async Task<Reply?> FindAsync(string username, string key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<Reply>(
            "SELECT request_hash, status_code, body FROM operator_replies WHERE username = @username AND idempotency_key = @key",
            new { username, key }).ConfigureAwait(false);
    }

    /// <summary>Keeps the answer unless a concurrent request with the same key got there first; returns the answer that stands.</summary>
    public async Task<Reply> KeepAsync(string username, string key, Reply reply, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            INSERT INTO operator_replies (username, idempotency_key, request_hash, status_code, body, created_at)
            VALUES (@username, @key, @RequestHash, @StatusCode, @Body, @at) ON CONFLICT (username, idempotency_key) DO NOTHING
            """, new { username, key, reply.RequestHash, reply.StatusCode, reply.Body, at = Iso.ToText(at) }).ConfigureAwait(false);
        return await connection.QuerySingleAsync<Reply>(
            "SELECT request_hash, status_code, body FROM operator_replies WHERE username = @username AND idempotency_key = @key",
            new { username, key }).ConfigureAwait(false);
    }
}
