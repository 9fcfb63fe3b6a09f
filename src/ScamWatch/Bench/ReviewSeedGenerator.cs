using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ScamWatch.Classification;
using ScamWatch.Demo;
using ScamWatch.Extraction;
using ScamWatch.Posts;
using ScamWatch.Review;

namespace ScamWatch.Bench;

/// <summary>
/// Makes the review benchmark's posts from real Korean templates (the training corpus and the demo board) with
/// variations: titles, body lengths, contacts drawn from shared pools (so campaigns form), edits that add versions.
/// The real model scores each template once (about 2 ms a post, too slow to score 100,000 variants in a seeding
/// budget of seconds); a variant takes its template's verdict with the score moved by up to ±0.5 in log-odds (flagged
/// again against the threshold; a near-certain 1.0, as the model gives about a quarter of lures, stays 1.0) and each rule's span found again in the variant's own text. Likewise the SimHash is taken
/// over the normalised pieces a variant is made of, each piece normalised once (SimHash ignores spaces and
/// punctuation, so only normalisation across a piece boundary could differ from hashing the whole text). Deterministic
/// per post index, and safe to call from several threads.
/// </summary>
public sealed class ReviewSeedGenerator
{
    /// <summary>Share of posts drawn from lure templates; the model then decides which are flagged.</summary>
    public const double LureShare = 0.27;

    public static readonly TimeSpan Span = TimeSpan.FromDays(90);

    /// <summary>How far a variant's score may move from its template's, in log-odds.</summary>
    public const double LogOddsJitter = 0.5;

    private static readonly string[] Reviewers = ["kim.hr", "lee.sj", "park.my", "choi.yn", "jung.dh", "han.sb"];
    private static readonly string[] TitlePrefixes = ["[급구] ", "[재공고] ", "(마감임박) ", "★ ", "[단기] ", "[신규] "];
    private static readonly string[] Districts = ["강남", "부산 해운대", "인천 부평", "대구 동성로", "수원 인계동", "광주 상무지구", "대전 둔산", "울산 삼산"];
    private static readonly string[] LegitLines =
    [
        "주말 근무 가능하신 분 우대합니다.", "경력 없어도 친절하게 알려드립니다.", "근무 시작일은 협의 가능합니다.", "4대보험 가입, 주휴수당 지급합니다.",
        "문자로 이름과 나이 남겨주세요.", "교통비 별도 지원합니다.", "식사 제공, 유니폼 지급.", "장기 근무자 우대, 단기 불가.",
        "면접은 매장에서 진행합니다 (약 20분).", "자세한 내용은 전화 주시면 안내드립니다.",
    ];
    private static readonly string[] LureLines =
    [
        "비자·항공권 전부 회사 부담, 여권만 준비하세요.", "경력 무관, 한국어만 가능하면 됩니다.", "숙소 제공, 월 500 이상 보장.", "출국 전 선불 지급 가능합니다.",
        "자세한 건 텔레그램으로만 안내합니다.", "신분증 사본 먼저 보내주세요.", "동남아 현지 법인, 고객 상담 업무입니다.", "인원 마감 임박, 빨리 연락 주세요.",
        "주변에 알리지 말고 조용히 오실 분만.", "첫 달부터 수당 지급, 나이 제한 없음.",
    ];
    private static readonly string[] HandleStems = ["hr_cambo", "vip_job", "abroad_pay", "th_manager", "lao_recruit", "mm_office", "ph_cs_team", "vn_desk"];
    private static readonly string[] Notes = ["연락처가 기존 캠페인과 동일", "해외 숙소·항공권 제공 문구", "일반 구인글로 보임", "추가 확인 필요", "신고 접수 건과 동일 문구"];

    private readonly IReadOnlyList<PostRecord> _lures;
    private readonly IReadOnlyList<PostRecord> _legit;
    private readonly Dictionary<PostRecord, Verdict> _verdicts;
    private readonly ConcurrentDictionary<string, string> _normalized = new(StringComparer.Ordinal);
    private readonly int _count;
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset _start;

