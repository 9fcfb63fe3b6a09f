using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ScamWatch.Crawling.Robots;

/// <summary>
/// A parsed robots.txt per RFC 9309: user-agent groups (ours by product token, else <c>*</c>; several matching groups
/// combine), <c>*</c> and <c>$</c> in paths, the longest matching rule wins and Allow wins a tie. Also reads the
/// non-standard Crawl-delay of the chosen group. Pure: text in, decisions out.
/// </summary>
public sealed partial class RobotsTxt
{
    private readonly List<Group> _groups;
    private readonly string _fallbackReason;
    private readonly bool _fallbackAllowed;

    private RobotsTxt(List<Group> groups, bool fallbackAllowed, string fallbackReason)
    {
        _groups = groups;
        _fallbackAllowed = fallbackAllowed;
        _fallbackReason = fallbackReason;
    }

    /// <summary>No robots.txt (4xx): everything is allowed.</summary>
    public static RobotsTxt AllowAll(string why) => new([], true, why);

    /// <summary>robots.txt unreachable (5xx, network): nothing may be fetched for now.</summary>
    public static RobotsTxt DisallowAll(string why) => new([new Group(["*"], [new Rule(false, "/", PatternRegex("/"))], null)], false, why) { IsUnavailable = true };

    /// <summary>True when robots.txt could not be read (5xx, network): the site is off-limits for now, which is a failure to report.</summary>
    public bool IsUnavailable { get; private init; }

    /// <summary>RFC 9309 asks crawlers to parse at least 500 KiB; more than that is ignored.</summary>
    public const int MaxBytes = 512 * 1024;

    public static RobotsTxt Parse(string text)
    {
        if (text.Length > MaxBytes)
        {
            text = text[..MaxBytes];
        }

        var groups = new List<Group>();
        List<string>? agents = null;
        List<Rule>? rules = null;
        TimeSpan? delay = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (!lastWasAgent)
                    {
                        Flush();
                        agents = [];
                        rules = [];
                        delay = null;
                    }

                    agents!.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" when rules is not null:
                    if (value.Length > 0)
                    {
                        var pattern = NormalizePattern(value);
                        rules.Add(new Rule(key == "allow", pattern, PatternRegex(pattern)));
                    }

                    break;
                case "crawl-delay" when rules is not null:
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds < 86_400)
                    {
                        delay = TimeSpan.FromSeconds(seconds);
                    }

                    break;
            }

            lastWasAgent = false;
        }

        Flush();
        return new RobotsTxt(groups, true, "no rule matches");

        void Flush()
        {
            if (agents is { Count: > 0 })
            {
                groups.Add(new Group(agents, rules ?? [], delay));
            }
        }
    }

    public RobotsDecision Check(string productToken, string pathAndQuery)
    {
        var rules = RulesFor(productToken, out var groupName);
        if (rules is null)
        {
            return new RobotsDecision(_fallbackAllowed, _fallbackReason);
        }

        var path = string.IsNullOrEmpty(pathAndQuery) ? "/" : pathAndQuery;
        if (path == "/robots.txt")
        {
            return new RobotsDecision(true, "robots.txt itself is always allowed");
        }

        Rule? best = null;
        foreach (var rule in rules)
        {
            if (rule.Regex.IsMatch(path) && (best is null || rule.Pattern.Length > best.Pattern.Length
                || (rule.Pattern.Length == best.Pattern.Length && rule.Allow && !best.Allow)))
            {
                best = rule;
            }
        }

        return best is null
            ? new RobotsDecision(_fallbackAllowed, $"no rule of group '{groupName}' matches")
            : new RobotsDecision(best.Allow, $"{(best.Allow ? "Allow" : "Disallow")}: {best.Pattern} (group '{groupName}')");
    }

    public TimeSpan? CrawlDelay(string productToken)
    {
        var token = productToken.ToLowerInvariant();
        var mine = _groups.Where(g => g.Agents.Contains(token)).ToList();
        var chosen = mine.Count > 0 ? mine : _groups.Where(g => g.Agents.Contains("*")).ToList();
        return chosen.Select(g => g.CrawlDelay).Where(d => d is not null).Max();
    }

    private List<Rule>? RulesFor(string productToken, out string groupName)
    {
        var token = productToken.ToLowerInvariant();
        var mine = _groups.Where(g => g.Agents.Contains(token)).ToList();
        if (mine.Count > 0)
        {
            groupName = token;
            return [.. mine.SelectMany(g => g.Rules)];
        }

        var star = _groups.Where(g => g.Agents.Contains("*")).ToList();
        groupName = "*";
        return star.Count > 0 ? [.. star.SelectMany(g => g.Rules)] : null;
    }

    /// <summary>Percent-encodes non-ASCII characters and upper-cases escapes, so patterns compare with encoded URL paths.</summary>
    private static string NormalizePattern(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b > 0x7F || b == ' ')
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append((char)b);
            }
        }

        return PercentEscapeRegex().Replace(sb.ToString(), m => m.Value.ToUpperInvariant());
    }

    private static Regex PatternRegex(string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var regex = "^" + string.Join(".*", body.Split('*').Select(Regex.Escape)) + (anchored ? "$" : "");
        return new Regex(regex, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    private sealed record Group(List<string> Agents, List<Rule> Rules, TimeSpan? CrawlDelay);

    private sealed record Rule(bool Allow, string Pattern, Regex Regex);

    [GeneratedRegex("%[0-9a-f]{2}")]
    private static partial Regex PercentEscapeRegex();
}
