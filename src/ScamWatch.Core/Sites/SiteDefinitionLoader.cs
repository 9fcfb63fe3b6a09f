using System.Text.Json;

namespace ScamWatch.Sites;

/// <summary>Reads site definitions from a file or a folder of <c>*.json</c> files and says exactly what is wrong with a bad one.</summary>
public static class SiteDefinitionLoader
{
    private static readonly JsonSerializerOptions Json = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public sealed record LoadResult(IReadOnlyList<SiteDefinition> Sites, IReadOnlyList<string> Errors);

    public static LoadResult Load(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : [];
        if (files.Length == 0)
        {
            return new LoadResult([], [$"{path}: no site definition file found"]);
        }

        var sites = new List<SiteDefinition>();
        var errors = new List<string>();
        foreach (var file in files)
        {
            try
            {
                var site = Parse(File.ReadAllText(file));
                var problems = Validate(site);
                if (problems.Count > 0)
                {
                    errors.AddRange(problems.Select(p => $"{file}: {p}"));
                }
                else if (sites.Any(s => s.Name == site.Name))
                {
                    errors.Add($"{file}: site name \"{site.Name}\" is used by another definition");
                }
                else
                {
                    sites.Add(site);
                }
            }
            catch (JsonException ex)
            {
                errors.Add($"{file}: invalid JSON at line {ex.LineNumber + 1}: {ex.Message.Split(" Path:")[0]}");
            }
        }

        return new LoadResult(sites, errors);
    }

    public static SiteDefinition Parse(string json) =>
        JsonSerializer.Deserialize<SiteDefinition>(json, Json) ?? throw new JsonException("empty site definition");

    public static IReadOnlyList<string> Validate(SiteDefinition site)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(site.Name))
        {
            problems.Add("\"name\" is required");
        }

        if (!Uri.TryCreate(site.BaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            problems.Add($"\"baseUrl\" must be an absolute http(s) URL, found \"{site.BaseUrl}\"");
        }

        switch (site.Kind)
        {
            case "html" when site.StartUrls.Count == 0 && site.Sitemaps.Count == 0:
                problems.Add("kind \"html\" needs \"startUrls\" (list pages) or \"sitemaps\"");
                break;
            case "jsonld" when site.StartUrls.Count == 0 && site.Sitemaps.Count == 0:
                problems.Add("kind \"jsonld\" needs \"sitemaps\" or \"startUrls\" with \"list.linkSelector\"");
                break;
            case "api" when site.Api is null || string.IsNullOrWhiteSpace(site.Api.ListUrl):
                problems.Add("kind \"api\" needs \"api.listUrl\"");
                break;
            case "api" when !site.Api!.ListUrl.Contains("{cursor}", StringComparison.Ordinal) && !site.Api.ListUrl.Contains("{page}", StringComparison.Ordinal):
                problems.Add("\"api.listUrl\" needs {cursor} or {page}");
                break;
            case "html" or "jsonld" or "api":
                break;
            default:
                problems.Add($"\"kind\" \"{site.Kind}\" is not supported; use \"html\", \"jsonld\" or \"api\"");
                break;
        }

        foreach (var (name, pattern) in new[] { ("postIdPattern", site.PostIdPattern), ("detailUrlPattern", site.DetailUrlPattern) })
        {
            if (pattern is not null && !IsValidRegex(pattern))
            {
                problems.Add($"\"{name}\" is not a valid regular expression: {pattern}");
            }
        }

        if (site.Politeness.MinDelayMs < 0 || site.Politeness.MaxConcurrency < 1)
        {
            problems.Add("\"politeness\" needs minDelayMs >= 0 and maxConcurrency >= 1");
        }

        if (site.Schedule is not null && !IsValidCron(site.Schedule))
        {
            problems.Add($"\"schedule\" \"{site.Schedule}\" is not a valid Quartz cron expression (seconds minutes hours day month weekday)");
        }

        if (site.List.MaxPages is < 1 or > 10_000)
        {
            problems.Add("\"list.maxPages\" must be between 1 and 10000");
        }

        return problems;
    }

    private static bool IsValidRegex(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsValidCron(string expression)
    {
        try
        {
            _ = new Quartz.CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
