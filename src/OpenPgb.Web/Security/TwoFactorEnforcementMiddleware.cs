using Microsoft.Extensions.Options;

namespace OpenPgb.Web.Security;

/// <summary>
/// Staff who signed in without a second factor reach only the pages to set one up (and to log out), as long as
/// two-factor authentication is required for staff.
/// </summary>
public sealed class TwoFactorEnforcementMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public const string SetupPath = "/account/tweestapsverificatie";

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        var isStaff = user.IsInRole(PortalClaims.EmployeeRole) || user.IsInRole(PortalClaims.OperatorRole);
        if (options.Value.RequireTwoFactorForStaff && isStaff && !user.HasMfa() && !IsAllowedWithoutMfa(context.Request.Path))
        {
            context.Response.Redirect(SetupPath);
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool IsAllowedWithoutMfa(PathString path) =>
        path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/fout", StringComparison.OrdinalIgnoreCase);
}
