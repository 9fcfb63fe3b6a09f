namespace ScamWatch.Accounts;

/// <summary>Who may do what: reviewers decide, analysts train and promote, operators see their platform's requests, admins all.</summary>
public static class Roles
{
    public const string Reviewer = "reviewer";
    public const string Analyst = "analyst";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Reviewer, Analyst, Operator, Admin];
}
