namespace ScamWatch.Takedown;

/// <summary>The organisation that files takedown reports (XARF reporter and sender, STIX identity).</summary>
public sealed record TakedownReporter(string Org, string Contact, string Domain)
{
    public static readonly TakedownReporter Default = new("ScamWatch", "takedown@scamwatch.example", "scamwatch.example");
}
