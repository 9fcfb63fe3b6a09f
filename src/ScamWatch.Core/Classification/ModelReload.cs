namespace ScamWatch.Classification;

/// <summary>What a reload of the promoted model did, and why.</summary>
public sealed record ModelReload(ModelReloadOutcome Outcome, string ServingVersion, string? PromotedVersion, string Reason)
{
    public bool Swapped => Outcome == ModelReloadOutcome.Swapped;
}

public enum ModelReloadOutcome
{
    /// <summary>The promoted version is the one already in service.</summary>
    Unchanged,

    /// <summary>The promoted version loaded and now serves.</summary>
    Swapped,

    /// <summary>The promoted version could not be loaded (missing, corrupt, unreadable); the old one keeps serving.</summary>
    Refused,
}
