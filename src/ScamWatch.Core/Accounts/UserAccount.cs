namespace ScamWatch.Accounts;

/// <summary>A local account. Operators are bound to one platform.</summary>
public sealed class UserAccount
{
    public long Id { get; init; }
    public string Username { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public string Role { get; init; } = "";
    public string? Platform { get; init; }
}
