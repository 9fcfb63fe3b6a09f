using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScamWatch.Classification;

namespace ScamWatch.Training;

/// <summary>
/// The model versions in the models folder (each <c>VERSION.zip</c> with its <c>VERSION.json</c> card), compared and
/// promoted through the champion/challenger gate. Promotion rewrites <c>promoted.json</c> atomically; the running
/// service watches that file.
/// </summary>
public sealed class ModelRegistry(ModelStore store, IOptions<PromotionGateOptions> gateOptions, TimeProvider clock, ILogger<ModelRegistry> logger)
{
    public sealed record Entry(ModelCard Card, bool Promoted);

    public sealed record PromotionResult(bool Promoted, bool Forced, string? Previous, PromotionGate.Decision Decision);

    public string ModelsPath => store.ModelsPath;

    public IReadOnlyList<Entry> List()
    {
        var promoted = store.PromotedVersion();
        if (!Directory.Exists(store.ModelsPath))
        {
            return [];
        }

        return [.. Directory.GetFiles(store.ModelsPath, "*.json")
            .Where(f => Path.GetFileName(f) != "promoted.json" && File.Exists(Path.ChangeExtension(f, ".zip")))
            .Select(ModelCard.Load)
            .OrderBy(c => c.TrainedAt).ThenBy(c => c.Version, StringComparer.Ordinal)
            .Select(c => new Entry(c, c.Version == promoted))];
    }

    public ModelCard Show(string version)
    {
        var card = ModelCard.CardPathFor(store.PathFor(version));
        return File.Exists(card) && File.Exists(store.PathFor(version))
            ? ModelCard.Load(card)
            : throw new FileNotFoundException($"model {version} not found in {store.ModelsPath} (see `scamwatch models list`)", card);
    }

    public string? Promoted => store.PromotedVersion();

    public GoldRun Score(string version, GoldSet gold)
    {
        Show(version);
        return GoldRun.Score(LureModel.Load(store.PathFor(version)), gold, gateOptions.Value.Precision);
    }

    public ModelComparison Compare(string a, string b, GoldSet gold) =>
        ModelComparison.Compare(gold, Score(a, gold), Score(b, gold), store.PromotedVersion());

    /// <summary>Runs the gate against the current champion; promotes when it passes, or when forced (the reasons are still returned).</summary>
    public PromotionResult Promote(string version, GoldSet gold, bool force)
    {
        var previous = store.PromotedVersion();
        if (previous == version)
        {
            // Rewriting promoted.json would only make the service reload the same model.
            Show(version);
            return new PromotionResult(true, false, previous, new PromotionGate.Decision(true, [$"{version} is already the promoted model; nothing changed"]));
        }

        var challenger = Score(version, gold);
        var champion = previous is not null && File.Exists(store.PathFor(previous)) ? Score(previous, gold) : null;
        var decision = PromotionGate.Decide(gateOptions.Value, gold, champion, challenger);
        var promote = decision.Promote || (force && previous != version);
        if (promote)
        {
            store.Promote(version, clock.GetUtcNow());
            logger.LogInformation("Promoted model {ModelVersion} (was {PreviousVersion}, forced {Forced}): {Reasons}",
                version, previous, !decision.Promote, string.Join("; ", decision.Reasons));
        }
        else
        {
            logger.LogWarning("Promotion of {ModelVersion} refused: {Reasons}", version, string.Join("; ", decision.Reasons));
        }

        return new PromotionResult(promote, promote && !decision.Promote, previous, decision);
    }

    /// <summary>"2026-11-25.N": the date and one more than the highest number of that date in the folder, so versions sort in training order.</summary>
    public string NextVersion()
    {
        var date = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var highest = Directory.Exists(store.ModelsPath)
            ? Directory.GetFiles(store.ModelsPath, date + ".*")
                .Select(f => Path.GetFileNameWithoutExtension(f)[(date.Length + 1)..])
                .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : 0)
                .DefaultIfEmpty(0).Max()
            : 0;
        return $"{date}.{highest + 1}";
    }
}
