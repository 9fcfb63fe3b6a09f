using ScamWatch.Posts;

namespace ScamWatch.Tests.Posts;

public sealed class PostRecordReaderTests
{
    [Theory]
    [InlineData("{\"id\":\"a\",\"title\":\"t\"", "invalid JSON")]
    [InlineData("[1,2]", "expected a JSON object")]
    [InlineData("{\"title\":\"t\"}", "missing required field \"id\"")]
    [InlineData("{\"id\":\"a\"}", "neither \"title\" nor \"body\"")]
    [InlineData("{\"id\":\"a\",\"title\":5}", "field \"title\" must be a string")]
    public void Parse_BadLine_ReportsWhy(string line, string expected)
    {
        var result = PostRecordReader.Parse(line, 7, requireLabel: false);
        Assert.False(result.IsOk);
        Assert.Equal(7, result.Line);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownFields_AreIgnored()
    {
        var result = PostRecordReader.Parse("{\"id\":\"p1\",\"body\":\"본문\",\"secret_feature\":\"x\",\"nested\":{\"a\":1}}", 1, false);
        Assert.True(result.IsOk);
        Assert.Equal("본문", result.Record!.Body);
    }

    [Fact]
    public void Parse_NumericId_IsAcceptedAsText()
    {
        Assert.Equal("12345", PostRecordReader.Parse("{\"id\":12345,\"title\":\"t\"}", 1, false).Record!.Id);
    }

    [Theory]
    [InlineData("{\"id\":\"a\",\"title\":\"t\"}")]
    [InlineData("{\"id\":\"a\",\"title\":\"t\",\"label\":\"spam\"}")]
    public void Parse_TrainingWithoutValidLabel_IsRejected(string line)
    {
        Assert.Contains("label", PostRecordReader.Parse(line, 1, requireLabel: true).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MixedInput_KeepsLineNumbersAndSkipsBlankLines()
    {
        var input = "{\"id\":\"a\",\"title\":\"하나\"}\n\n{broken\n{\"id\":\"b\",\"body\":\"둘\"}\n";
        var results = new List<LineResult>();
        await foreach (var r in PostRecordReader.ReadAsync(new StringReader(input)))
        {
            results.Add(r);
        }

        Assert.Equal([1, 3, 4], results.Select(r => r.Line));
        Assert.Equal([true, false, true], results.Select(r => r.IsOk));
    }

    [Fact]
    public void Parse_OneMegabyteBody_IsAccepted()
    {
        var body = new string('가', 1_000_000);
        var result = PostRecordReader.Parse($"{{\"id\":\"big\",\"body\":\"{body}\"}}", 1, false);
        Assert.True(result.IsOk);
        Assert.Equal(1_000_000, result.Record!.Body!.Length);
    }
}
