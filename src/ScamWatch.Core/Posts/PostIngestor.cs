using Microsoft.Extensions.Logging;
using ScamWatch.Classification;
using ScamWatch.Extraction;
using ScamWatch.Review;

namespace ScamWatch.Posts;

/// <summary>One extracted post through the rest of the pipeline: store (new version if changed), classify, queue if flagged.</summary>
public sealed class PostIngestor(PostStore posts, Classifier classifier, ClassificationStore classifications, ReviewQueue queue,
    TimeProvider clock, ILogger<PostIngestor> logger)
{
    public sealed record Outcome(StoredVersion Stored, Verdict? Verdict);

    public async Task<Outcome> IngestAsync(string site, ExtractedPost post, Evidence? evidence, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stored = await posts.StoreAsync(site, post, evidence, now, ct).ConfigureAwait(false);
        if (!stored.IsChanged)
        {
            return new Outcome(stored, null);
        }

        var verdict = classifier.Classify(PostText.From(post.Title, post.Body, post.Company, post.Location, post.Salary, post.EmploymentType, post.Contact));
        var classificationId = await classifications.SaveAsync(stored.VersionId, verdict, now, ct).ConfigureAwait(false);
        logger.LogInformation("Classified {Site} post {SitePostId} version {Version}: score {Score}, flagged {Flagged}, model {ModelVersion}",
            site, post.SitePostId, stored.VersionNo, verdict.Score, verdict.Flagged, verdict.Model);
        if (verdict.Flagged)
        {
            await queue.EnqueueAsync(stored.PostId, stored.VersionId, classificationId, verdict, now, ct).ConfigureAwait(false);
        }

        return new Outcome(stored, verdict);
    }
}
