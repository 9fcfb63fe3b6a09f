using Microsoft.Extensions.Logging;
using ScamWatch.Classification;
using ScamWatch.Extraction;
using ScamWatch.Review;
using ScamWatch.Takedown.Verification;

namespace ScamWatch.Posts;

/// <summary>
/// One extracted post through the rest of the pipeline: store (new version if changed), check it against confirmed lures
/// (<see cref="ReappearanceWatch"/>), classify, queue if flagged or if it repeats a confirmed lure.
/// </summary>
public sealed class PostIngestor(PostStore posts, Classifier classifier, ClassificationStore classifications, ReviewQueue queue,
    ReappearanceWatch reappearance, TimeProvider clock, ILogger<PostIngestor> logger)
{
    public sealed record Outcome(StoredVersion Stored, Verdict? Verdict);

    public async Task<Outcome> IngestAsync(string site, ExtractedPost post, Evidence? evidence, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stored = await posts.StoreAsync(site, post, evidence, now, ct).ConfigureAwait(false);
        var lure = await reappearance.ExamineAsync(stored, now, ct).ConfigureAwait(false);
        if (!stored.IsChanged)
        {
            return new Outcome(stored, null);
        }

        // One model reference for the whole post: a swap mid-ingest cannot mix versions in its verdict.
        var model = classifier.Current;
        var verdict = lure.Explain(model.Classify(PostText.From(post.Title, post.Body, post.Company, post.Location, post.Salary, post.EmploymentType, post.Contact)));
        var classificationId = await classifications.SaveAsync(stored.VersionId, verdict, now, ct).ConfigureAwait(false);
        logger.LogInformation("Classified {Site} post {SitePostId} version {Version}: score {Score}, flagged {Flagged}, model {ModelVersion}",
            site, post.SitePostId, stored.VersionNo, verdict.Score, verdict.Flagged, verdict.Model);
        if (verdict.Flagged || lure.MustReview)
        {
            await queue.EnqueueAsync(stored.PostId, stored.VersionId, classificationId, verdict, now, ct).ConfigureAwait(false);
        }

        return new Outcome(stored, verdict);
    }
}
