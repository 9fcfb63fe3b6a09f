using ScamWatch.Tests.Support;

namespace ScamWatch.Tests.Web.Browser;

/// <summary>One Chromium per test class; each test gets its own sessions (cookie jars) and its own app.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public Support.Browser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await Support.Browser.StartAsync();

    public async Task DisposeAsync() => await Browser.DisposeAsync();
}
