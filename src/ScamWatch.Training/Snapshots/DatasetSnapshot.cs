using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ScamWatch.Posts;

namespace ScamWatch.Training;

/// <summary>
/// An immutable training-data snapshot: <c>ROOT/SHA-PREFIX/data.jsonl</c> and <c>manifest.json</c>. The hash is over
/// the data bytes only (canonical JSON, sources in the given order), so the same inputs always give the same hash
/// and folder; an existing snapshot is reused, never rewritten.
/// </summary>
public static class DatasetSnapshot
{
    public const int PrefixLength = 16;

    public sealed record Part(string Source, IReadOnlyList<PostRecord> Records);

    public sealed record Content(byte[] Bytes, string Sha256, IReadOnlyList<PostRecord> Records, IReadOnlyList<int> Sources, IReadOnlyList<SnapshotSource> SourceCounts);

    public sealed record Written(string Directory, string DataPath, string ManifestPath, SnapshotManifest Manifest, bool Reused);

    private static readonly JsonSerializerOptions LineJson = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Pure: the canonical bytes and their SHA-256. Ids must be unique across parts.</summary>
    public static Content Build(IReadOnlyList<Part> parts)
    {
        var text = new StringBuilder();
        var records = new List<PostRecord>();
        var sources = new List<int>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < parts.Count; p++)
        {
            foreach (var record in parts[p].Records)
            {
                if (!ids.Add(record.Id))
                {
                    throw new InvalidDataException($"{parts[p].Source}: duplicate id \"{record.Id}\" in the snapshot");
                }

                var node = JsonSerializer.SerializeToNode(record, LineJson)!.AsObject();
                node["source"] = parts[p].Source;
                text.Append(node.ToJsonString(LineJson)).Append('\n');
                records.Add(record);
                sources.Add(p);
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var counts = parts.Select(p => new SnapshotSource(p.Source, p.Records.Count, p.Records.Count(r => r.Label == "lure"))).ToList();
        return new Content(bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), records, sources, counts);
    }

    /// <summary>Writes the snapshot under <paramref name="root"/> unless one with the same hash exists, which is reused as it is.</summary>
    public static Written Write(string root, Content content, SnapshotManifest manifest)
    {
        var dir = Path.Combine(Path.GetFullPath(root), content.Sha256[..PrefixLength]);
        if (TryReuse(dir, content.Sha256) is { } existing)
        {
            return existing;
        }

        // Build in a private folder, then rename: a snapshot folder is either absent or complete.
        Directory.CreateDirectory(Path.GetFullPath(root));
        var tmp = Path.Combine(Path.GetFullPath(root), $".tmp-{content.Sha256[..PrefixLength]}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(tmp);
        var full = manifest with { Sha256 = content.Sha256 };
        File.WriteAllBytes(Path.Combine(tmp, "data.jsonl"), content.Bytes);
        File.WriteAllText(Path.Combine(tmp, "manifest.json"), JsonSerializer.Serialize(full, Classification.ModelCard.JsonOptions) + "\n");
        try
        {
            Directory.Move(tmp, dir);
        }
        catch (IOException) when (Directory.Exists(dir))
        {
            // Another run wrote the same snapshot first: keep theirs.
            Directory.Delete(tmp, recursive: true);
            return TryReuse(dir, content.Sha256) ?? throw new InvalidDataException($"{dir}: snapshot folder exists but is incomplete");
        }

        foreach (var file in Directory.GetFiles(dir))
        {
            File.SetAttributes(file, FileAttributes.ReadOnly);
        }

        return new Written(dir, Path.Combine(dir, "data.jsonl"), Path.Combine(dir, "manifest.json"), full, Reused: false);
    }

    private static Written? TryReuse(string dir, string sha256)
    {
        var manifestPath = Path.Combine(dir, "manifest.json");
        var dataPath = Path.Combine(dir, "data.jsonl");
        if (!File.Exists(manifestPath) || !File.Exists(dataPath))
        {
            return null;
        }

        var manifest = JsonSerializer.Deserialize<SnapshotManifest>(File.ReadAllText(manifestPath), Classification.ModelCard.JsonOptions)
            ?? throw new InvalidDataException($"{manifestPath}: empty manifest");
        var actual = LureTrainer.Sha256File(dataPath);
        if (manifest.Sha256 != sha256 || actual != sha256)
        {
            throw new InvalidDataException($"{dir}: snapshot does not match its hash (manifest {manifest.Sha256}, data {actual}, expected {sha256}); it was modified or the prefix collides");
        }

        return new Written(dir, dataPath, manifestPath, manifest, Reused: true);
    }
}
