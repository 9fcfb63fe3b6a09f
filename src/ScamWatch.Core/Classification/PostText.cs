namespace ScamWatch.Classification;

/// <summary>A post's text as the rules and the model see it: fields joined, normalised, money read out.</summary>
public sealed class PostText
{
    private PostText(MappedText mapped, bool hasCompany, IReadOnlyList<MoneyMention> money)
    {
        Mapped = mapped;
        HasCompany = hasCompany;
        Money = money;
    }

    /// <summary>
    /// The most text one post contributes to classification. Real posts are a few thousand characters; a hostile or
    /// broken page may be megabytes, and scoring all of it would only cost time (every lure signal sits in the
    /// first screens). Fields come first, then the body, so nothing but the tail of a huge body is cut.
    /// </summary>
    public const int MaxChars = 64 * 1024;

    public MappedText Mapped { get; }

    public string Normalized => Mapped.Text;

    public string Original => Mapped.Original;

    public bool HasCompany { get; }

    public IReadOnlyList<MoneyMention> Money { get; }

    /// <summary>Joins the fields a reviewer would read, in a fixed order, and normalises them once.</summary>
    public static PostText From(string? title, string? body, string? company = null, string? location = null,
        string? salary = null, string? employmentType = null, string? contact = null)
    {
        var original = Join(title, body, company, location, salary, employmentType, contact);
        var mapped = TextNormalizer.Normalize(original);
        return new PostText(mapped, !string.IsNullOrWhiteSpace(company), KoreanMoney.Find(mapped.Text));
    }

    /// <summary>The fields joined as <see cref="From(string?, string?, string?, string?, string?, string?, string?)"/> joins them (what rule spans index into).</summary>
    public static string Join(string? title, string? body, string? company = null, string? location = null,
        string? salary = null, string? employmentType = null, string? contact = null)
    {
        var parts = new List<string>(7);
        void Add(string? s)
        {
            if (!string.IsNullOrWhiteSpace(s))
            {
                parts.Add(s.Trim());
            }
        }

        Add(title);
        Add(company);
        Add(location);
        Add(salary);
        Add(employmentType);
        Add(contact);
        Add(body);
        var original = string.Join("\n", parts);
        if (original.Length > MaxChars)
        {
            var cut = char.IsHighSurrogate(original[MaxChars - 1]) ? MaxChars - 1 : MaxChars;
            original = original[..cut];
        }

        return original;
    }

    public static PostText From(Posts.PostRecord r) =>
        From(r.Title, r.Body, r.Company, r.Location, r.Salary, r.EmploymentType, r.Contact);
}
