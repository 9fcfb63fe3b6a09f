namespace ScamWatch.Crawling.Robots;

/// <summary>Whether robots.txt lets us fetch a URL, and which rule (or situation) decided it.</summary>
public sealed record RobotsDecision(bool Allowed, string Reason)
{
    public override string ToString() => (Allowed ? "allowed: " : "disallowed: ") + Reason;
}
