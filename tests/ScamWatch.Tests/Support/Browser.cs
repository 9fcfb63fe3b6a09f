using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ScamWatch.Tests.Support;

/// <summary>
/// Real headless Chromium (Debian's /usr/bin/chromium, or SCAMWATCH_CHROMIUM) driven by Playwright, with no browser
/// download. Every page runs in a context that lets requests reach the app under test and nothing else: any other
/// request is recorded as a leak and aborted, so a test can prove that no request left the page.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private IPlaywright _playwright = null!;

    public IBrowser Chromium { get; private set; } = null!;

    public static async Task<Browser> StartAsync()
    {
        var path = Environment.GetEnvironmentVariable("SCAMWATCH_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Chromium not found at {path}: install Debian's chromium package (./test.sh does) or set SCAMWATCH_CHROMIUM");
        }

        var b = new Browser { _playwright = await Playwright.CreateAsync() };
        b.Chromium = await b._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-first-run", "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                "--dns-prefetch-disable",
            ],
        });
        return b;
    }

    /// <summary>A fresh browser session (own cookies) fenced to one origin.</summary>
    public async Task<Session> SessionAsync(string appUrl)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "ko-KR", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var session = new Session(context, new Uri(appUrl));
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" && url.Authority == session.Origin.Authority)
            {
                session.Requests.Add(route.Request.Method + " " + url.PathAndQuery);
                await route.ContinueAsync();
            }
            else
            {
                session.Leaks.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        context.Page += (_, page) =>
        {
            page.Dialog += (_, dialog) =>
            {
                session.Dialogs.Add(dialog.Message);
                _ = dialog.DismissAsync();
            };
            page.Console += (_, message) => session.Console.Add(message.Type + ": " + message.Text);
        };
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.CloseAsync();
        _playwright.Dispose();
    }

    public sealed class Session(IBrowserContext context, Uri origin) : IAsyncDisposable
    {
        public IBrowserContext Context { get; } = context;
        public Uri Origin { get; } = origin;

        /// <summary>Requests to anywhere but the app (aborted).</summary>
        public ConcurrentBag<string> Leaks { get; } = [];

        /// <summary>Requests that reached the app: "GET /path?query".</summary>
        public ConcurrentBag<string> Requests { get; } = [];

        public ConcurrentBag<string> Dialogs { get; } = [];

        public ConcurrentBag<string> Console { get; } = [];

        /// <summary>Signs in through the login form and waits for the landing page (operators land on /operator).</summary>
        public async Task<IPage> LogInAsync(string user, string password, string landing = "/queue")
        {
            var page = await Context.NewPageAsync();
            await page.GotoAsync(new Uri(Origin, "/login").ToString());
            await page.FillAsync("input[name=username]", user);
            await page.FillAsync("input[name=password]", password);
            await page.ClickAsync("section.login button[type=submit]");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == landing);

            return page;
        }

        public string Url(string path) => new Uri(Origin, path).ToString();

        public async ValueTask DisposeAsync() => await Context.CloseAsync();
    }
}
