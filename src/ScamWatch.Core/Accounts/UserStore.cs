using Dapper;
using ScamWatch.Storage;

namespace ScamWatch.Accounts;

/// <summary>Local accounts with hashed passwords.</summary>
public sealed class UserStore(Database database, TimeProvider clock)
{
    /// <summary>Creates the account, or resets its password and role when it exists.</summary>
    public async Task UpsertAsync(string username, string password, string role, string? platform, CancellationToken ct = default)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"unknown role \"{role}\"; use one of {string.Join(", ", Roles.All)}", nameof(role));
        }

        if (role == Roles.Operator && string.IsNullOrWhiteSpace(platform))
        {
            throw new ArgumentException("an operator account must be bound to a platform", nameof(platform));
        }

        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            INSERT INTO users (username, password_hash, role, platform, created_at) VALUES (@username, @hash, @role, @platform, @now)
            ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, platform = excluded.platform
            """,
            new { username, hash = PasswordHashing.Hash(password), role, platform, now = Iso.ToText(clock.GetUtcNow()) }).ConfigureAwait(false);
    }

    public async Task<UserAccount?> FindAsync(string username, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(
            "SELECT id, username, password_hash, role, platform FROM users WHERE username = @username", new { username }).ConfigureAwait(false);
    }

    public async Task<UserAccount?> VerifyAsync(string username, string password, CancellationToken ct = default)
    {
        var user = await FindAsync(username, ct).ConfigureAwait(false);
        return user is not null && PasswordHashing.Verify(password, user.PasswordHash) ? user : null;
    }
}
