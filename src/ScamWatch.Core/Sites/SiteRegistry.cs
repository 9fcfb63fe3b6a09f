namespace ScamWatch.Sites;

/// <summary>The site definitions in force for this process.</summary>
public sealed class SiteRegistry
{
    private volatile IReadOnlyList<SiteDefinition> _sites = [];

    public IReadOnlyList<SiteDefinition> All => _sites;

    public void Set(IEnumerable<SiteDefinition> sites) => _sites = [.. sites];

    public SiteDefinition? Find(string name) => _sites.FirstOrDefault(s => s.Name == name);
}
