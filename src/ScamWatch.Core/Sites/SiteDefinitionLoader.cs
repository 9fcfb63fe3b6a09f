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

        if (site.Kind != "html")
        {
            problems.Add($"\"kind\" \"{site.Kind}\" is not supported; use \"html\"");
        }

        if (site.StartUrls.Count == 0)
        {
            problems.Add("\"startUrls\" needs at least one URL");
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
