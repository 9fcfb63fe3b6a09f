namespace ScamWatch.Tests.Support.TestSites;

/// <summary>A posting on the JSON-LD career site; the fields become a schema.org JobPosting.</summary>
internal sealed record CareerPost : FixturePost
{
    public required string Company { get; init; }

    /// <summary>ISO 3166-1 alpha-2, or null when the posting leaves the country out.</summary>
    public string? Country { get; init; }

    /// <summary>Writes addressCountry as a schema.org Country object instead of a plain code.</summary>
    public bool CountryAsObject { get; init; }

    public string? Locality { get; init; }

    public long? SalaryValue { get; init; }

    public long? SalaryMin { get; init; }

    public long? SalaryMax { get; init; }

    public string SalaryUnit { get; init; } = "MONTH";

    public string Currency { get; init; } = "KRW";

    public string? ContactEmail { get; init; }

    public string? ContactPhone { get; init; }

    public string? ContactUrl { get; init; }

    public string EmploymentType { get; init; } = "FULL_TIME";
}
