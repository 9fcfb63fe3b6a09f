using System.Security.Cryptography;
using ScamWatch.Posts;

namespace ScamWatch.Cli;

/// <summary>Reads labelled post records from one or more files, reporting rejected lines with file and line number.</summary>
public static class LabelledData
{
    // Sources: per record, the index of the file it came from.
    public sealed record Loaded(IReadOnlyList<PostRecord> Records, int Rejected, string Sha256, IReadOnlyList<int> Sources);

    public static async Task<Loaded> LoadAsync(IReadOnlyList<string> files, CancellationToken ct)
    {
        var records = new List<PostRecord>();
        var sources = new List<int>();
        var rejected = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        for (var fileIndex = 0; fileIndex < files.Count; fileIndex++)
        {
            var file = files[fileIndex];
            if (!File.Exists(file))
            {
                throw new Hosting.UsageException($"data file not found: {file}");
            }

            hash.AppendData(await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false));
            hash.AppendData("\n\u001E\n"u8);
            using var reader = CliRunner.OpenInput(file);
            await foreach (var line in PostRecordReader.ReadAsync(reader, requireLabel: true, ct).ConfigureAwait(false))
            {
                if (line.Record is null)
                {
                    rejected++;
                    await Console.Error.WriteLineAsync($"{file}:{line.Line}: {line.Error}").ConfigureAwait(false);
                }
                else if (!seenIds.Add(line.Record.Id))
                {
                    rejected++;
                    await Console.Error.WriteLineAsync($"{file}:{line.Line}: duplicate id \"{line.Record.Id}\" (first occurrence kept)").ConfigureAwait(false);
                }
                else
                {
                    records.Add(line.Record);
                    sources.Add(fileIndex);
                }
            }
        }

        return new Loaded(records, rejected, Convert.ToHexStringLower(hash.GetHashAndReset()), sources);
    }
}
