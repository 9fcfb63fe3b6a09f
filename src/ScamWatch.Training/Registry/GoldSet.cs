using ScamWatch.Classification;
using ScamWatch.Posts;

namespace ScamWatch.Training;

/// <summary>The frozen gold records with their labels and the red-flag rules that fire on each (rules are model-independent).</summary>
public sealed record GoldSet(string Path, IReadOnlyList<PostRecord> Records, IReadOnlyList<bool> Labels, IReadOnlyList<IReadOnlySet<string>> RuleHits)
{
    public static GoldSet From(string path, IReadOnlyList<PostRecord> records) => new(
        path,
        records,
        [.. records.Select(r => r.Label == "lure")],
        [.. records.Select(r => (IReadOnlySet<string>)RedFlagRules.Evaluate(PostText.From(r)).Select(h => h.Name).ToHashSet(StringComparer.Ordinal))]);

    public static GoldSet Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"gold set not found: {path} (set Training:Gate:GoldPath or pass --gold)", path);
        }

        var records = new List<PostRecord>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = PostRecordReader.Parse(line, lineNo, requireLabel: true);
            records.Add(parsed.Record ?? throw new InvalidDataException($"{path}:{lineNo}: {parsed.Error}"));
        }

        return From(path, records);
    }
}
