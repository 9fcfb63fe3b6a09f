namespace ScamWatch.Takedown;

/// <summary>The legal-basis text sent with each reason code, so an operator knows why removal is requested.</summary>
public static class LegalBasis
{
    public static string For(string reasonCode) => reasonCode switch
    {
        "trafficking" => "인신매매 등 범죄 유인 게시물 (형법 제289조, 직업안정법 제46조) / Recruitment for human trafficking",
        "voice-phishing-recruitment" => "전기통신금융사기 가담자 모집 (전기통신금융사기 피해 방지 및 피해금 환급에 관한 특별법) / Recruitment for telecom fraud",
        _ => "허위·과장 구인광고 및 해외 취업 사기 유인 (직업안정법 제34조, 제47조) / False job advertisement luring to overseas fraud compounds",
    };
}
