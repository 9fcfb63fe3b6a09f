using System.Globalization;
using System.Text;
using System.Text.Json;
using ScamWatch.Storage;
using ScamWatch.Takedown;

namespace ScamWatch.Cli;

/// <summary>The figures of <c>export --stats</c>: a table for people, JSON for scripts.</summary>
public static class TakedownStatsText
{
    public const string Measure = "time to takedown runs from decided-at (reviewer confirmed) and, separately, from sent-at, to the first removed or verified-removed";

    public static string Table(IReadOnlyList<PlatformStats> figures, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Takedown figures at {Iso.ToText(now)}; {Measure}.");
        sb.AppendLine();
        string[] header = ["platform", "total", .. TakedownState.All, "median decided→removed", "median sent→removed", "overdue"];
        var rows = figures.Select(p => (string[])[
            p.Platform,
            N(p.Total),
            .. TakedownState.All.Select(s => N(p.ByState.GetValueOrDefault(s))),
            Duration(p.MedianFromDecided, p.RemovedCount),
            Duration(p.MedianFromSent, p.RemovedAfterSendCount),
            N(p.Overdue.Count)]).ToList();
        AppendAligned(sb, header, rows);
        if (figures.Count == 0)
        {
            sb.AppendLine("(no takedown requests)");
        }

        var overdue = figures.SelectMany(p => p.Overdue.Select(o => (p.Platform, o))).ToList();
        if (overdue.Count > 0)
        {
            sb.AppendLine().AppendLine("Overdue (past the platform's deadline, not removed), most overdue first:");
            AppendAligned(sb, ["platform", "request", "state", "sent at", "deadline", "overdue by", "url"],
                [.. overdue.Select(x => new[] { x.Platform, N(x.o.Id), x.o.State, x.o.SentAt ?? "–", x.o.DeadlineAt, Duration(x.o.OverdueBy), x.o.Url })]);
        }

        return sb.ToString();
    }

    public static byte[] Json(IReadOnlyList<PlatformStats> figures, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }))
        {
            w.WriteStartObject();
            w.WriteString("generated_at", Iso.ToText(now));
            w.WriteString("time_to_takedown", Measure);
            w.WriteStartArray("platforms");
            foreach (var p in figures)
            {
                w.WriteStartObject();
                w.WriteString("platform", p.Platform);
                w.WriteNumber("total", p.Total);
                w.WriteStartObject("by_state");
                foreach (var (state, count) in p.ByState)
                {
                    w.WriteNumber(state, count);
                }

                w.WriteEndObject();
                Seconds(w, "median_seconds_decided_to_removed", p.MedianFromDecided);
                w.WriteNumber("removed_count", p.RemovedCount);
                Seconds(w, "median_seconds_sent_to_removed", p.MedianFromSent);
                w.WriteNumber("removed_after_send_count", p.RemovedAfterSendCount);
                w.WriteStartArray("overdue");
                foreach (var o in p.Overdue)
                {
                    w.WriteStartObject();
                    w.WriteNumber("request_id", o.Id);
                    w.WriteString("url", o.Url);
                    w.WriteString("title", o.Title);
                    w.WriteString("state", o.State);
                    w.WriteString("sent_at", o.SentAt);
                    w.WriteString("deadline_at", o.DeadlineAt);
                    w.WriteNumber("overdue_seconds", Math.Round(o.OverdueBy.TotalSeconds));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>"2d 03h", "5h 07m", "12m" — or "–" when nothing was removed.</summary>
    public static string Duration(TimeSpan? value, int over = -1)
    {
        if (value is not { } d)
        {
            return "–";
        }

        var text = d.TotalDays >= 1 ? $"{(int)d.TotalDays}d {d.Hours:00}h" : d.TotalHours >= 1 ? $"{(int)d.TotalHours}h {d.Minutes:00}m" : $"{(int)Math.Round(d.TotalMinutes)}m";
        return over >= 0 ? $"{text} (n={over})" : text;
    }

    private static void Seconds(Utf8JsonWriter w, string name, TimeSpan? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v.TotalSeconds));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static void AppendAligned(StringBuilder sb, string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        void Line(string[] cells) => sb.AppendLine(string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        Line([.. widths.Select(w => new string('-', w))]);
        foreach (var r in rows)
        {
            Line(r);
        }
    }
}
