using System.Reflection;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.WebEncoders;
using ScamWatch.Accounts;
using ScamWatch.Storage;
using Serilog;

namespace ScamWatch.Web;

/// <summary>The review web app: Razor Pages UI, takedown downloads, health, security headers, login rate limit.</summary>
public static class WebSetup
{
    /// <summary>Reading the queue, items and evidence: reviewers, analysts (who study decisions) and admins.</summary>
    public const string ReviewPolicy = "review";

    /// <summary>Claiming and deciding: reviewers and admins only.</summary>
    public const string DecidePolicy = "decide";

    /// <summary>The operator page and its downloads: operators (own platform) and admins (any, read-only).</summary>
    public const string OperatorPolicy = "operator";
    public const string LoginRateLimit = "login";

    public static IServiceCollection AddScamWatchWeb(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        // Login cookies survive restarts: keys live beside the data (Web:KeysPath, default ./data/keys).
        services.AddDataProtection()
            .SetApplicationName("scamwatch")
            .PersistKeysToFileSystem(new DirectoryInfo(configuration["Web:KeysPath"] ?? Path.Combine("data", "keys")));
        // Explicit application part: the pages must be found even when another assembly (a test host) is the entry point.
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            // Every page is for reviewers, analysts and admins, except the operators' own page.
            o.Conventions.AddFolderApplicationModelConvention("/", page =>
                page.EndpointMetadata.Add(new AuthorizeAttribute(page.ViewEnginePath == "/Operator" ? OperatorPolicy : ReviewPolicy)));
            o.Conventions.AllowAnonymousToPage("/Login");
        }).AddApplicationPart(typeof(WebSetup).Assembly);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/login";
            // A signed-in user without the role gets a plain 403, not a bounce to the login page (and never the data).
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync("403: 이 화면을 볼 권한이 없습니다 / you are not allowed to see this page");
            };
            o.Cookie.Name = "scamwatch";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ReviewPolicy, p => p.RequireRole(Roles.Reviewer, Roles.Analyst, Roles.Admin))
            .AddPolicy(DecidePolicy, p => p.RequireRole(Roles.Reviewer, Roles.Admin))
            .AddPolicy(ApiEndpoints.ReadApi, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().RequireRole(Roles.Reviewer, Roles.Analyst, Roles.Admin))
            .AddPolicy(ApiEndpoints.ReviewApi, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().RequireRole(Roles.Reviewer, Roles.Admin))
            .AddPolicy(OperatorPolicy, p => p.RequireRole(Roles.Operator, Roles.Admin))
            .AddPolicy(OperatorApi.ReadPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().RequireRole(Roles.Operator, Roles.Reviewer, Roles.Admin))
            .AddPolicy(OperatorApi.WritePolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().RequireRole(Roles.Operator))
            .AddPolicy(ApiEndpoints.AnyApi, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser());
        services.AddOpenApi();
        services.AddHttpContextAccessor();
        services.AddScoped<Labels>();
        services.AddSingleton<OperatorReplies>();
        services.AddAntiforgery(o => o.Cookie.Name = "scamwatch-af");
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.HangulSyllables, UnicodeRanges.HangulJamo,
            UnicodeRanges.HangulCompatibilityJamo, UnicodeRanges.CjkSymbolsandPunctuation, UnicodeRanges.HalfwidthandFullwidthForms,
            UnicodeRanges.GeneralPunctuation, UnicodeRanges.GeometricShapes, UnicodeRanges.MiscellaneousSymbols));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    public static WebApplication UseScamWatchWeb(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            // The API docs page (Swagger UI, our own schema only) needs inline styles and data: icons; nothing else does.
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api-docs")
                ? "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
                : "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context).ConfigureAwait(false);
        });
        app.UseSerilogRequestLogging(o => o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms");
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGet("/healthz", async (Database db, CancellationToken ct) =>
        {
            await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
            return Results.Text("ok");
        }).AllowAnonymous();
        app.MapGet("/static/{name}", (string name) => StaticAsset(name)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/", (HttpContext http) => Results.Redirect(http.User.IsInRole(Roles.Operator) ? "/operator" : "/queue")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/lang/{lang}", (string lang, string? back, HttpContext http) =>
        {
            http.Response.Cookies.Append(Labels.Cookie, lang == "en" ? "en" : "ko",
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(365) });
            return Results.LocalRedirect(back is not null && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) ? back : "/queue");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/logout", async (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
            {
                return Results.BadRequest("anti-forgery token missing or invalid");
            }

            await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http).ConfigureAwait(false);
            return Results.Redirect("/login");
        }).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/audit.jsonl", ApiEndpoints.WriteAuditAsync).RequireAuthorization(ReviewPolicy).ExcludeFromDescription();
        TakedownEndpoints.Map(app);
        ApiEndpoints.Map(app);
        OperatorApi.Map(app);
        OperatorDownloads.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api-docs";
            o.SwaggerEndpoint("/openapi/v1.json", "ScamWatch API v1");
        });
        app.MapRazorPages();
        return app;
    }

    private static IResult StaticAsset(string name)
    {
        var contentType = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => null,
        };
        var stream = contentType is null ? null : Assembly.GetExecutingAssembly().GetManifestResourceStream("ScamWatch.Web.Static." + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }

    public static string? Platform(this ClaimsPrincipal user) => user.FindFirst("platform")?.Value;
}
