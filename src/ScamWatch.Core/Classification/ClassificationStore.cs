using System.Data.Common;
using System.Text.Json;
using Dapper;
using ScamWatch.Storage;

namespace ScamWatch.Classification;

/// <summary>Verdicts per post version and model version (a version is scored once per model).</summary>
public sealed class ClassificationStore(Database database)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<long> SaveAsync(long versionId, Verdict verdict, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await SaveAsync(connection, null, versionId, verdict, at).ConfigureAwait(false);
    }

    /// <summary>Saves within the caller's transaction (the queue rescorer writes a batch at once).</summary>
    public static async Task<long> SaveAsync(DbConnection connection, DbTransaction? tx, long versionId, Verdict verdict, DateTimeOffset at)
    {
        var id = await connection.ExecuteScalarAsync<long?>(
            """
            INSERT INTO classifications (post_version_id, model_version, score, threshold, flagged, reasons, classified_at)
            VALUES (@versionId, @model, @score, @threshold, @flagged, @reasons, @at)
            ON CONFLICT (post_version_id, model_version) DO NOTHING
            RETURNING id
            """,
            new
            {
                versionId,
                model = verdict.Model,
                score = verdict.Score,
                threshold = verdict.Threshold,
                flagged = verdict.Flagged ? 1 : 0,
                reasons = SerializeReasons(verdict.Reasons),
                at = Iso.ToText(at),
            }, tx).ConfigureAwait(false);
        return id ?? await connection.ExecuteScalarAsync<long>(
            "SELECT id FROM classifications WHERE post_version_id = @versionId AND model_version = @model",
            new { versionId, model = verdict.Model }, tx).ConfigureAwait(false);
    }

    /// <summary>The reasons as stored in <c>classifications.reasons</c> (Hangul kept as is).</summary>
    public static string SerializeReasons(IReadOnlyList<Reason> reasons) => JsonSerializer.Serialize(reasons, Json);

    public static IReadOnlyList<Reason> ParseReasons(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<Reason>>(json, Json) ?? [];
}
