using ScamWatch.Classification;

namespace ScamWatch.Tests.Support;

/// <summary>
/// A models folder with two real, loadable versions: the shipped model (<see cref="A"/>) and a copy under
/// <see cref="B"/> whose card calibrates differently (lower scores and a higher threshold, so some open items fall below it), plus
/// <see cref="Broken"/> (a corrupt zip with a valid card). Promotions are written temp-then-rename, as
/// <c>models promote</c> writes them.
/// </summary>
public sealed class ModelFolder : IDisposable
{
    public const string B = "test-b";
    public const string Broken = "test-broken";

    private readonly TempDir _dir = new();

    public ModelFolder()
    {
        var source = Repo.PromotedModel;
        A = ModelCard.Load(ModelCard.CardPathFor(source)).Version;
        Copy(source, A, card => card);
        Copy(source, B, card => card with { Calibration = new PlattCalibration { A = card.Calibration.A * 0.8, B = card.Calibration.B - 2.0 }, Threshold = 0.9 });
        Copy(source, Broken, card => card);
        File.WriteAllBytes(ZipOf(Broken), [0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
        Promote(A);
    }

    public string A { get; }

    public string Path => _dir.Path;

    public string ZipOf(string version) => System.IO.Path.Combine(_dir.Path, version + ".zip");

    public void Promote(string version) => WritePromoted($$"""{"version":"{{version}}"}""");

    public void WritePromoted(string json)
    {
        var tmp = System.IO.Path.Combine(_dir.Path, "promoted.json.tmp");
        File.WriteAllText(tmp, json);
        File.Move(tmp, System.IO.Path.Combine(_dir.Path, "promoted.json"), overwrite: true);
    }

    public void Dispose() => _dir.Dispose();

    private void Copy(string sourceZip, string version, Func<ModelCard, ModelCard> edit)
    {
        File.Copy(sourceZip, ZipOf(version));
        var card = edit(ModelCard.Load(ModelCard.CardPathFor(sourceZip)) with { Version = version });
        card.Save(ModelCard.CardPathFor(ZipOf(version)));
    }
}