    public ReviewSeedGenerator(IReadOnlyList<PostRecord> templates, LureModel model, int count, DateTimeOffset now)
    {
        _lures = [.. templates.Where(t => t.Label == "lure")];
        _legit = [.. templates.Where(t => t.Label != "lure")];
        if (_lures.Count == 0 || _legit.Count == 0)
        {
            throw new ArgumentException("templates need both lure and legit posts", nameof(templates));
        }

        var verdicts = new Verdict[templates.Count];
        Parallel.For(0, templates.Count, i => verdicts[i] = model.Classify(PostText.From(templates[i])));
        _verdicts = new Dictionary<PostRecord, Verdict>(templates.Zip(verdicts).Select(p => KeyValuePair.Create(p.First, p.Second)), ReferenceEqualityComparer.Instance);
        _count = count;
        _now = now;
        _start = now - Span;
    }

    /// <summary>The training corpus (when run from the repository root) and the embedded demo board's posts.</summary>
    public static async Task<IReadOnlyList<PostRecord>> LoadTemplatesAsync(string corpusDirectory, CancellationToken ct)
    {
        var templates = DemoBoard.LoadEmbedded().Select(p => new PostRecord
        {
            Id = "demo-" + p.No.ToString(CultureInfo.InvariantCulture),
            Title = p.Title,
            Body = p.Body,
            Company = p.Company,
            Location = p.Region,
            Salary = p.Pay,
            EmploymentType = p.EmploymentType,
            Contact = p.Contact,
            Site = "albaplus",
            Label = p.DemoTruth,
        }).ToList();
        if (Directory.Exists(corpusDirectory))
        {
            foreach (var file in Directory.GetFiles(corpusDirectory, "*.jsonl").Order(StringComparer.Ordinal))
            {
                using var reader = new StreamReader(file, Encoding.UTF8);
                await foreach (var line in PostRecordReader.ReadAsync(reader, requireLabel: true, ct).ConfigureAwait(false))
                {
                    if (line.Record is { } r && !string.IsNullOrWhiteSpace(r.Title) && !string.IsNullOrWhiteSpace(r.Body))
                    {
                        templates.Add(r);
                    }
                }
            }
        }

        return templates;
    }

