using System.Text.Json;
using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Cli;

public sealed class ClassifyCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Classify_GoodAndBadLines_WritesOneResultPerLineInOrderAndExitsOne()
    {
        var input = string.Join('\n',
            """{"id":"p1","title":"캄보디아 프놈펜 고객상담 월 1,500만원","body":"항공권 숙소 제공\n여권만 있으면 OK\n텔레그램 @goodjob_kh"}""",
            """{"id":"p2","title":"편의점 야간 알바","body":"시급 12,000원, 4대보험, 주휴수당 지급","company":"GS25 역삼점"}""",
            "{not json",
            """{"id":"p3"}""",
            "",
            """{"id":"p4","body":"물류센터 상하차 일당 13만원 010-2222-3333","unknown_field":123}""");
        await File.WriteAllTextAsync(_dir.File("in.jsonl"), input);

        var result = await CliProcess.RunAsync(_dir.Path, null, "classify", "--input", "in.jsonl", "--output", "out.jsonl");

        Assert.Equal(1, result.ExitCode);
        var lines = await File.ReadAllLinesAsync(_dir.File("out.jsonl"));
        Assert.Equal(5, lines.Length);
        using var p1 = JsonDocument.Parse(lines[0]);
        Assert.Equal("p1", p1.RootElement.GetProperty("id").GetString());
        Assert.True(p1.RootElement.GetProperty("flagged").GetBoolean());
        Assert.InRange(p1.RootElement.GetProperty("score").GetDouble(), 0.5, 1);
        Assert.False(string.IsNullOrEmpty(p1.RootElement.GetProperty("model").GetString()));
        var reasons = p1.RootElement.GetProperty("reasons").EnumerateArray().ToList();
        Assert.Contains(reasons, r => r.GetProperty("kind").GetString() == "rule" && r.GetProperty("name").GetString() == "anonymous-messenger");
        Assert.Contains(reasons, r => r.GetProperty("kind").GetString() == "term");
        using var p2 = JsonDocument.Parse(lines[1]);
        Assert.False(p2.RootElement.GetProperty("flagged").GetBoolean());
        using var bad = JsonDocument.Parse(lines[2]);
        Assert.Equal(3, bad.RootElement.GetProperty("line").GetInt32());
        Assert.Contains("invalid JSON", bad.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var missing = JsonDocument.Parse(lines[3]);
        Assert.Equal(4, missing.RootElement.GetProperty("line").GetInt32());
        using var p4 = JsonDocument.Parse(lines[4]);
        Assert.Equal("p4", p4.RootElement.GetProperty("id").GetString());
        Assert.Contains("line 3:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 4:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_StdinToStdout_ExitsZero()
    {
        var result = await CliProcess.RunAsync(_dir.Path, """{"id":"x","title":"카페 바리스타 구합니다","body":"주말 오전 근무"}""" + "\n",
            "classify", "--input", "-", "--output", "-");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout.Trim());
        Assert.Equal("x", doc.RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(new[] { "nonsense" }, 2)]
    [InlineData(new[] { "classify" }, 2)]
    [InlineData(new[] { "classify", "--input", "a", "--output", "b", "--bogus" }, 2)]
    [InlineData(new[] { "classify", "--help" }, 0)]
    [InlineData(new[] { "--help" }, 0)]
    public async Task ExitCodes_FollowContract(string[] args, int expected)
    {
        var result = await CliProcess.RunAsync(_dir.Path, null, args);
        Assert.Equal(expected, result.ExitCode);
    }

    [Fact]
    public async Task Classify_MissingInputFile_IsUsageErrorWithOneLine()
    {
        var result = await CliProcess.RunAsync(_dir.Path, null, "classify", "--input", "nope.jsonl", "--output", "-");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("input file not found: nope.jsonl", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryVerb_HasHelp()
    {
        foreach (var verb in new[] { "demo", "serve", "crawl", "classify", "train", "evaluate", "posts", "export", "users" })
        {
            var result = await CliProcess.RunAsync(_dir.Path, null, verb, "--help");
            Assert.True(result.ExitCode == 0, $"{verb} --help exited {result.ExitCode}: {result.Stderr}");
            Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        }
    }
}
