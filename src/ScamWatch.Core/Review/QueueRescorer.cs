using Dapper;
using Microsoft.Extensions.Logging;
using ScamWatch.Classification;
using ScamWatch.Storage;
using ScamWatch.Takedown.Verification;

namespace ScamWatch.Review;

/// <summary>
/// Rescores the undecided queue (open, escalated, second-review) with one model, in batches of one transaction each.
/// Which items are left is read from the items themselves (their <c>model_version</c>), so a pass that was cancelled or
/// whose process stopped resumes where it left off. Items are never removed: see <see cref="RescoreEffect"/>.
/// </summary>
public sealed class QueueRescorer(Database database, TimeProvider clock, ILogger<QueueRescorer> logger)
{
    /// <summary>Undecided items not yet scored by <paramref name="model"/>.</summary>
    public async Task<long> PendingAsync(string model, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM review_items WHERE status IN {Undecided} AND model_version <> @model", new { model }).ConfigureAwait(false);
    }

    /// <summary>Rescores every undecided item not yet scored by the model. <paramref name="afterBatch"/> sees the totals after each committed batch.</summary>
    public async Task<RescoreRun> RescoreAsync(LureModel model, int batchSize, Action<RescoreRun>? afterBatch = null, CancellationToken ct = default)
    {
        int rescored = 0, below = 0, skipped = 0, batches = 0;
        long afterId = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
            var rows = (await connection.QueryAsync<Row>(
                $"""
                SELECT r.id, r.post_version_id, r.classification_id, r.score, r.threshold, r.model_version, c.reasons,
                       v.title, v.body, v.company, v.location, v.salary, v.employment_type, v.contact
                FROM review_items r
                JOIN post_versions v ON v.id = r.post_version_id
                JOIN classifications c ON c.id = r.classification_id
                WHERE r.status IN {Undecided} AND r.model_version <> @model AND r.id > @afterId
                ORDER BY r.id LIMIT @batchSize
                """, new { model = model.Version, afterId, batchSize }).ConfigureAwait(false)).AsList();
            if (rows.Count == 0)
            {
                break;
            }

            // Score outside the transaction: the write lock is held only for the inserts and updates.
            var scored = rows.Select(r => (Row: r, Verdict: Rescore(model, r))).ToList();
            var now = clock.GetUtcNow();
            await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            foreach (var (row, verdict) in scored)
            {
                var classificationId = await ClassificationStore.SaveAsync(connection, tx, row.PostVersionId, verdict, now).ConfigureAwait(false);

                // Only if nothing changed since the read: a new post version, a decision or another rescore wins.
                var updated = await connection.ExecuteAsync(
                    $"""
                    UPDATE review_items SET score = @score, threshold = @threshold, model_version = @model, classification_id = @classificationId
                    WHERE id = @id AND status IN {Undecided} AND model_version = @oldModel AND post_version_id = @versionId
                    """,
                    new { score = verdict.Score, threshold = verdict.Threshold, model = verdict.Model, classificationId, id = row.Id, oldModel = row.ModelVersion, versionId = row.PostVersionId },
                    tx).ConfigureAwait(false);
                if (updated == 0)
                {
                    skipped++;
                    continue;
                }

                var effect = RescoreEffect.For(row.Score, row.Threshold, verdict.Score, verdict.Threshold);
                await connection.ExecuteAsync(
                    """
                    INSERT INTO review_rescores (review_item_id, old_model, new_model, old_score, new_score, old_threshold, new_threshold,
                                                 old_classification_id, new_classification_id, effect, rescored_at)
                    VALUES (@id, @oldModel, @newModel, @oldScore, @newScore, @oldThreshold, @newThreshold, @oldClassificationId, @classificationId, @effect, @at)
                    """,
                    new
                    {
                        id = row.Id,
                        oldModel = row.ModelVersion,
                        newModel = verdict.Model,
                        oldScore = row.Score,
                        newScore = verdict.Score,
                        oldThreshold = row.Threshold,
                        newThreshold = verdict.Threshold,
                        oldClassificationId = row.ClassificationId,
                        classificationId,
                        effect = effect.Kind,
                        at = Iso.ToText(now),
                    }, tx).ConfigureAwait(false);
                rescored++;
                if (effect.Kind == RescoreEffect.NowBelow)
                {
                    below++;
                }
            }

            await tx.CommitAsync(ct).ConfigureAwait(false);
            batches++;
            afterId = rows[^1].Id;
            logger.LogDebug("Rescored a batch of {Items} queue items with model {ModelVersion} up to item {ItemId}", rows.Count, model.Version, afterId);
            afterBatch?.Invoke(new RescoreRun(model.Version, rescored, below, skipped, batches));
        }

        var run = new RescoreRun(model.Version, rescored, below, skipped, batches);
        if (rescored + skipped > 0)
        {
            logger.LogInformation("Rescored {Rescored} open queue items with model {ModelVersion} ({NowBelow} now below threshold, kept; {Skipped} changed meanwhile)",
                rescored, model.Version, below, skipped);
        }

        return run;
    }

    /// <summary>An item's rescoring history, oldest first.</summary>
    public async Task<IReadOnlyList<RescoreChange>> ChangesAsync(long reviewItemId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RescoreChange>(
            """
            SELECT id, review_item_id, old_model, new_model, old_score, new_score, old_threshold, new_threshold, effect, rescored_at
            FROM review_rescores WHERE review_item_id = @reviewItemId ORDER BY id
            """, new { reviewItemId }).ConfigureAwait(false);
        return rows.AsList();
    }

    private static Verdict Rescore(LureModel model, Row row)
    {
        var verdict = model.Classify(PostText.From(row.Title, row.Body, row.Company, row.Location, row.Salary, row.EmploymentType, row.Contact));

        // A reappeared-lure match is about the post, not the model: keep its reason so the queue still says why the item is there.
        var carried = ClassificationStore.ParseReasons(row.Reasons)
            .Where(r => r.Name is Reappearance.ReappearedLure or Reappearance.LureHandle).ToList();
        return carried.Count == 0 ? verdict : verdict with { Reasons = [.. verdict.Reasons, .. carried] };
    }

    private const string Undecided = "('open', 'escalated', 'second-review')";

    private sealed class Row
    {
        public long Id { get; init; }
        public long PostVersionId { get; init; }
        public long ClassificationId { get; init; }
        public double Score { get; init; }
        public double? Threshold { get; init; }
        public string ModelVersion { get; init; } = "";
        public string? Reasons { get; init; }
        public string? Title { get; init; }
        public string? Body { get; init; }
        public string? Company { get; init; }
        public string? Location { get; init; }
        public string? Salary { get; init; }
        public string? EmploymentType { get; init; }
        public string? Contact { get; init; }
    }
}
