using Microsoft.AspNetCore.Http;

namespace ScamWatch.Web;

/// <summary>
/// UI labels in Korean (the default, and the key) with English translations; the language comes from the
/// <c>lang</c> cookie set by <c>/lang/{ko|en}</c>. Post content is never translated.
/// </summary>
public sealed class Labels(IHttpContextAccessor http)
{
    public const string Cookie = "scamwatch-lang";

    private static readonly Dictionary<string, string> English = new(StringComparer.Ordinal)
    {
        ["검토 대기열"] = "Review queue",
        ["상급 검토"] = "Escalated",
        ["삭제 요청"] = "Takedowns",
        ["로그아웃"] = "Sign out",
        ["단축키"] = "Keyboard shortcuts",
        ["다음 / 이전"] = "next / previous",
        ["열기"] = "open",
        ["사기 확정"] = "confirm lure",
        ["사기 아님"] = "not a lure",
        ["상급 검토 요청"] = "escalate",
        ["단축키 보기"] = "show keys",
        ["대기"] = "Open",
        ["2차 검토"] = "Second review",
        ["정렬"] = "Order",
        ["위험도 높은 순"] = "highest risk first",
        ["판단 애매한 순"] = "most uncertain first",
        ["이 목록에 게시물이 없습니다."] = "No posts in this list.",
        ["점수"] = "Score",
        ["사이트"] = "Site",
        ["제목"] = "Title",
        ["연락처"] = "Contact",
        ["주요 근거"] = "Main reasons",
        ["상태"] = "Status",
        ["검토 중"] = "claimed by",
        ["(제목 없음)"] = "(no title)",
        ["게시물 번호"] = "post no.",
        ["최초 수집"] = "first seen",
        ["최근 확인"] = "last seen",
        ["삭제됨"] = "removed",
        ["버전"] = "versions",
        ["원문 주소(링크 아님)"] = "Original URL (not a link)",
        ["수집된 원본 페이지 보기 (텍스트)"] = "View the captured page (as text)",
        ["증거"] = "evidence",
        ["기준"] = "threshold",
        ["모델"] = "model",
        ["근거"] = "Reasons",
        ["규칙"] = "rule",
        ["단어"] = "term",
        ["사유"] = "Reason",
        ["메모"] = "Note",
        ["사기 확정 (c)"] = "Confirm lure (c)",
        ["사기 아님 (n)"] = "Not a lure (n)",
        ["상급 검토 (e)"] = "Escalate (e)",
        ["해외 취업 사기 유인"] = "Overseas employment fraud lure",
        ["보이스피싱 가담자 모집"] = "Recruiting for voice phishing",
        ["인신매매·감금 위험"] = "Trafficking / confinement risk",
        ["같은 캠페인 (연락처 공유·유사 문구)"] = "Same campaign (shared contact or near-duplicate text)",
        ["연결된 게시물 없음"] = "No linked posts",
        ["대기열 아님"] = "not queued",
        ["감사 기록"] = "Audit log",
        ["아직 판정 없음"] = "No decision yet",
        ["플랫폼별 삭제 요청"] = "Takedown requests by platform",
        ["아직 확정된 사기 게시물이 없습니다."] = "No confirmed lures yet.",
        ["플랫폼"] = "Platform",
        ["요청 수"] = "Requests",
        ["내려받기"] = "Download",
        ["수집 원본"] = "Captured page",
        ["수집된 원본 페이지"] = "Captured page",
        ["스크립트·외부 리소스·양식이 실행되지 않도록 텍스트로만 보여 줍니다."] = "Shown as text only, so no script, remote resource or form from the page can run.",
        ["수집 시각"] = "Fetched at",
        ["HTTP 상태"] = "HTTP status",
        ["크기"] = "Size",
        ["바이트"] = "bytes",
        ["로그인"] = "Sign in",
        ["ScamWatch 로그인"] = "ScamWatch sign-in",
        ["아이디"] = "User name",
        ["비밀번호"] = "Password",
        ["아이디 또는 비밀번호가 올바르지 않습니다."] = "User name or password is not correct.",
        ["기간"] = "Queued",
        ["적용"] = "Apply",
        ["변경 이력"] = "History",
        ["이 글과 캠페인"] = "Confirm this post and",
        ["건 모두 사기 확정"] = "campaign posts as lures",
        ["게시물"] = "Post",
        ["캠페인(연락처)"] = "Campaign (contact)",
        ["이전 쪽"] = "previous page",
        ["다음 쪽"] = "next page",
        ["쪽"] = "page",
        ["대기열에서 보기"] = "show in queue",
        ["정리된 원본 보기 (서식 유지, 스크립트·링크·이미지 제거)"] = "Sanitised captured page (layout kept; scripts, links and images removed)",
        ["수집된 원본 페이지 (정리본)"] = "Captured page (sanitised)",
        ["스크립트, 링크, 이미지, 양식, 스타일을 모두 제거한 사본입니다. 외부로 나가는 요청이 없습니다."] = "A copy with every script, link, image, form and style removed. Nothing is loaded from outside.",
        ["텍스트로 보기"] = "view as text",
        ["감사 기록 내보내기"] = "Export audit log",
    };

    public bool IsEnglish => http.HttpContext?.Request.Cookies[Cookie] == "en";

    public string Lang => IsEnglish ? "en" : "ko";

    public string this[string korean] => IsEnglish && English.TryGetValue(korean, out var en) ? en : korean;
}
