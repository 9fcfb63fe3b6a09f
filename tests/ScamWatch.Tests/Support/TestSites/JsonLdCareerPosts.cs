namespace ScamWatch.Tests.Support.TestSites;

/// <summary>
/// The 28 postings of "커리어웨이": 21 ordinary jobs (among them legitimate overseas and high-pay work: a Middle-East
/// plant, deep-sea fishing, night-shift nursing, a volunteer programme, a hotel internship, an expatriate posting) and
/// 7 lures. A paragraph whose lines all start with "* " is a bullet list in the description.
/// </summary>
internal static class JsonLdCareerPosts
{
    public static IReadOnlyList<CareerPost> All { get; } =
    [
        new()
        {
            Id = "710288", PostedAt = "2026-11-24", Title = "백엔드 개발자 (Java/Spring, 3년 이상)", Company = "(주)한빛페이",
            Country = "KR", Locality = "서울특별시 강남구", SalaryMin = 55_000_000, SalaryMax = 75_000_000, SalaryUnit = "YEAR",
            ContactEmail = "recruit@hanbitpay.example.com",
            Body = """
                한빛페이 결제 플랫폼팀에서 백엔드 개발자를 모십니다.

                * 결제 승인, 정산 API 설계와 개발
                * 대용량 트랜잭션 처리 성능 개선
                * 장애 대응 및 모니터링 체계 운영

                자격 요건: Java, Spring Boot 실무 3년 이상, RDBMS 설계 경험.
                우대 사항: Kafka, Kubernetes 운영 경험, 금융권 프로젝트 경험.

                서류 전형, 1차 기술 면접, 2차 임원 면접 순으로 진행합니다.
                """,
        },
        new()
        {
            Id = "710285", PostedAt = "2026-11-24", IsLure = true, Title = "캄보디아 프놈펜 고객상담(CS) 직원 모집 - 월 1,000만원", Company = "KH Global Service",
            Country = "KH", Locality = "Phnom Penh", SalaryValue = 10_000_000, SalaryUnit = "MONTH", ContactUrl = "https://t.me/kh_global_cs",
            Body = """
                프놈펜 현지 한국인 고객을 상대로 하는 상담 업무입니다.
                외국어 능력은 필요 없으며 한국어로 채팅, 전화 상담만 진행합니다.

                * 월 1,000만원 (기본급 + 인센티브)
                * 왕복 항공권, 숙소, 식사 제공
                * 경력 무관, 만 20세 ~ 45세
                * 여권만 있으면 2주 안에 출국 가능

                지원 및 문의는 텔레그램 @kh_global_cs 로만 받습니다.
                """,
        },
        new()
        {
            Id = "710281", PostedAt = "2026-11-23", Title = "야간 전담 간호사 (나이트 킵, 월 14일 근무)", Company = "서울나은병원",
            Country = "KR", Locality = "서울특별시 노원구", SalaryMin = 60_000_000, SalaryMax = 72_000_000, SalaryUnit = "YEAR",
            ContactEmail = "nurse@naeun-hospital.example.com",
            Body = """
                나이트 전담 간호사를 채용합니다. 월 14일 근무, 연봉 최대 7,200만원.

                * 병동 야간 간호 업무 (내과 병동)
                * 월 14일 근무, 근무 후 2일 연속 휴무 보장
                * 기숙사 제공 (희망자)

                간호사 면허 소지자, 병동 경력 1년 이상.
                이메일로 이력서와 면허증 사본을 보내 주세요.
                """,
        },
        new()
        {
            Id = "710279", PostedAt = "2026-11-23", Title = "물류센터 입출고 관리자 (WMS)", Company = "대한로지스틱스(주)",
            Country = "KR", Locality = "경기도 이천시", SalaryMin = 38_000_000, SalaryMax = 45_000_000, SalaryUnit = "YEAR",
            Body = """
                이천 물류센터에서 입출고 관리 담당자를 채용합니다.

                * WMS 기반 입고, 출고, 재고 관리
                * 협력사 배차 일정 조율
                * 현장 작업자 10여 명 관리

                물류 관리 경력 2년 이상, 엑셀 중급 이상.
                지게차 자격증 소지자 우대.

                지원: hr@daehanlogis.example.com (제목에 "입출고 관리 지원" 표기)
                """,
        },
        new()
        {
            Id = "710276", PostedAt = "2026-11-22", Title = "중동 가스플랜트 배관 시공 감독 (사우디, 2년 계약)", Company = "삼우엔지니어링(주)",
            Country = "SA", Locality = "Jubail", SalaryValue = 9_500_000, SalaryUnit = "MONTH", ContactPhone = "02-2183-4410",
            Body = """
                사우디아라비아 주베일 가스플랜트 현장 배관 시공 감독을 채용합니다.

                * 계약 기간 2년 (연장 가능), 본사 정규직 전환 검토
                * 월 950만원 (해외근무수당 포함), 현장 숙소와 식사 제공
                * 4개월마다 14일 유급 휴가와 귀국 항공권 지급

                자격: 배관 시공 경력 10년 이상, 플랜트 현장 경험 필수.
                근로계약서는 출국 전 서울 본사에서 작성하며, 해외건설협회 신고 절차를 거칩니다.
                """,
        },
        new()
        {
            Id = "710274", PostedAt = "2026-11-22", IsLure = true, Title = "동남아 현지 법인 데이터 입력 사무직 (고수익 보장)", Company = "Asia Data Center",
            Locality = "동남아 현지", SalaryValue = 8_000_000, SalaryUnit = "MONTH", ContactUrl = "https://open.kakao.com/o/sAsiaData1",
            Body = """
                현지 법인 사무실에서 데이터 입력과 고객 관리 업무를 담당합니다.

                * 월 800만원 고수익 보장
                * 항공권, 비자, 숙소 전부 회사 부담
                * 나이, 학력, 경력 무관

                근무 국가는 합격 후 개별 안내합니다.
                카카오톡 오픈채팅으로 상담 후 바로 출국 일정을 잡아 드립니다.
                """,
        },
        new()
        {
            Id = "710270", PostedAt = "2026-11-21", Title = "UI/UX 디자이너 (앱 서비스, 경력 2~5년)", Company = "(주)모두의식탁",
            Country = "KR", Locality = "서울특별시 성동구", SalaryMin = 42_000_000, SalaryMax = 55_000_000, SalaryUnit = "YEAR",
            ContactEmail = "design-hire@modutable.example.com",
            Body = """
                음식 배달 앱 "모두의식탁"의 사용자 경험을 함께 만들 디자이너를 찾습니다.

                * 앱, 웹 화면 설계와 UI 디자인
                * 사용성 테스트 설계 및 개선안 도출
                * 디자인 시스템 운영

                Figma 능숙자, 포트폴리오 필수 제출.
                재택 주 2일 가능합니다.
                """,
        },
        new()
        {
            Id = "710267", PostedAt = "2026-11-21", Title = "해외 봉사단 파견 단원 모집 (라오스 교육 분야)", Company = "한국국제협력봉사단",
            Country = "LA", Locality = "Vientiane", SalaryValue = 1_200_000, SalaryUnit = "MONTH", EmploymentType = "TEMPORARY",
            ContactUrl = "https://volunteer.example.com/apply",
            Body = """
                라오스 비엔티안 교육 분야 봉사단원을 모집합니다. 파견 기간은 1년입니다.

                * 현지 초등학교 컴퓨터 교육 보조
                * 현지 교사 대상 교육 자료 제작
                * 파견 전 국내 합숙 교육 4주

                왕복 항공권, 현지 생활비(월 120만원 상당), 주거비, 의료보험을 지원합니다.
                모든 선발 절차는 공식 홈페이지에서만 진행하며, 메신저로 개별 연락하지 않습니다.
                """,
        },
        new()
        {
            Id = "710265", PostedAt = "2026-11-20", Title = "회계 담당자 (결산, 세무 신고)", Company = "(주)그린푸드시스템",
            Country = "KR", Locality = "경기도 성남시 분당구", SalaryMin = 40_000_000, SalaryMax = 50_000_000, SalaryUnit = "YEAR", ContactPhone = "031-789-2200",
            Body = """
                식품 제조사 재무팀에서 회계 담당자를 채용합니다.

                * 월 결산, 분기 결산, 연말 결산
                * 부가세, 법인세 신고 자료 준비
                * 거래처 채권 채무 관리

                더존 ERP 사용 가능자, 회계 실무 3년 이상.
                전산회계 1급 이상 자격증 우대.
                """,
        },
        new()
        {
            Id = "710262", PostedAt = "2026-11-20", IsLure = true, Title = "필리핀 세부 게임 운영팀 신규 오픈 (숙소 제공)", Company = "Cebu Play Co.",
            Country = "PH", CountryAsObject = true, Locality = "Cebu", SalaryValue = 7_000_000, SalaryUnit = "MONTH", ContactUrl = "https://t.me/cebu_play_hr",
            Body = """
                세부에 신규 오픈하는 온라인 게임 운영팀 인원을 모집합니다.

                * 월 700만원 + 실적 인센티브 (상한 없음)
                * 항공권, 숙소 제공, 도착 즉시 근무
                * 컴퓨터 기본 사용 가능자, 초보 환영

                면접은 메신저로 진행하며 합격 시 일주일 안에 출국합니다.
                """,
        },
        new()
        {
            Id = "710260", PostedAt = "2026-11-19", Title = "원양어선 항해사 (참치 선망, 10개월 승선)", Company = "대양수산(주)",
            Country = "KR", Locality = "부산광역시 영도구", SalaryValue = 12_000_000, SalaryUnit = "MONTH", ContactPhone = "051-410-7720",
            Body = """
                태평양 참치 선망선 2등 항해사를 모집합니다.

                * 승선 기간 약 10개월, 월 1,200만원 수준 (어획 성과급 별도)
                * 승선 전 부산 본사에서 근로계약, 선원수첩 발급 지원
                * 하선 후 유급 휴가

                2급 항해사 면허 이상, 원양 승선 경력 우대.
                해양수산부 등록 선원 관리 업체를 통해 정식 승선 절차를 진행합니다.
                """,
        },
        new()
        {
            Id = "710257", PostedAt = "2026-11-19", Title = "영업 관리 (B2B 산업용 자재)", Company = "(주)성진산업자재",
            Country = "KR", Locality = "인천광역시 남동구", SalaryMin = 36_000_000, SalaryMax = 48_000_000, SalaryUnit = "YEAR", ContactEmail = "sales@sungjin.example.com",
            Body = """
                산업용 자재 B2B 영업 관리 담당자를 모집합니다.

                * 기존 거래처 관리와 신규 거래처 발굴
                * 견적, 수주, 납기 관리
                * 월 1회 거래처 방문 (법인 차량 지원)

                영업 경력 2년 이상, 운전면허 1종 보통.
                """,
        },
        new()
        {
            Id = "710254", PostedAt = "2026-11-18", Title = "싱가포르 호텔 현장실습 (대학 연계 인턴십)", Company = "(사)한국호텔교육협회",
            Country = "SG", Locality = "Singapore", SalaryValue = 2_300, SalaryUnit = "MONTH", Currency = "SGD", EmploymentType = "INTERN",
            ContactEmail = "intern@khea.example.com",
            Body = """
                대학 호텔관광학과 재학생 대상 싱가포르 호텔 현장실습 프로그램입니다.

                * 실습 기간 12개월, 객실, 식음료 부서 순환 근무
                * 현지 호텔이 월 2,300 싱가포르달러 실습 수당 지급
                * 비자(Training Employment Pass)는 호텔이 신청

                소속 대학의 추천서가 필요하며, 사전 설명회에 참석해야 지원할 수 있습니다.
                """,
        },
        new()
        {
            Id = "710251", PostedAt = "2026-11-18", Title = "데이터 라벨링 재택 작업자 (파트타임)", Company = "(주)라벨웍스",
            Country = "KR", Locality = "서울특별시 구로구", SalaryValue = 11_000, SalaryUnit = "HOUR", EmploymentType = "PART_TIME",
            ContactEmail = "work@labelworks.example.com",
            Body = """
                AI 학습용 이미지 라벨링 작업자를 모집합니다. 전 과정 재택 근무입니다.

                * 주 15시간 이상, 원하는 시간에 작업
                * 시급 11,000원 (검수 통과 기준)
                * 온라인 교육 2시간 후 작업 시작

                PC 보유자, 꼼꼼하신 분이면 누구나 지원 가능합니다.
                """,
        },
        new()
        {
            Id = "710248", PostedAt = "2026-11-17", IsLure = true, Title = "태국 방콕 마케팅 매니저 (한국인 전용, 월 1,500)", Company = "Siam K-Marketing",
            Country = "TH", Locality = "Bangkok", SalaryMin = 10_000_000, SalaryMax = 15_000_000, SalaryUnit = "MONTH", ContactUrl = "https://line.me/ti/p/~siam_kmkt",
            Body = """
                방콕 사무실에서 한국 고객 대상 온라인 마케팅을 담당할 매니저를 모집합니다.

                * 월 1,000 ~ 1,500만원, 첫 달 선불 가능
                * 항공권과 콘도 숙소 제공
                * 나이, 경력 무관, 한국어만 가능하면 됨

                입국 후 업무 교육이 진행되며, 자세한 업무 내용은 라인 상담에서 안내합니다.
                """,
        },
        new()
        {
            Id = "710245", PostedAt = "2026-11-17", Title = "전기기사 (공장 설비 유지보수)", Company = "(주)태광케미칼",
            Country = "KR", Locality = "울산광역시 남구", SalaryMin = 45_000_000, SalaryMax = 58_000_000, SalaryUnit = "YEAR", ContactPhone = "052-270-3311",
            Body = """
                석유화학 공장 전기 설비 유지보수 담당자를 채용합니다.

                * 수변전 설비 점검, 예방 정비
                * 설비 고장 대응 (교대 근무 없음, 비상 대기 월 2회)

                전기기사 자격증 필수, 관련 경력 3년 이상.
                사택 또는 주거 지원금 제공.
                """,
        },
        new()
        {
            Id = "710242", PostedAt = "2026-11-16", Title = "베트남 하노이 생산법인 품질관리 주재원", Company = "(주)동아전자부품",
            Country = "VN", Locality = "Hanoi", SalaryMin = 70_000_000, SalaryMax = 85_000_000, SalaryUnit = "YEAR", ContactEmail = "global-hr@donga-parts.example.com",
            Body = """
                하노이 생산법인 품질관리 주재원을 모집합니다. 본사 정규직으로 채용 후 3년간 파견합니다.

                * 공정 품질 관리, 고객사 품질 감사 대응
                * 현지 품질팀 20명 관리

                해외 근무 수당, 주택, 자녀 학비 지원, 연 2회 귀국 항공권 제공.
                품질관리 경력 5년 이상, 전자부품 제조업 경험자.
                """,
        },
        new()
        {
            Id = "710239", PostedAt = "2026-11-15", Title = "주방 조리사 (구내식당, 주 5일)", Company = "(주)한끼푸드서비스",
            Country = "KR", Locality = "경기도 수원시 영통구", SalaryValue = 2_800_000, SalaryUnit = "MONTH", ContactPhone = "031-206-5520",
            Body = """
                기업 구내식당 조리사를 모집합니다. 점심 1식, 300인분 규모입니다.

                * 근무시간 06:30 ~ 15:30, 주 5일 (주말, 공휴일 휴무)
                * 한식 조리기능사 자격 소지자 우대

                4대보험, 중식 제공, 명절 선물.
                """,
        },
        new()
        {
            Id = "710236", PostedAt = "2026-11-15", IsLure = true, Title = "해외 VIP 고객 관리직 (시아누크빌, 즉시 출국)", Company = "SV Entertainment",
            Country = "KH", Locality = "Sihanoukville", SalaryValue = 12_000_000, SalaryUnit = "MONTH",
            Body = """
                시아누크빌 리조트에서 한국인 VIP 고객을 관리할 직원을 모집합니다.

                * 월 1,200만원 + 인센티브
                * 즉시 출국 가능자 우대, 항공권 선지급
                * 숙소, 식사, 세탁 서비스 제공

                여권 사진과 연락처를 텔레그램 @sv_vip_manager 로 보내 주시면 1시간 안에 연락드립니다.
                """,
        },
        new()
        {
            Id = "710233", PostedAt = "2026-11-14", Title = "사회복지사 (주간보호센터)", Company = "늘푸른주간보호센터",
            Country = "KR", Locality = "대전광역시 서구", SalaryValue = 2_650_000, SalaryUnit = "MONTH", ContactPhone = "042-522-1109",
            Body = """
                주간보호센터 사회복지사를 모집합니다.

                * 이용 어르신 프로그램 기획, 운영
                * 보호자 상담, 서류 관리

                사회복지사 2급 이상, 운전 가능자 우대.
                근무시간 08:30 ~ 17:30, 토요일 격주 근무.
                """,
        },
        new()
        {
            Id = "710230", PostedAt = "2026-11-13T10:30:00+09:00", Title = "프론트엔드 개발자 (React)", Company = "(주)스튜디오바람",
            Country = "KR", Locality = "서울특별시 마포구", SalaryMin = 48_000_000, SalaryMax = 65_000_000, SalaryUnit = "YEAR", ContactEmail = "jobs@studiobaram.example.com",
            Body = """
                교육 서비스를 만드는 스튜디오바람에서 프론트엔드 개발자를 찾습니다.

                * React, TypeScript 기반 웹 서비스 개발
                * 디자이너, 백엔드 개발자와 협업해 기능 개발

                실무 경력 2년 이상, 접근성과 성능에 관심 있는 분.
                유연 근무제(코어타임 11시 ~ 16시) 시행 중입니다.
                """,
        },
        new()
        {
            Id = "710228", PostedAt = "2026-11-12", Title = "물리치료사 (정형외과 의원)", Company = "바른정형외과의원",
            Country = "KR", Locality = "부산광역시 해운대구", SalaryValue = 3_300_000, SalaryUnit = "MONTH", ContactPhone = "051-744-0075",
            Body = """
                정형외과 의원 물리치료사를 모집합니다.

                * 도수치료, 운동치료 담당
                * 평일 09:00 ~ 18:30, 토요일 09:00 ~ 13:00

                물리치료사 면허 소지자, 도수치료 경력자 우대.
                """,
        },
        new()
        {
            Id = "710225", PostedAt = "2026-11-11", IsLure = true, Title = "라오스 현지 통역 겸 사무보조 (한국어 가능자)", Company = "Mekong Trading",
            Country = "LA", Locality = "Bokeo", SalaryValue = 9_000_000, SalaryUnit = "MONTH", ContactUrl = "https://t.me/mekong_trading_kr",
            Body = """
                보케오 경제특구 내 회사에서 통역 겸 사무보조를 모집합니다.

                * 월 900만원, 3개월 근무 후 보너스
                * 항공권, 숙소 제공, 공항 픽업
                * 라오스어 불필요, 한국어 가능자면 누구나

                출국 전 비용은 전혀 없으며, 세부 내용은 텔레그램으로 안내합니다.
                """,
        },
        new()
        {
            Id = "710222", PostedAt = "2026-11-10", Title = "건축 설계 보조 (CAD)", Company = "(주)담건축사사무소",
            Country = "KR", Locality = "광주광역시 동구", SalaryMin = 32_000_000, SalaryMax = 38_000_000, SalaryUnit = "YEAR", ContactEmail = "dam-arch@example.com",
            Body = """
                건축사사무소 설계 보조를 채용합니다.

                * 도면 작성 (AutoCAD), 인허가 서류 작성 보조
                * 현장 방문 동행

                건축학과 졸업(예정)자, 신입 지원 가능.
                """,
        },
        new()
        {
            Id = "710219", PostedAt = "2026-11-09", Title = "고객센터 상담원 (국내 카드사 인바운드)", Company = "(주)한결CS",
            Country = "KR", Locality = "서울특별시 영등포구", SalaryValue = 2_600_000, SalaryUnit = "MONTH", ContactPhone = "02-780-3355",
            Body = """
                카드사 고객센터 인바운드 상담원을 모집합니다.

                * 카드 분실 신고, 이용 내역 안내 등 전화 상담
                * 입사 후 2주 유급 교육

                4대보험, 인센티브 별도, 주 5일 09:00 ~ 18:00.
                영등포역 도보 5분.
                """,
        },
        new()
        {
            Id = "710216", PostedAt = "2026-11-08", Title = "자동차 정비사 (수입차 서비스센터)", Company = "(주)오토웍스",
            Country = "KR", Locality = "경기도 고양시 일산동구", SalaryMin = 40_000_000, SalaryMax = 52_000_000, SalaryUnit = "YEAR", ContactPhone = "031-908-6600",
            Body = """
                수입차 공식 서비스센터 정비사를 모집합니다.

                * 일반 정비, 점검, 진단 장비 사용
                * 제조사 기술 교육 지원

                자동차정비기능사 이상, 정비 경력 2년 이상.
                """,
        },
        new()
        {
            Id = "710213", PostedAt = "2026-11-07", Title = "초등 돌봄교실 전담사 (계약직)", Company = "세종한빛초등학교",
            Country = "KR", Locality = "세종특별자치시", SalaryValue = 2_100_000, SalaryUnit = "MONTH", EmploymentType = "CONTRACTOR",
            Body = """
                초등 돌봄교실 전담사를 모집합니다. 계약 기간은 2027년 2월까지입니다.

                * 1, 2학년 방과후 돌봄 (13:00 ~ 18:00)
                * 간식 지도, 놀이 활동, 안전 관리

                보육교사 2급 이상 또는 유치원, 초등 정교사 자격 소지자.
                서류는 hanbit-es@example.com 으로 제출해 주세요.
                """,
        },
        new()
        {
            Id = "710210", PostedAt = "2026-11-06", IsLure = true, Title = "해외 투자상담팀 (월 2,000 가능, 나이 무관)", Company = "Golden Asia Capital",
            Country = "MM", Locality = "Myawaddy", SalaryMin = 8_000_000, SalaryMax = 20_000_000, SalaryUnit = "MONTH", ContactUrl = "https://t.me/golden_asia_cap",
            Body = """
                해외 투자상담팀에서 함께할 팀원을 모집합니다.

                * 월 800만원부터, 실적에 따라 월 2,000만원 이상
                * 방콕 공항 도착 후 회사 차량으로 이동
                * 숙소, 식사, 휴대폰 지급

                경력 없어도 교육 후 바로 업무 가능. 나이 무관.
                """,
        },
    ];
}
