using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using ScamWatch.Accounts;

namespace ScamWatch.Web.Pages;

[EnableRateLimiting(WebSetup.LoginRateLimit)]
public sealed class LoginModel(UserStore users, ILogger<LoginModel> logger) : PageModel
{
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string username, string password, CancellationToken ct)
    {
        var user = await users.VerifyAsync(username ?? "", password ?? "", ct);
        if (user is null)
        {
            logger.LogWarning("Failed login for {Username} from {RemoteIp}", username, HttpContext.Connection.RemoteIpAddress);
            Error = "아이디 또는 비밀번호가 올바르지 않습니다.";
            return Page();
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, user.Username), new(ClaimTypes.Role, user.Role) };
        if (user.Platform is not null)
        {
            claims.Add(new Claim("platform", user.Platform));
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        logger.LogInformation("User {Username} signed in with role {Role}", user.Username, user.Role);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : user.Role == Roles.Operator ? "/operator" : "/queue");
    }
}
