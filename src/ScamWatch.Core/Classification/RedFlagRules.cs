using System.Text.RegularExpressions;

namespace ScamWatch.Classification;

/// <summary>
/// The red-flag rules. Their order is the order of the model's rule features, so append new rules at the end
/// (a model card records the names it was trained with).
/// </summary>
public static partial class RedFlagRules
{
    public static IReadOnlyList<RedFlagRule> All { get; } =
    [
        Pattern("anonymous-messenger", 1.5, "Contact only through an anonymous messenger: Telegram, t.me, open chat link, WhatsApp, Signal, WeChat.",
            @"텔레그램|텔레그렘|텔래그램|텔그램|텔레\b|텔레(?=\s*[:@]|아이디|id|문의|연락|dm)|텔그(?=\s*[:@]|아이디|문의|연락)|t\.me/[\w_]+|tg\s*[:@]|오픈\s?채팅|오픈\s?톡|오픈카톡|오픈방|open\.kakao\.com/\S+|왓츠앱|왓츠업|시그널\s*(?:id|아이디|메신저)|위챗|signal\s*(?:id|:)"),
        Pattern("messenger-contact", 0.5, "Contact through a messenger ID (KakaoTalk, LINE) rather than a company phone or address.",
            @"카카오톡\s*(?:id|아이디|친추|추가)|카톡\s*(?:id|아이디|친추|추가|문의|주세요|으로|로)|카톡\s*[:@]|라인\s*(?:id|아이디)|line\s*(?:id|:)|\bdm\b|디엠|쪽지\s*주세요|@[a-z][a-z0-9_]{3,}"),
        Pattern("destination-high-risk", 1.5, "Destination in a country or city where Koreans are held in scam compounds, or under a travel ban.",
            @"캄보디아|프놈펜|시아누크빌|시하누크빌|시하눅빌|바벳|캄폿|보코|깜퐁|몬돌끼리|미얀마|묘와디|미야와디|kk파크|골든트라이앵글|라오스|보텐"),
        Pattern("destination-southeast-asia", 0.8, "Destination elsewhere in South-East Asia.",
            @"태국|방콕|파타야|필리핀|마닐라|클락|세부|베트남|호치민|하노이|다낭|말레이시아|쿠알라룸푸르|인도네시아|자카르타|두바이"),
        Pattern("destination-vague", 0.8, "Work abroad with the country left out.",
            @"해외|동남아|현지|외국|타국|따뜻한\s?나라|비행기\s?타고|출국"),
        Pattern("travel-paid", 1.2, "Flights, visa, lodging or meals paid by the employer.",
            @"(?:항공권|항공료|비행기\s?(?:표|티켓|값)|왕복\s?항공|편도\s?항공|항공|비자|숙소|숙식|기숙사|식사|픽업)[^.\n]{0,12}?(?:제공|지원|무료|전액|부담|지급|책임|해결|다\s?해|해\s?드)"),
        Pattern("passport-hook", 1.0, "Only a passport needed, or passport handed over.",
            @"여권만|여권\s?(?:소지|있으면|있으신|준비|발급|만\s?있)|여권\s?(?:보관|맡)"),
        Money("pay-very-high", 1.5, "Stated pay of 10 million won a month or more (or the daily/weekly equivalent).", 10_000_000),
        Money("pay-high", 0.8, "Stated pay of 5 million won a month or more.", 5_000_000),
        Pattern("income-guarantee", 1.2, "Guaranteed or extraordinary income promised.",
            @"고수익|고소득|수익\s?보장|수입\s?보장|월급\s?보장|보장\s?(?:해|합|됩)|억대|월\s?천|큰\s?돈|목돈|단기간에|단기\s?고수익|인센티브\s?무제한|무제한\s?인센"),
        Pattern("no-experience-any-age", 0.6, "No experience, age or education required; debt or bad credit welcome.",
            @"경력\s?무관|무경험|경험\s?없어도|초보\s?가능|초보\s?환영|나이\s?무관|연령\s?무관|학력\s?무관|누구나|신용\s?불량|신불자|빚|채무|대출\s?(?:있|많)|개인회생"),
        Pattern("secrecy", 1.0, "Details withheld until private contact.",
            @"자세한\s?(?:내용|사항|건)[은는]?\s?(?:dm|디엠|쪽지|톡|텔레|개인|연락|문의|따로)|비밀\s?보장|비공개|개인\s?(?:톡|연락)|따로\s?연락|문의\s?(?:는|시)?\s?(?:텔레|dm|디엠|톡)|통화\s?(?:불가|안\s?됩)|전화\s?(?:불가|사절|x)"),
        Pattern("urgency", 0.8, "Pressure to decide and leave quickly.",
            @"급구|당일\s?출국|즉시\s?출국|바로\s?출국|빠른\s?출국|당일\s?지급|선불|선지급|가불|마감\s?임박|인원\s?한정|선착순|오늘\s?출발|이번\s?주\s?출국|내일\s?출국|당일\s?출발"),
        Pattern("cover-job", 0.4, "A job kind used as cover in compounds: CS, chat, marketing, casino, translation, coin, game operation, data entry.",
            @"고객\s?상담|\bcs\b|채팅\s?상담|채팅|온라인\s?마케팅|마케팅|카지노|통역|번역|코인|투자\s?상담|리딩|게임\s?운영|데이터\s?입력|타이핑|텔레마케팅|온라인\s?영업"),
        Absence("missing-employer", 0.5, "No employer name, phone number or address."),
        Pattern("warning-context", -1.5, "Context of a warning or news report about job scams (quotes lure phrases to warn).",
            @"주의|경고|피해|사기|신고|경찰|외교부|조심|속지|예방|감금|납치|여행\s?금지|여행\s?경보|특별\s?여행|취업\s?사기|보이스\s?피싱|대사관|영사"),
        Pattern("established-employer", -1.0, "Verifiable employer: registration numbers, insurance, official programmes, formal hiring process.",
            @"사업자\s?(?:등록)?\s?번호|4대\s?보험|koica|코이카|한국국제협력단|산업인력공단|k-move|월드잡|주식회사|㈜|\(주\)|서류\s?전형|면접\s?전형|근로\s?계약|채용\s?절차|홈페이지|공고\s?번호|등록\s?번호|국민연금|퇴직금"),
        Pattern("tourism-context", -0.8, "Travel product or tour context (Angkor Wat tours and the like).",
            @"여행|투어|관광|앙코르|씨엠립|시엠립|패키지|가이드|\d박\s?\d일|호텔\s?예약|항공\s?일정"),
        JobNorm("pay-above-job-norm", 1.0, "Stated pay at least 2.5 times what the job kind usually pays in Korea (CS, chat, data entry, marketing, casino, translation, part-time)."),
    ];

