using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ScamWatch.Classification;

/// <summary>
/// The models folder: <c>VERSION.zip</c> with <c>VERSION.json</c> cards, and <c>promoted.json</c> naming the
/// version in service.
/// </summary>
public sealed class ModelStore(IOptions<ClassifierOptions> options)
{
    public string ModelsPath { get; } = Resolve(options.Value.ModelsPath);

    public string PromotedFile => Path.Combine(ModelsPath, "promoted.json");

    public string PathFor(string version) => Path.Combine(ModelsPath, version + ".zip");

    public string? PromotedVersion()
    {
        if (!File.Exists(PromotedFile))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(PromotedFile));
        return doc.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
    }

    public string PromotedModelPath() =>
        PromotedVersion() is { } version
            ? PathFor(version)
            : throw new FileNotFoundException($"no promoted model: {PromotedFile} is missing; train one with `scamwatch train` and promote it", PromotedFile);

    public void Promote(string version, DateTimeOffset at)
    {
        if (!File.Exists(PathFor(version)))
        {
            throw new FileNotFoundException($"model {version} not found in {ModelsPath}");
        }

        // Write-then-rename so a reader never sees half a file.
        var tmp = PromotedFile + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(new { version, promoted_at = at }) + "\n");
        File.Move(tmp, PromotedFile, overwrite: true);
    }

    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || Directory.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var besideExe = Path.Combine(AppContext.BaseDirectory, path);
        return Directory.Exists(besideExe) ? besideExe : Path.GetFullPath(path);
    }
}
