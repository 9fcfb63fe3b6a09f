namespace ScamWatch.Web;

/// <summary>Cuts post text into plain and highlighted pieces for the rule spans (overlaps: the earlier span wins).</summary>
public static class Highlighter
{
    public sealed record Piece(string Text, string? Rule);

    public static IReadOnlyList<Piece> Split(string text, IEnumerable<(int Start, int Length, string Rule)> spans)
    {
        var pieces = new List<Piece>();
        var at = 0;
        foreach (var (start, length, rule) in spans.Where(s => s.Start >= 0 && s.Length > 0 && s.Start + s.Length <= text.Length).OrderBy(s => s.Start))
        {
            if (start < at)
            {
                continue;
            }

            if (start > at)
            {
                pieces.Add(new Piece(text[at..start], null));
            }

            pieces.Add(new Piece(text.Substring(start, length), rule));
            at = start + length;
        }

        if (at < text.Length)
        {
            pieces.Add(new Piece(text[at..], null));
        }

        return pieces;
    }
}
