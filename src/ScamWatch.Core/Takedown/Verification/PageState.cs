namespace ScamWatch.Takedown.Verification;

/// <summary>Up, gone, or no answer.</summary>
public enum PageState
{
    Up,
    Gone,
    Unknown,
}
