namespace ScamWatch.Classification;

/// <summary>
/// A named red-flag rule in the Rspamd manner: a name, a default weight (used when no model is loaded and as the
/// documented strength), and a pure test over the normalised post. Negative weights are context that argues
/// against a lure (a police warning, an identifiable employer).
/// </summary>
public sealed record RedFlagRule(string Name, double Weight, string Description, Func<PostText, RuleHit?> Test);
