using System.Security.Cryptography;
using Dapper;
using ScamWatch.Storage;

namespace ScamWatch.Accounts;

/// <summary>
/// API keys for machine clients: <c>sw_KEYID_SECRET</c>. Only a SHA-256 of the secret is stored (the secret is random,
/// 256 bits, so a slow hash adds nothing); the key acts with its account's role and platform.
/// </summary>
public sealed class ApiKeys(Database database, UserStore users, TimeProvider clock)
{
    public async Task<string> CreateAsync(string username, string? label, CancellationToken ct = default)
    {
        if (await users.FindAsync(username, ct).ConfigureAwait(false) is null)
        {
            throw new ArgumentException($"no account named \"{username}\"; create it first with `scamwatch users add`", nameof(username));
        }

        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "INSERT INTO api_keys (key_id, secret_hash, username, label, created_at) VALUES (@keyId, @hash, @username, @label, @now)",
            new { keyId, hash = Hash(secret), username, label, now = Iso.ToText(clock.GetUtcNow()) }).ConfigureAwait(false);
        return $"sw_{keyId}_{secret}";
    }

    /// <summary>The account a presented key acts for, or null for an unknown, revoked or malformed key.</summary>
    public async Task<UserAccount?> VerifyAsync(string presented, CancellationToken ct = default)
    {
        var parts = presented.Split('_', 3);
        if (parts.Length != 3 || parts[0] != "sw" || parts[1].Length != 12)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string SecretHash, string Username)>(
            "SELECT secret_hash, username FROM api_keys WHERE key_id = @keyId AND revoked_at IS NULL", new { keyId = parts[1] }).ConfigureAwait(false);
        if (row.SecretHash is null
            || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(row.SecretHash), Convert.FromHexString(Hash(parts[2]))))
        {
            return null;
        }

        return await users.FindAsync(row.Username, ct).ConfigureAwait(false);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}