    /// <summary>Runs every rule; the result is in rule order and carries only the rules that fired.</summary>
    public static IReadOnlyList<RuleHit> Evaluate(PostText post)
    {
        var hits = new List<RuleHit>();
        foreach (var rule in All)
        {
            var hit = rule.Test(post);
            if (hit is not null)
            {
                hits.Add(hit);
            }
        }

        return hits;
    }

    /// <summary>Names in feature order, stored in model cards.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(r => r.Name).ToArray();

    private static RedFlagRule Pattern(string name, double weight, string description, string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return new RedFlagRule(name, weight, description, post =>
        {
            var m = regex.Match(post.Normalized);
            if (!m.Success)
            {
                return null;
            }

            var (start, length) = post.Mapped.OriginalSpan(m.Index, m.Length);
            return new RuleHit(name, weight, SpanText(post, start, length, m.Value), start, length);
        });
    }

    private static RedFlagRule Money(string name, double weight, string description, double monthlyWon) =>
        new(name, weight, description, post =>
        {
            var top = post.Money.Where(m => m.MonthlyWon >= monthlyWon).MaxBy(m => m.MonthlyWon);
            if (top is null)
            {
                return null;
            }

            var (start, length) = post.Mapped.OriginalSpan(top.Start, top.Length);
            return new RuleHit(name, weight, SpanText(post, start, length, top.Text), start, length);
        });

    // Typical monthly pay in Korea (2025–26) for the job kinds lures use as cover, in won.
    private static readonly (Regex Job, double MonthlyNorm)[] JobNorms =
    [
        (new Regex(@"데이터\s?입력|타이핑|단순\s?사무|문서\s?작업|라벨링", RegexOptions.Compiled), 2_300_000),
        (new Regex(@"편의점|알바|아르바이트|서빙|홀\s?서빙", RegexOptions.Compiled), 2_200_000),
        (new Regex(@"고객\s?상담|\bcs\b|채팅\s?상담|상담원|콜센터|텔레마케팅", RegexOptions.Compiled), 2_800_000),
        (new Regex(@"마케팅|홍보|sns\s?관리|온라인\s?영업", RegexOptions.Compiled), 3_200_000),
        (new Regex(@"카지노|딜러|호텔|리셉션", RegexOptions.Compiled), 3_000_000),
        (new Regex(@"통역|번역", RegexOptions.Compiled), 3_500_000),
        (new Regex(@"게임\s?운영|\bgm\b|코인|투자\s?상담|리딩", RegexOptions.Compiled), 3_300_000),
    ];

    private static RedFlagRule JobNorm(string name, double weight, string description) =>
        new(name, weight, description, post =>
        {
            var job = JobNorms.FirstOrDefault(j => j.Job.IsMatch(post.Normalized));
            if (job.Job is null)
            {
                return null;
            }

            var top = post.Money.Where(m => m.MonthlyWon >= 2.5 * job.MonthlyNorm).MaxBy(m => m.MonthlyWon);
            if (top is null)
            {
                return null;
            }

            var (start, length) = post.Mapped.OriginalSpan(top.Start, top.Length);
            return new RuleHit(name, weight, SpanText(post, start, length, top.Text), start, length);
        });

    private static RedFlagRule Absence(string name, double weight, string description) =>
        new(name, weight, description, post =>
            post.HasCompany || PhoneOrAddressRegex().IsMatch(post.Normalized)
                ? null
                : new RuleHit(name, weight, "(no employer, phone or address)", -1, 0));

    /// <summary>The matched text as the post shows it (what a reviewer and an operator recognise), else the normalised match.</summary>
    private static string SpanText(PostText post, int start, int length, string normalized)
    {
        var text = length > 0 && start >= 0 && start + length <= post.Original.Length ? post.Original.Substring(start, length) : normalized;
        text = text.Replace('\n', ' ').Trim();
        return text.Length == 0 ? normalized.Trim() : text;
    }

    [GeneratedRegex(@"0\d{1,2}[-.\s]?\d{3,4}[-.\s]?\d{4}|1[568]\d{2}-\d{4}|[가-힣]+(?:시|군|구)\s[가-힣]+(?:로|길|동)\s?\d|사업자|주식회사|㈜|\(주\)")]
    private static partial Regex PhoneOrAddressRegex();
}
