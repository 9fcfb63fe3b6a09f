namespace ScamWatch.Tests.Support;

/// <summary>Paths in the repository checkout the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Models => Path.Combine(Root, "models");

    public static string PromotedModel => Path.Combine(Models, System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Models, "promoted.json"))).RootElement.GetProperty("version").GetString() + ".zip");

    /// <summary>The built executable beside the tests (the test project references it).</summary>
    public static string ScamWatchDll => Path.Combine(AppContext.BaseDirectory, "scamwatch.dll");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScamWatch.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ScamWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
