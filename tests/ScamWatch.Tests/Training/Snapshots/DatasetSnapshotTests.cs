using ScamWatch.Posts;
using ScamWatch.Tests.Support;
using ScamWatch.Training;

namespace ScamWatch.Tests.Training.Snapshots;

public sealed class DatasetSnapshotTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<DatasetSnapshot.Part> Parts(string lastTitle = "텔레그램 문의 캄보디아") =>
    [
        new("a.jsonl", [new PostRecord { Id = "a1", Title = "편의점 알바", Body = "시급 1만원", Label = "legit" }]),
        new("reviews", [new PostRecord { Id = "review:x/1@v1", Title = lastTitle, Label = "lure" }]),
    ];

    [Fact]
    public void Build_SameInputs_GiveTheSameHashAndBytes()
    {
        var a = DatasetSnapshot.Build(Parts());
        var b = DatasetSnapshot.Build(Parts());

        Assert.Equal(a.Sha256, b.Sha256);
        Assert.Equal(a.Bytes, b.Bytes);
        Assert.Equal([0, 1], a.Sources);
    }

    [Fact]
    public void Build_DifferentContent_GivesADifferentHash()
    {
        Assert.NotEqual(DatasetSnapshot.Build(Parts()).Sha256, DatasetSnapshot.Build(Parts("다른 제목")).Sha256);
    }

    [Fact]
    public void Build_DuplicateIdAcrossParts_IsRefused()
    {
        List<DatasetSnapshot.Part> parts = [new("a", [new PostRecord { Id = "x", Title = "t", Label = "lure" }]), new("b", [new PostRecord { Id = "x", Title = "t", Label = "legit" }])];
        Assert.Throws<InvalidDataException>(() => DatasetSnapshot.Build(parts));
    }

    [Fact]
    public void Write_SameContentTwice_ReusesTheFirstSnapshotUnchanged()
    {
        var content = DatasetSnapshot.Build(Parts());
        var first = DatasetSnapshot.Write(_dir.Path, content, new SnapshotManifest { CreatedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), Examples = 2 });
        var second = DatasetSnapshot.Write(_dir.Path, DatasetSnapshot.Build(Parts()), new SnapshotManifest { CreatedAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Examples = 2 });

        Assert.False(first.Reused);
        Assert.True(second.Reused);
        Assert.Equal(first.Directory, second.Directory);
        Assert.EndsWith(content.Sha256[..16], first.Directory, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), second.Manifest.CreatedAt);
        Assert.Equal(content.Sha256, LureTrainer.Sha256File(first.DataPath));
        Assert.Single(Directory.GetDirectories(_dir.Path));
    }

    [Fact]
    public void Write_SnapshotModifiedOnDisk_IsRefusedNotOverwritten()
    {
        var content = DatasetSnapshot.Build(Parts());
        var written = DatasetSnapshot.Write(_dir.Path, content, new SnapshotManifest());
        File.SetAttributes(written.DataPath, FileAttributes.Normal);
        File.AppendAllText(written.DataPath, "{\"id\":\"sneaky\"}\n");

        var ex = Assert.Throws<InvalidDataException>(() => DatasetSnapshot.Write(_dir.Path, content, new SnapshotManifest()));
        Assert.Contains("does not match its hash", ex.Message, StringComparison.Ordinal);
    }
}
