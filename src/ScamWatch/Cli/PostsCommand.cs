using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Posts;
using ScamWatch.Storage;

namespace ScamWatch.Cli;

/// <summary><c>scamwatch posts --output FILE [--site NAME]</c>: every stored post, latest version, as JSON Lines (CONTRACTS.md).</summary>
public static class PostsCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output") { Description = "JSON Lines file (- for stdout).", Required = true };
        var site = new Option<string?>("--site") { Description = "Only this site's posts." };
        var command = new Command("posts", "Write every stored post (latest version, lifecycle and latest verdict) as JSON Lines.") { output, site };
        CliRunner.SetAction(command, async (parse, ct) =>
        {
            using var host = CliContext.BuildHost(parse);
            await CliContext.MigrateAsync(host.Services, ct).ConfigureAwait(false);
            var store = host.Services.GetRequiredService<PostStore>();
            await using var stream = CliRunner.OpenOutput(parse.GetValue(output)!);
            await WriteAsync(store.StreamLatestAsync(parse.GetValue(site), ct), stream, ct).ConfigureAwait(false);
            return CliRunner.Ok;
        });
        return command;
    }

    public static async Task<int> WriteAsync(IAsyncEnumerable<PostRow> rows, Stream output, CancellationToken ct)
    {
        var n = 0;
        await using var writer = new Utf8JsonWriter(output, JsonLines.WriterOptions);
        await foreach (var p in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("id", p.Site + ":" + p.SitePostId);
            writer.WriteString("site", p.Site);
            writer.WriteString("url", p.Url);
            writer.WriteString("title", p.Title);
            writer.WriteString("body", p.Body);
            writer.WriteString("company", p.Company);
            writer.WriteString("location", p.Location);
            writer.WriteString("salary", p.Salary);
            writer.WriteString("contact", p.Contact);
            writer.WriteString("posted_at", p.PostedAt);
            writer.WriteString("first_seen", p.FirstSeen);
            writer.WriteString("last_seen", p.LastSeen);
            writer.WriteBoolean("removed", p.RemovedAt is not null);
            writer.WriteString("removed_at", p.RemovedAt);
            writer.WriteNumber("versions", p.Versions);
            writer.WriteString("duplicate_of", p.DuplicateOfUrl);
            if (p.Score is { } score)
            {
                writer.WriteNumber("score", Math.Round(score, 4));
            }
            else
            {
                writer.WriteNull("score");
            }

            if (p.Flagged is { } flagged)
            {
                writer.WriteBoolean("flagged", flagged);
            }
            else
            {
                writer.WriteNull("flagged");
            }

            writer.WriteString("model", p.Model);
            writer.WriteString("site_post_id", p.SitePostId);
            writer.WriteString("employment_type", p.EmploymentType);
            writer.WriteString("evidence_sha256", p.EvidenceSha256);
            writer.WriteEndObject();
            await JsonLines.EndLineAsync(writer, output, ct).ConfigureAwait(false);
            n++;
        }

        await output.FlushAsync(ct).ConfigureAwait(false);
        return n;
    }
}
