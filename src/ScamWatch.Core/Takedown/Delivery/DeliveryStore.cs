using Dapper;
using ScamWatch.Storage;

namespace ScamWatch.Takedown.Delivery;

/// <summary>
/// The delivery queue beside the transactional outbox (<c>takedown_requests</c>): one <c>deliveries</c> row per request
/// and channel, claimed by compare-and-swap so two nodes never work on the same delivery at once, and every call
/// logged in <c>delivery_attempts</c>.
/// </summary>
public sealed class DeliveryStore(Database database)
{
    private const string Columns = """
        d.id, d.request_id, t.platform, d.channel, d.state, d.attempts, d.next_attempt_at, d.last_error, d.created_at, d.delivered_at,
        d.lease_owner, d.batch
        """;

    /// <summary>Gives every pending request of the platform a delivery on the channel, due now. Safe to run on several nodes.</summary>
    public async Task<int> EnqueueAsync(string channel, string platform, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(
            """
            INSERT INTO deliveries (request_id, channel, state, attempts, next_attempt_at, created_at)
            SELECT t.id, @channel, 'pending', 0, @now, @now FROM takedown_requests t
            WHERE t.platform = @platform AND t.state = 'pending'
              AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.request_id = t.id AND d.channel = @channel)
            ON CONFLICT (request_id, channel) DO NOTHING
            """, new { channel, platform, now = Iso.ToText(now) }).ConfigureAwait(false);
    }

