using Dapper;
using ScamWatch.Storage;

namespace ScamWatch.Review;

/// <summary>Reads every reviewer decision with the text of the post version it was made on.</summary>
public sealed class ReviewedDecisions(Database database)
{
    public async Task<IReadOnlyList<ReviewedDecision>> ReadAllAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ReviewedDecision>(new CommandDefinition(
            """
            SELECT d.id AS decision_id, d.post_id, d.post_version_id, v.version_no, d.reviewer, d.decision, d.decided_at,
                   p.site, p.site_post_id, p.url, v.title, v.body, v.company, v.location, v.salary, v.employment_type,
                   v.contact, v.posted_at
            FROM decisions d JOIN posts p ON p.id = d.post_id JOIN post_versions v ON v.id = d.post_version_id
            ORDER BY d.post_id, d.id
            """, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows];
    }
}
