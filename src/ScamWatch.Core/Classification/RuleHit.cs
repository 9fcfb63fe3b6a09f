namespace ScamWatch.Classification;

/// <summary>
/// A red-flag rule that fired: its name, its default weight, the matched text (normalised) and where that
/// text sits in the original post (for highlighting). Start is -1 when the rule describes an absence.
/// </summary>
public sealed record RuleHit(string Name, double Weight, string Text, int Start, int Length);