    /// <summary>Pending deliveries that are due, and every one being sent (its lease may have run out or its owner died), oldest due first.</summary>
    public async Task<IReadOnlyList<DeliveryRow>> CandidatesAsync(string channel, string platform, DateTimeOffset now, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<DeliveryRow>(
            $"""
            SELECT {Columns} FROM deliveries d JOIN takedown_requests t ON t.id = d.request_id
            WHERE d.channel = @channel AND t.platform = @platform
              AND ((d.state = 'pending' AND d.next_attempt_at <= @now) OR d.state = 'sending')
            ORDER BY d.next_attempt_at, d.id LIMIT @limit
            """, new { channel, platform, now = Iso.ToText(now), limit }).ConfigureAwait(false)).AsList();
    }

    /// <summary>
    /// Claims a delivery only if its row is still exactly as <paramref name="seen"/> (state, lease and owner): of two
    /// nodes that saw the same row, one UPDATE matches and the other's finds nothing.
    /// </summary>
    public async Task<bool> TryClaimAsync(DeliveryRow seen, string owner, DateTimeOffset leaseUntil, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(
            """
            UPDATE deliveries SET state = 'sending', lease_owner = @owner, next_attempt_at = @leaseUntil
            WHERE id = @Id AND state = @State AND next_attempt_at = @NextAttemptAt AND COALESCE(lease_owner, '') = @seenOwner
            """, new { seen.Id, seen.State, seen.NextAttemptAt, seenOwner = seen.LeaseOwner ?? "", owner, leaseUntil = Iso.ToText(leaseUntil) }).ConfigureAwait(false) == 1;
    }

    /// <summary>Logs one call and counts it, whether or not the lease is still ours: the call happened.</summary>
    public async Task RecordAttemptAsync(long deliveryId, DateTimeOffset at, int? statusCode, string? error, double durationMs, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "INSERT INTO delivery_attempts (delivery_id, at, status_code, error, duration_ms) VALUES (@deliveryId, @at, @statusCode, @error, @durationMs)",
            new { deliveryId, at = Iso.ToText(at), statusCode, error, durationMs }, tx).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "UPDATE deliveries SET attempts = attempts + 1, last_error = @error WHERE id = @deliveryId", new { deliveryId, error }, tx).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Ends our claim with an outcome. Does nothing (false) when the lease was lost to another node meanwhile.</summary>
    public async Task<bool> FinishAsync(long id, string owner, string state, DateTimeOffset nextAttemptAt, string? lastError, DateTimeOffset? deliveredAt, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(
            """
            UPDATE deliveries SET state = @state, lease_owner = NULL, next_attempt_at = @next, last_error = @lastError, delivered_at = @delivered
            WHERE id = @id AND state = 'sending' AND lease_owner = @owner
            """,
            new { id, owner, state, next = Iso.ToText(nextAttemptAt), lastError, delivered = deliveredAt is { } d ? Iso.ToText(d) : null }).ConfigureAwait(false) == 1;
    }

    public async Task<DeliveryRow?> GetAsync(long requestId, string channel, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<DeliveryRow>(
            $"SELECT {Columns} FROM deliveries d JOIN takedown_requests t ON t.id = d.request_id WHERE d.request_id = @requestId AND d.channel = @channel",
            new { requestId, channel }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeliveryAttemptRow>> AttemptsAsync(long deliveryId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<DeliveryAttemptRow>(
            "SELECT id, delivery_id, at, status_code, error, duration_ms FROM delivery_attempts WHERE delivery_id = @deliveryId ORDER BY id",
            new { deliveryId }).ConfigureAwait(false)).AsList();
    }

    /// <summary>Dead letters (of one platform, or all), oldest first.</summary>
    public async Task<IReadOnlyList<DeliveryRow>> DeadAsync(string? platform, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<DeliveryRow>(
            $"""
            SELECT {Columns} FROM deliveries d JOIN takedown_requests t ON t.id = d.request_id
            WHERE d.state = 'dead' AND (@platform IS NULL OR t.platform = @platform) ORDER BY d.id
            """, new { platform }).ConfigureAwait(false)).AsList();
    }

    /// <summary>Puts dead letters back in the queue, due now, with a fresh attempt count. Same request, same idempotency key.</summary>
    public async Task<int> RequeueDeadAsync(string? platform, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(
            """
            UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_at = @now, lease_owner = NULL
            WHERE state = 'dead' AND (@platform IS NULL OR request_id IN (SELECT id FROM takedown_requests WHERE platform = @platform))
            """, new { platform, now = Iso.ToText(now) }).ConfigureAwait(false);
    }

    // ---- file batches ----

    /// <summary>Deliveries being written to a batch file (named or not yet), one row per batch and owner.</summary>
    public async Task<IReadOnlyList<DeliveryRow>> OpenBatchesAsync(string channel, string platform, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<DeliveryRow>(
            """
            SELECT MIN(d.id) AS id, MIN(d.request_id) AS request_id, t.platform, d.channel, d.state, MIN(d.next_attempt_at) AS next_attempt_at,
                   d.lease_owner, d.batch
            FROM deliveries d JOIN takedown_requests t ON t.id = d.request_id
            WHERE d.channel = @channel AND t.platform = @platform AND d.state = 'sending'
            GROUP BY t.platform, d.channel, d.state, d.lease_owner, d.batch
            ORDER BY MIN(d.request_id)
            """, new { channel, platform }).ConfigureAwait(false)).AsList();
    }

    /// <summary>Moves a whole open batch (or an unnamed claim) from its old owner to a new one; how many rows moved.</summary>
    public async Task<int> TakeOverBatchAsync(DeliveryRow seen, string owner, DateTimeOffset leaseUntil, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(
            """
            UPDATE deliveries SET lease_owner = @owner, next_attempt_at = @leaseUntil
            WHERE channel = @Channel AND state = 'sending' AND COALESCE(lease_owner, '') = @seenOwner AND COALESCE(batch, '') = @seenBatch
              AND request_id IN (SELECT id FROM takedown_requests WHERE platform = @Platform)
            """,
            new { seen.Channel, seen.Platform, seenOwner = seen.LeaseOwner ?? "", seenBatch = seen.Batch ?? "", owner, leaseUntil = Iso.ToText(leaseUntil) }).ConfigureAwait(false);
    }

    /// <summary>Hands claimed-but-unnamed deliveries back to the queue (their run died before it chose a file name).</summary>
    public async Task<int> ReleaseUnnamedAsync(string channel, string owner, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(
            """
            UPDATE deliveries SET state = 'pending', lease_owner = NULL, next_attempt_at = @now
            WHERE channel = @channel AND state = 'sending' AND batch IS NULL AND lease_owner = @owner
            """, new { channel, owner, now = Iso.ToText(now) }).ConfigureAwait(false);
    }

    /// <summary>Claims up to <paramref name="limit"/> due pending deliveries of the platform (conditionally, row by row); returns the claimed rows.</summary>
    public async Task<IReadOnlyList<DeliveryRow>> ClaimBatchAsync(string channel, string platform, DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int limit,
        CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        var ids = (await connection.QueryAsync<long>(
            """
            SELECT d.id FROM deliveries d JOIN takedown_requests t ON t.id = d.request_id
            WHERE d.channel = @channel AND t.platform = @platform AND d.state = 'pending' AND d.next_attempt_at <= @now
            ORDER BY d.request_id LIMIT @limit
            """, new { channel, platform, now = Iso.ToText(now), limit }).ConfigureAwait(false)).AsList();
        if (ids.Count == 0)
        {
            return [];
        }

        await connection.ExecuteAsync(
            "UPDATE deliveries SET state = 'sending', lease_owner = @owner, next_attempt_at = @leaseUntil WHERE id IN @ids AND state = 'pending'",
            new { ids, owner, leaseUntil = Iso.ToText(leaseUntil) }).ConfigureAwait(false);
        return (await connection.QueryAsync<DeliveryRow>(
            $"""
            SELECT {Columns} FROM deliveries d JOIN takedown_requests t ON t.id = d.request_id
            WHERE d.id IN @ids AND d.state = 'sending' AND d.lease_owner = @owner AND d.batch IS NULL ORDER BY d.request_id
            """, new { ids, owner }).ConfigureAwait(false)).AsList();
    }

    /// <summary>Names the batch: from here on a restart finishes it under this name rather than forming another.</summary>
    public async Task NameBatchAsync(IReadOnlyList<long> deliveryIds, string owner, string batch, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(
            "UPDATE deliveries SET batch = @batch WHERE id IN @ids AND state = 'sending' AND lease_owner = @owner AND batch IS NULL",
            new { ids = deliveryIds, owner, batch }).ConfigureAwait(false);
    }

    /// <summary>The request ids in a batch, in id order.</summary>
    public async Task<IReadOnlyList<long>> BatchRequestsAsync(string channel, string platform, string batch, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await connection.QueryAsync<long>(
            """
            SELECT d.request_id FROM deliveries d JOIN takedown_requests t ON t.id = d.request_id
            WHERE d.channel = @channel AND t.platform = @platform AND d.batch = @batch ORDER BY d.request_id
            """, new { channel, platform, batch }).ConfigureAwait(false)).AsList();
    }

    /// <summary>Marks a written batch delivered (one attempt logged per request); only while the batch is still ours.</summary>
    public async Task<int> FinishBatchAsync(string channel, string platform, string batch, string owner, DateTimeOffset at, double durationMs, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var args = new { channel, platform, batch, owner, at = Iso.ToText(at), durationMs };
        const string Mine = """
            channel = @channel AND batch = @batch AND state = 'sending' AND lease_owner = @owner
            AND request_id IN (SELECT id FROM takedown_requests WHERE platform = @platform)
            """;
        await connection.ExecuteAsync(
            $"INSERT INTO delivery_attempts (delivery_id, at, status_code, error, duration_ms) SELECT id, @at, NULL, NULL, @durationMs FROM deliveries WHERE {Mine}",
            args, tx).ConfigureAwait(false);
        var n = await connection.ExecuteAsync(
            $"UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, lease_owner = NULL, last_error = NULL, delivered_at = @at, next_attempt_at = @at WHERE {Mine}",
            args, tx).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return n;
    }

    /// <summary>Leaves a batch for a later run (its name kept), after a write failed.</summary>
    public async Task DeferBatchAsync(string channel, string platform, string batch, string owner, DateTimeOffset retryAt, string error, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            UPDATE deliveries SET lease_owner = NULL, next_attempt_at = @retryAt, last_error = @error, attempts = attempts + 1
            WHERE channel = @channel AND batch = @batch AND state = 'sending' AND lease_owner = @owner
              AND request_id IN (SELECT id FROM takedown_requests WHERE platform = @platform)
            """, new { channel, platform, batch, owner, retryAt = Iso.ToText(retryAt), error }).ConfigureAwait(false);
    }
}
