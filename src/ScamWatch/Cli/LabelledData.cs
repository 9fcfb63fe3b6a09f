using System.Security.Cryptography;
using ScamWatch.Posts;

namespace ScamWatch.Cli;

/// <summary>Reads labelled post records from one or more files, reporting rejected lines with file and line number.</summary>
public static class LabelledData
{
    public sealed record Loaded(IReadOnlyList<PostRecord> Records, int Rejected, string Sha256);

    public static async Task<Loaded> LoadAsync(IReadOnlyList<string> files, CancellationToken ct)
    {
        var records = new List<PostRecord>();
        var rejected = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
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
                }
            }
        }

        return new Loaded(records, rejected, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