    public SeedPost Create(int index)
    {
        var rng = new Random(unchecked((index + 1) * 1_000_003));
        var lure = rng.NextDouble() < LureShare;
        var pool = lure ? _lures : _legit;
        var template = pool[rng.Next(pool.Count)];
        var site = "bench-" + (template.Site ?? "albaplus");
        var sitePostId = (3_000_000 + index).ToString(CultureInfo.InvariantCulture);
        var url = $"https://{site}.bench.test/jobs/view?no={sitePostId}";
        // Ids grow with time, as they do when posts are crawled as they appear.
        var firstSeen = _start + Span * ((double)index / _count) + TimeSpan.FromMinutes(rng.Next(60));
        var pieces = new List<string>();
        var post = new ExtractedPost
        {
            SitePostId = sitePostId,
            Url = url,
            Title = Title(rng, template.Title!, pieces),
            Body = Body(rng, template.Body!, pool, lure, pieces),
            Company = template.Company,
            Location = template.Location,
            Salary = template.Salary,
            EmploymentType = template.EmploymentType,
            Contact = Contact(rng, template.Contact, lure),
            PostedAt = firstSeen.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var verdict = _verdicts[template];
        var versions = new List<SeedVersion> { Version(rng, post, verdict, firstSeen) };
        var edits = rng.NextDouble() switch { < 0.03 => 2, < 0.13 => 1, _ => 0 };
        var at = firstSeen;
        for (var e = 0; e < edits; e++)
        {
            at += TimeSpan.FromMinutes(rng.Next(30, 5 * 24 * 60));
            if (at >= _now)
            {
                break;
            }

            post = Edit(rng, post, lure, pieces);
            versions.Add(Version(rng, post, verdict, at));
        }

        var lastSeen = Min(_now, at + TimeSpan.FromHours(rng.Next(0, 14 * 24)));
        var removed = lastSeen + TimeSpan.FromHours(rng.Next(6, 72));
        var latest = versions[^1].Post;
        return new SeedPost(site, sitePostId, url, versions, firstSeen, lastSeen, rng.NextDouble() < 0.04 && removed < _now ? removed : null,
            SimHash.Compute(string.Join('\n', pieces.Select(p => _normalized.GetOrAdd(p, TextNormalizer.NormalizeText)))), ContactHandles.Extract(latest.Contact, latest.Body, latest.Title),
            Queue(rng, versions));
    }

    private static SeedVersion Version(Random rng, ExtractedPost post, Verdict template, DateTimeOffset at)
    {
        var text = PostText.Join(post.Title, post.Body, post.Company, post.Location, post.Salary, post.EmploymentType, post.Contact);
        var p = Math.Clamp(template.Score, 1e-6, 1 - 1e-6);
        var score = Math.Round(1 / (1 + Math.Exp(-(Math.Log(p / (1 - p)) + (rng.NextDouble() * 2 - 1) * LogOddsJitter))), 4);
        var reasons = template.Reasons.Select(r => r.Kind == "rule"
            ? r with { Start = text.IndexOf(r.Text, StringComparison.Ordinal), Length = text.Contains(r.Text, StringComparison.Ordinal) ? r.Text.Length : 0 }
            : r).ToList();
        var verdict = template with { Score = score, Flagged = score >= template.Threshold, Reasons = reasons };
        var headers = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["content-type"] = "text/html; charset=utf-8",
            ["date"] = at.ToString("r", CultureInfo.InvariantCulture),
            ["server"] = "nginx",
        });
        var evidence = new Evidence(post.Url, at, 200, "text/html; charset=utf-8", headers, Encoding.UTF8.GetBytes(Page(post)));
        return new SeedVersion(post, post.ContentHash(), at, evidence, evidence.Compress(), verdict, ClassificationStore.SerializeReasons(verdict.Reasons));
    }

    /// <summary>The queue item a flagged post would have, and the decisions older items are likely to have had.</summary>
    private SeedReview? Queue(Random rng, IReadOnlyList<SeedVersion> versions)
    {
        // The queue item follows the post's latest flagged version (EnqueueAsync updates an open item on each flag).
        var flagged = versions.Count - 1;
        while (flagged >= 0 && !versions[flagged].Verdict.Flagged)
        {
            flagged--;
        }

        if (flagged < 0)
        {
            return null;
        }

        var enqueuedAt = versions.First(v => v.Verdict.Flagged).CapturedAt;
        var age = (_now - enqueuedAt) / Span;
        var decidedAt = Max(enqueuedAt, versions[^1].CapturedAt) + TimeSpan.FromMinutes(rng.Next(10, 3 * 24 * 60));
        if (rng.NextDouble() >= 0.6 * age || decidedAt >= _now)
        {
            // Open; a few still carry another reviewer's lapsed lease.
            return rng.NextDouble() < 0.02
                ? new SeedReview(flagged, enqueuedAt, ReviewStatus.Open, null, Pick(rng, Reviewers), _now - TimeSpan.FromMinutes(rng.Next(5, 600)), [])
                : new SeedReview(flagged, enqueuedAt, ReviewStatus.Open, null, null, null, []);
        }

        var score = versions[flagged].Verdict.Score;
        var reviewer = Pick(rng, Reviewers);
        var decisions = new List<SeedDecision>();
        if (rng.NextDouble() < 0.10)
        {
            decisions.Add(new SeedDecision(reviewer, ReviewStatus.Escalated, null, rng.NextDouble() < 0.5 ? Pick(rng, Notes) : null, decidedAt));
            var later = decidedAt + TimeSpan.FromHours(rng.Next(1, 48));
            if (rng.NextDouble() < 0.5 || later >= _now)
            {
                return new SeedReview(flagged, enqueuedAt, ReviewStatus.Escalated, decidedAt, null, null, decisions);
            }

            decidedAt = later;
            reviewer = Pick(rng, [.. Reviewers.Where(r => r != reviewer)]);
        }

        var confirm = rng.NextDouble() < 0.2 + 0.7 * score;
        var reason = rng.NextDouble() switch { < 0.7 => "employment-fraud", < 0.9 => "voice-phishing-recruitment", _ => "trafficking" };
        decisions.Add(new SeedDecision(reviewer, confirm ? ReviewStatus.Confirmed : ReviewStatus.Rejected, confirm ? reason : null,
            rng.NextDouble() < 0.3 ? Pick(rng, Notes) : null, decidedAt));
        return new SeedReview(flagged, enqueuedAt, decisions[^1].Decision, decidedAt, null, null, decisions);
    }

    private static string Title(Random rng, string title, List<string> pieces)
    {
        var prefix = rng.NextDouble() < 0.25 ? Pick(rng, TitlePrefixes) : "";
        var suffix = rng.NextDouble() < 0.2 ? $" ({Pick(rng, Districts)})" : "";
        pieces.AddRange([prefix, title, suffix]);
        return prefix + title + suffix;
    }

    /// <summary>The template's body, sometimes cut short, joined with others (long posts), or with a few lines added.</summary>
    private static string Body(Random rng, string body, IReadOnlyList<PostRecord> pool, bool lure, List<string> pieces)
    {
        var roll = rng.NextDouble();
        if (roll < 0.10)
        {
            var lines = body.Split('\n');
            body = string.Join('\n', lines.Take(Math.Max(1, (lines.Length + 1) / 2)));
        }

        var parts = new List<string> { body };
        if (roll is >= 0.10 and < 0.25)
        {
            parts.AddRange(Enumerable.Range(0, roll < 0.22 ? 1 : rng.Next(2, 5)).Select(_ => "\n\n" + pool[rng.Next(pool.Count)].Body));
        }

        if (rng.NextDouble() < 0.45)
        {
            parts.AddRange(Enumerable.Range(0, rng.Next(1, 4)).Select(_ => "\n" + Pick(rng, lure ? LureLines : LegitLines)));
        }

        pieces.AddRange(parts);
        return string.Concat(parts);
    }

    /// <summary>
    /// Lure contacts come from a pool of messenger handles where a few are reused often (one actor, many posts);
    /// legitimate ones are mostly private mobile numbers, some shared by a shop's several posts.
    /// </summary>
    private static string? Contact(Random rng, string? contact, bool lure)
    {
        if (lure)
        {
            return rng.NextDouble() < 0.65 ? LureHandle((int)(2000 * Math.Pow(rng.NextDouble(), 1.5))) : contact;
        }

        return rng.NextDouble() switch
        {
            < 0.85 => Mobile(rng.Next(1000, 10000), rng.Next(1000, 10000)),
            < 0.95 => Mobile(2000 + rng.Next(800), 7000),
            _ => contact,
        };
    }

    private static string LureHandle(int k)
    {
        var name = HandleStems[k % HandleStems.Length] + (k / HandleStems.Length).ToString("x2", CultureInfo.InvariantCulture);
        return (k % 4) switch
        {
            0 => "텔레그램 @" + name,
            1 => "t.me/" + name,
            2 => "카톡 ID: " + name,
            _ => "open.kakao.com/o/s" + (k * 7919).ToString("x6", CultureInfo.InvariantCulture),
        };
    }

    private static string Mobile(int middle, int last) => string.Create(CultureInfo.InvariantCulture, $"010-{middle}-{last}");

    private static ExtractedPost Edit(Random rng, ExtractedPost post, bool lure, List<string> pieces)
    {
        var roll = rng.NextDouble();
        if (roll < 0.4)
        {
            return post with { Salary = (post.Salary ?? "") + Pick(rng, [" (인상)", " + 인센티브", " (협의 가능)"]) };
        }

        if (roll < 0.7)
        {
            var line = "\n※ 수정: " + Pick(rng, lure ? LureLines : LegitLines);
            pieces.Add(line);
            return post with { Body = post.Body + line };
        }

        return post with { Contact = Contact(rng, null, lure) ?? LureHandle(rng.Next(2000)) };
    }

    /// <summary>A plain board detail page around the post, as the crawler would have captured it.</summary>
    private static string Page(ExtractedPost p)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        return $"""
            <!doctype html><html lang="ko"><head><meta charset="utf-8"><title>{E(p.Title)} - 구인게시판</title>
            <link rel="stylesheet" href="/css/board.css"></head><body><header><nav><a href="/">홈</a> <a href="/jobs">채용정보</a> <a href="/login">로그인</a></nav></header>
            <main><article class="post"><h1>{E(p.Title)}</h1><table class="info"><tr><th>회사</th><td>{E(p.Company)}</td></tr><tr><th>지역</th><td>{E(p.Location)}</td></tr>
            <tr><th>급여</th><td>{E(p.Salary)}</td></tr><tr><th>고용형태</th><td>{E(p.EmploymentType)}</td></tr><tr><th>연락처</th><td>{E(p.Contact)}</td></tr><tr><th>등록일</th><td>{E(p.PostedAt)}</td></tr></table>
            <div class="body">{E(p.Body).Replace("\n", "<br>\n", StringComparison.Ordinal)}</div></article></main>
            <footer><p>게시물 번호 {E(p.SitePostId)} · 허위·과장 구인광고는 신고해 주세요.</p></footer></body></html>
            """;
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
