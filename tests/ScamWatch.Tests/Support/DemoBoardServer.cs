using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Demo;

namespace ScamWatch.Tests.Support;

/// <summary>The demo board served on a free loopback port for a test.</summary>
public sealed class DemoBoardServer : IAsyncDisposable
{
    private WebApplication? _app;

    public DemoBoard Board { get; } = new(DemoBoard.LoadEmbedded());

    public string Url { get; private set; } = "";

    public static async Task<DemoBoardServer> StartAsync()
    {
        var server = new DemoBoardServer();
        server._app = await server.Board.StartAsync("http://127.0.0.1:0", CancellationToken.None);
        server.Url = ServerUrl(server._app);
        return server;
    }

    public static string ServerUrl(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
