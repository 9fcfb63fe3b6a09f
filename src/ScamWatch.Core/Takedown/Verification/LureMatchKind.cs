namespace ScamWatch.Takedown.Verification;

/// <summary>How a stored post matches a confirmed lure, strongest first.</summary>
public enum LureMatchKind
{
    /// <summary>The lure's own post, verified removed, is up again.</summary>
    SamePost,

    /// <summary>Nearly the same text (SimHash within <see cref="Posts.SimHash.MaxDistance"/> bits).</summary>
    NearDuplicate,

    /// <summary>Both are near-duplicates of the same earlier post (the duplicate-of chain).</summary>
    SameOriginal,

    /// <summary>Different text, but the same contact handle as the lure.</summary>
    SharedHandle,
}
