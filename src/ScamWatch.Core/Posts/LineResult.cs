namespace ScamWatch.Posts;

/// <summary>One input line: either a usable record or the reason it was rejected.</summary>
public sealed record LineResult(int Line, PostRecord? Record, string? Error)
{
    public bool IsOk => Record is not null;

    public static LineResult Ok(int line, PostRecord record) => new(line, record, null);

    public static LineResult Fail(int line, string error) => new(line, null, error);
}
